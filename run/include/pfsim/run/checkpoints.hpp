#pragma once
// Per-replication checkpoints beside the results file (<out>.ckpt/), so `pfsim run --resume` after a crash
// or kill -9 runs only what is missing. A fingerprint of the resolved scenario guards against resuming with
// a different scenario; checkpoints are removed once the final file is written.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "pfsim/models/replication_result.hpp"
#include "pfsim/scenario/scenario.hpp"

namespace pfsim::run {

class Checkpoints {
 public:
  /// `fingerprint` identifies the run (resolved scenario text and seed); `resume` keeps matching checkpoints.
  /// `command_line` is kept beside them, so a resume that cannot use them can say which run wrote them.
  Checkpoints(const std::filesystem::path& results_path, const std::string& fingerprint, bool resume,
              const std::string& command_line = {});
  /// Replications already finished (only when resuming with a matching fingerprint).
  [[nodiscard]] const std::map<std::uint64_t, models::ReplicationResult>& finished() const { return finished_; }
  /// Saves one replication atomically (temporary file + rename). Thread-safe: each replication has its own file.
  void save(std::uint64_t replication, const models::ReplicationResult& result) const;
  /// Deletes the checkpoint directory (after the final results file is safely written).
  void remove_all() const;
  [[nodiscard]] const std::filesystem::path& directory() const { return dir_; }
  /// With `resume`, why nothing was reused ("no checkpoints ...", "discarded 5 checkpoints written for ..."), else empty.
  [[nodiscard]] const std::string& not_reused_because() const { return not_reused_because_; }

 private:
  std::filesystem::path dir_;
  std::map<std::uint64_t, models::ReplicationResult> finished_;
  std::string not_reused_because_;
};

/// FNV-1a of the pfsim version and the text, as 16 hex digits (stable across builds of one version; used to match
/// checkpoints to a run). The version is in it because a release that changes results must not resume replications
/// of the one before (docs/DESIGN.md: a deliberate change of results bumps the project version).
std::string fingerprint_of(const std::string& text);

/// The fingerprint of a run of `scenario` (its resolved text, so -r, --seed and --set are in it): what checkpoints
/// and array-job shards are matched by. Sampled parameters change every replication's results, so a run with
/// --parameter-uncertainty never matches one without, nor back.
std::string run_fingerprint(const scenario::Scenario& scenario, bool parameter_uncertainty);

}  // namespace pfsim::run
