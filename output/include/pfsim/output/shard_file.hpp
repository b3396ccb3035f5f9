#pragma once
// Partial results files of an array job (`pfsim run --shard K/N`): what one shard of a run computed, kept until
// `pfsim merge` assembles every shard into the results file a single run would have written. The output layer
// stores the shard's identity as strings and each replication as opaque bytes (the run layer's replication
// codec); it knows nothing of what they mean.
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace pfsim::output {

struct ShardFile {
  /// /meta string attributes, in order (which shard, which run, the invocation).
  std::vector<std::pair<std::string, std::string>> meta;
  /// /shard/scenario_overrides: the `--set`-style overrides the run's scenario was read with, in order.
  std::vector<std::string> scenario_overrides;
  /// /shard/replication and the bytes of each (/shard/bytes, split by /shard/length), in the same order.
  std::vector<std::uint64_t> replications;
  std::vector<std::string> encoded;

  friend bool operator==(const ShardFile&, const ShardFile&) = default;
};

/// The /meta attribute that marks a shard file (its value says which shard, "2 of 4"); results files never carry it.
inline constexpr const char* kShardMarker = "array_job_shard";

/// Writes `shard` atomically (<path>.tmp, then rename), like write_results. Throws OutputError.
void write_shard(const ShardFile& shard, const std::filesystem::path& path);

/// Reads a file write_shard wrote. Throws OutputError naming the file for anything else (a results file included).
ShardFile read_shard(const std::filesystem::path& path);

}  // namespace pfsim::output
