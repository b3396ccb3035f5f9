#include "pfsim/run/shard.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "pfsim/run/bad_argument.hpp"
#include "pfsim/run/replication_codec.hpp"

namespace pfsim::run {

namespace fs = std::filesystem;

namespace {

std::optional<std::size_t> whole_number(const std::string& text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

constexpr const char* kShardHint = "hint: write --shard K/N for shard K (0 to N-1) of N, e.g. --shard 0/4, or --shard slurm "
                                   "inside an `sbatch --array=0-3` job";

Shard slurm_shard(const Environment& environment) {
  const auto variable = [&](const char* name) -> std::size_t {
    const char* value = environment(name);
    if (value == nullptr)
      throw BadArgument(fmt::format("--shard slurm: {} is not set, so this is not a Slurm array task (hint: submit it with "
                                    "`sbatch --array=0-3 ...`, or give the shard as --shard K/N)", name));
    const std::optional<std::size_t> number = whole_number(value);
    if (!number) throw BadArgument(fmt::format("--shard slurm: {}=\"{}\" is not a whole number (hint: let Slurm set it)", name, value));
    return *number;
  };
  if (const char* step = environment("SLURM_ARRAY_TASK_STEP"); step != nullptr && std::string(step) != "1")
    throw BadArgument(fmt::format("--shard slurm: the array has step {} (hint: number the tasks 0-N-1 without a step, "
                                  "e.g. --array=0-3, so each task is one shard)", step));
  const std::size_t id = variable("SLURM_ARRAY_TASK_ID"), first = variable("SLURM_ARRAY_TASK_MIN");
  const std::size_t count = variable("SLURM_ARRAY_TASK_COUNT");
  if (id < first || id - first >= count)
    throw BadArgument(fmt::format("--shard slurm: task {} is outside the array's {} tasks from {} (hint: number the tasks "
                                  "without gaps, e.g. --array=0-{})", id, count, first, count == 0 ? 0 : count - 1));
  return {id - first, count};
}

std::string yes_no(bool value) { return value ? "yes" : "no"; }

// The /meta entries of a shard file, by name.
class ShardMeta {
 public:
  ShardMeta(const fs::path& file, const output::ShardFile& shard) : file_(file) {
    for (const auto& [key, value] : shard.meta) values_[key] = value;
  }
  [[nodiscard]] const std::string& text(const std::string& key) const {
    const auto found = values_.find(key);
    if (found == values_.end())
      throw BadArgument(fmt::format("{}: a shard file without /meta {} (hint: write the shards again with this pfsim's "
                                    "`pfsim run --shard K/N`)", file_.string(), key));
    return found->second;
  }
  [[nodiscard]] std::size_t number(const std::string& key) const {
    const std::optional<std::size_t> value = whole_number(text(key));
    if (!value)
      throw BadArgument(fmt::format("{}: /meta {} is \"{}\", not a whole number (hint: write the shard again)", file_.string(), key, text(key)));
    return *value;
  }
  [[nodiscard]] std::string optional(const std::string& key) const {
    const auto found = values_.find(key);
    return found == values_.end() ? std::string() : found->second;
  }

 private:
  const fs::path& file_;
  std::map<std::string, std::string> values_;
};

ShardedRun run_of(const ShardMeta& meta, const output::ShardFile& shard) {
  ShardedRun run;
  run.fingerprint = meta.text("fingerprint");
  run.pfsim_version = meta.text("pfsim_version");
  run.seed = meta.number("seed");
  run.replications = meta.number("replications");
  run.shards = meta.number("shard_count");
  run.scenario_file = meta.text("scenario_file");
  run.source_file = meta.text("source_file");
  run.scenario_overrides = shard.scenario_overrides;
  run.parameter_uncertainty = meta.text("parameter_uncertainty") == "yes";
  run.invariant_checks = meta.text("invariant_checks") == "yes";
  return run;
}

// The first way two shards' runs differ, in words, or empty when they are the same run.
std::string difference(const ShardedRun& a, const ShardedRun& b) {
  if (a.pfsim_version != b.pfsim_version) return fmt::format("pfsim versions differ ({} and {})", a.pfsim_version, b.pfsim_version);
  if (a.shards != b.shards) return fmt::format("shard counts differ ({} and {})", a.shards, b.shards);
  if (a.replications != b.replications) return fmt::format("replication counts differ ({} and {})", a.replications, b.replications);
  if (a.seed != b.seed) return fmt::format("seeds differ ({} and {})", a.seed, b.seed);
  if (a.fingerprint != b.fingerprint)
    return fmt::format("resolved scenarios differ (fingerprints {} and {}: the scenario, a file it reads or --set changed)",
                       a.fingerprint, b.fingerprint);
  if (a.parameter_uncertainty != b.parameter_uncertainty) return "one ran with --parameter-uncertainty, the other without";
  if (a.invariant_checks != b.invariant_checks) return "one ran with --check, the other without";
  if (a.scenario_file != b.scenario_file) return fmt::format("scenario files differ ({} and {})", a.scenario_file, b.scenario_file);
  return {};
}

}  // namespace

std::vector<std::size_t> Shard::replications(std::size_t total) const {
  std::vector<std::size_t> mine;
  for (std::size_t r = index; r < total; r += count) mine.push_back(r);
  return mine;
}

Shard parse_shard(const std::string& text, const Environment& environment) {
  if (text == "slurm") return slurm_shard(environment);
  const std::size_t slash = text.find('/');
  const std::optional<std::size_t> index = slash == std::string::npos ? std::nullopt : whole_number(text.substr(0, slash));
  const std::optional<std::size_t> count = slash == std::string::npos ? std::nullopt : whole_number(text.substr(slash + 1));
  if (!index || !count) throw BadArgument(fmt::format("--shard: expected K/N or slurm, got \"{}\" ({})", text, kShardHint));
  if (*count == 0) throw BadArgument(fmt::format("--shard {}: N must be at least 1 ({})", text, kShardHint));
  if (*index >= *count)
    throw BadArgument(fmt::format("--shard {}: shard {} does not exist in {} shards numbered 0 to {} ({})", text, *index, *count,
                                  *count - 1, kShardHint));
  return {*index, *count};
}

output::ShardFile make_shard_file(const ShardedRun& run, const Shard& shard, const std::vector<std::size_t>& replications,
                                  const std::vector<models::ReplicationResult>& results,
                                  const std::vector<std::pair<std::string, std::string>>& invocation) {
  output::ShardFile file;
  file.meta = {{output::kShardMarker, fmt::format("{} of {}", shard.index, shard.count)},
               {"shard_index", fmt::format("{}", shard.index)},
               {"shard_count", fmt::format("{}", shard.count)},
               {"replications", fmt::format("{}", run.replications)},
               {"seed", fmt::format("{}", run.seed)},
               {"fingerprint", run.fingerprint},
               {"pfsim_version", run.pfsim_version},
               {"scenario_file", run.scenario_file},
               {"source_file", run.source_file},
               {"parameter_uncertainty", yes_no(run.parameter_uncertainty)},
               {"invariant_checks", yes_no(run.invariant_checks)}};
  file.meta.insert(file.meta.end(), invocation.begin(), invocation.end());
  file.scenario_overrides = run.scenario_overrides;
  for (std::size_t k = 0; k < replications.size(); ++k) {
    file.replications.push_back(replications[k]);
    file.encoded.push_back(encode_replication(replications[k], results[k]));
  }
  return file;
}

MergedShards merge_shards(const std::vector<std::pair<fs::path, output::ShardFile>>& parts) {
  if (parts.empty()) throw BadArgument("pfsim merge: no shard files given (hint: pfsim merge part-*.h5 -o results.h5)");
  MergedShards merged;
  const ShardMeta first_meta(parts.front().first, parts.front().second);
  merged.run = run_of(first_meta, parts.front().second);
  const std::size_t shards = merged.run.shards, total = merged.run.replications;
  std::vector<const fs::path*> file_of_shard(shards, nullptr);
  merged.command_lines.resize(shards);
  std::vector<std::optional<models::ReplicationResult>> results(total);
  for (const auto& [file, shard] : parts) {
    const ShardMeta meta(file, shard);
    if (const std::string why = difference(merged.run, run_of(meta, shard)); !why.empty())
      throw BadArgument(fmt::format("pfsim merge: {} and {} are shards of different runs: {} (hint: merge only the parts of one "
                                    "array job, all written by the same `pfsim run ... --shard K/N` command)",
                                    parts.front().first.string(), file.string(), why));
    const std::size_t index = meta.number("shard_index");
    if (index >= shards)
      throw BadArgument(fmt::format("{}: shard {} of {} does not exist (hint: write the shard again)", file.string(), index, shards));
    if (file_of_shard[index] != nullptr)
      throw BadArgument(fmt::format("pfsim merge: {} and {} are both shard {} of {} (hint: give each shard's file once)",
                                    file_of_shard[index]->string(), file.string(), index, shards));
    file_of_shard[index] = &file;
    merged.command_lines[index] = meta.optional("command_line");
    merged.threads = std::max(merged.threads, whole_number(meta.optional("threads")).value_or(1));
    merged.run_seconds += std::strtod(meta.optional("run_seconds").c_str(), nullptr);
    const std::vector<std::size_t> expected = Shard{index, shards}.replications(total);
    bool complete = shard.encoded.size() == expected.size();
    for (std::size_t k = 0; complete && k < expected.size(); ++k) {
      auto decoded = decode_replication(shard.encoded[k]);
      complete = decoded && decoded->first == expected[k] && shard.replications[k] == expected[k];
      if (complete) results[expected[k]] = std::move(decoded->second);
    }
    if (!complete)
      throw BadArgument(fmt::format("{}: shard {} of {} does not hold its {} replications intact (hint: rerun array task {} "
                                    "with --resume, then merge again)", file.string(), index, shards, expected.size(), index));
  }
  std::string missing;
  for (std::size_t k = 0; k < shards; ++k)
    if (file_of_shard[k] == nullptr) missing += fmt::format("{}{}", missing.empty() ? "" : ", ", k);
  if (!missing.empty())
    throw BadArgument(fmt::format("pfsim merge: shard(s) {} of {} missing: {} of {} part(s) given (hint: rerun array task {} — the "
                                  "same command with --shard K/{} and --resume, which keeps what it had checkpointed — then merge again)",
                                  missing, shards, parts.size(), shards, missing, shards));
  for (auto& result : results) merged.results.push_back(std::move(*result));
  return merged;
}

}  // namespace pfsim::run
