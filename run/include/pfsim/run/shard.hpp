#pragma once
// Array jobs (README "Slurm array jobs"): shard K of N runs replications K, K + N, K + 2N, ... — the assignment of
// MPI rank K of N, so each replication has the same streams and results wherever it runs — and writes a partial
// file; `pfsim merge` checks the parts belong together and assembles the results file a single run would write.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "pfsim/models/replication_result.hpp"
#include "pfsim/output/shard_file.hpp"

namespace pfsim::run {

struct Shard {
  std::size_t index = 0, count = 1;
  /// This shard's replications of `total`, in increasing order.
  [[nodiscard]] std::vector<std::size_t> replications(std::size_t total) const;
};

/// Reads an environment variable (std::getenv in the CLI; a map in tests). Null when unset.
using Environment = std::function<const char*(const char*)>;

/// Parses --shard: "K/N" with 0 <= K < N, or "slurm" for K = SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN and
/// N = SLURM_ARRAY_TASK_COUNT (an `#SBATCH --array=0-3` job). Throws BadArgument saying what to write instead.
Shard parse_shard(const std::string& text, const Environment& environment);

/// What makes shards parts of one run; merge refuses parts that differ in any of it.
struct ShardedRun {
  std::string fingerprint;  // run_fingerprint(): the resolved scenario, as the checkpoints match it
  std::string pfsim_version;
  std::uint64_t seed = 0;
  std::size_t replications = 0, shards = 1;
  std::string scenario_file;  // absolute, so merge can rebuild the scenario from any directory
  std::string source_file;    // the scenario as the command named it (/meta source_file), which the merged file keeps
  std::vector<std::string> scenario_overrides;  // --set, -r and --seed as the loader applied them
  bool parameter_uncertainty = false, invariant_checks = false;
};

/// Shard `shard`'s file: the run it belongs to, `invocation` (/meta entries such as command_line, threads,
/// run_seconds) and `results[k]`, replication `replications[k]`, in the replication codec's bytes.
output::ShardFile make_shard_file(const ShardedRun& run, const Shard& shard, const std::vector<std::size_t>& replications,
                                  const std::vector<models::ReplicationResult>& results,
                                  const std::vector<std::pair<std::string, std::string>>& invocation);

/// Every shard of one run, assembled.
struct MergedShards {
  ShardedRun run;
  std::vector<models::ReplicationResult> results;  // replication 0 .. R-1
  std::vector<std::string> command_lines;          // shard 0 .. N-1
  std::size_t threads = 1;                         // the most any shard used
  double run_seconds = 0;                          // summed over the shards
};

/// Checks that `parts` hold every shard of one run exactly once (same fingerprint, seed, R, N and version) and
/// every replication of each, then puts the replications in order. Throws BadArgument naming the file and the fix
/// ("shard 3 of 4 is missing (hint: rerun array task 3 ... --resume)").
MergedShards merge_shards(const std::vector<std::pair<std::filesystem::path, output::ShardFile>>& parts);

}  // namespace pfsim::run
