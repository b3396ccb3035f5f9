// pfsim merge PART.h5... -o results.h5 [--force] [--quiet] : the shards of an array job (`pfsim run --shard K/N`)
// assembled into the results file one `pfsim run` of every replication would have written (README "Slurm array
// jobs"). The scenario is rebuilt from the file and overrides the shards recorded, and must still have their
// fingerprint, so the record (/kpi/summary, the scheme analysis, the stability checks) is the single run's.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli_messages.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "output_guard.hpp"
#include "output_path.hpp"
#include "pfsim/loader/load.hpp"
#include "pfsim/models/warmup.hpp"
#include "pfsim/output/output.hpp"
#include "pfsim/run/checkpoints.hpp"
#include "pfsim/run/distributed.hpp"
#include "pfsim/run/invocation_meta.hpp"
#include "pfsim/run/run_meta.hpp"
#include "pfsim/run/run_record.hpp"
#include "pfsim/run/sampled_scenarios.hpp"
#include "pfsim/run/shard.hpp"
#include "pfsim/run/version.hpp"

namespace pfsim::cli {
using namespace pfsim::run;

namespace {
namespace fs = std::filesystem;

struct MergeOptions {
  std::vector<std::string> parts;
  std::string output;
  bool force = false;
  bool quiet = false;
};

// A part that is missing, foreign or damaged is bad input (exit 2), like a bad results file for `report`.
std::vector<std::pair<fs::path, output::ShardFile>> read_parts(const std::vector<std::string>& paths) {
  std::vector<std::pair<fs::path, output::ShardFile>> parts;
  for (const std::string& path : paths) {
    try {
      parts.emplace_back(path, output::read_shard(path));
    } catch (const output::OutputError& e) {
      throw BadArgument(fmt::format("pfsim merge: {}", e.what()));
    }
  }
  return parts;
}

// The scenario the shards ran, read again from the file and overrides they recorded.
struct RebuiltScenario {
  std::optional<loader::ScenarioDocument> document;
  scenario::Scenario scenario;
  std::vector<fs::path> files_read;
};

RebuiltScenario rebuild_scenario(const ShardedRun& run) {
  std::error_code ec;
  if (!fs::is_regular_file(run.scenario_file, ec))
    throw BadArgument(fmt::format("pfsim merge: the shards ran {}, which is no longer there (hint: merge on a machine that "
                                  "sees the file at that path, as the array tasks did)", run.scenario_file));
  RebuiltScenario rebuilt;
  rebuilt.document.emplace(loader::read_scenario(run.scenario_file, run.scenario_overrides, rebuilt.files_read));
  rebuilt.scenario = loader::build_scenario(*rebuilt.document);
  rebuilt.scenario.run.check_invariants = run.invariant_checks;
  rebuilt.scenario.source_file = run.source_file;  // the merged file names the scenario as the shards' command did
  if (run_fingerprint(rebuilt.scenario, run.parameter_uncertainty) != run.fingerprint)
    throw BadArgument(fmt::format("pfsim merge: {} (or a file it reads) changed since the shards ran: its resolved scenario's "
                                  "fingerprint is now {}, the shards' {} (hint: restore the scenario the shards ran, or run "
                                  "them again)", run.scenario_file, run_fingerprint(rebuilt.scenario, run.parameter_uncertainty),
                                  run.fingerprint));
  return rebuilt;
}

int merge(const MergeOptions& options, const std::string& command_line) {
  if (Distributed::instance().ranks() > 1)
    throw BadArgument("pfsim merge: not under mpirun (hint: run it as one process once every shard has finished)");
  const fs::path out = options.output;
  check_output_path(out);
  const auto parts = read_parts(options.parts);
  MergedShards merged = merge_shards(parts);
  if (merged.run.pfsim_version != kVersion)
    throw BadArgument(fmt::format("pfsim merge: the shards were written by pfsim {}, this is pfsim {} (hint: merge them with "
                                  "pfsim {}, or run them again with this one)", merged.run.pfsim_version, kVersion,
                                  merged.run.pfsim_version));
  RebuiltScenario rebuilt = rebuild_scenario(merged.run);
  scenario::Scenario& scenario = rebuilt.scenario;
  {  // neither a part nor anything the scenario reads may be overwritten
    std::vector<InputFile> inputs;
    for (const auto& [path, shard] : parts) inputs.push_back({path, "a shard file"});
    add_scenario_inputs(inputs, rebuilt.files_read);
    guard_outputs({{out, "-o", OutputKind::Results}}, inputs, options.force);
  }
  std::optional<SampledScenarios> sampled;
  if (merged.run.parameter_uncertainty) sampled.emplace(*rebuilt.document, scenario, merged.run.source_file);
  // The same deterministic pilot every shard ran, so /meta records the warm-up they used.
  const std::optional<models::WarmupChoice> warmup = models::choose_warmup(scenario);

  ReplicationPlan plan;
  plan.replications = merged.run.replications;
  ReplicationRun run;
  run.results = std::move(merged.results);
  run.replications_needed = run.results.size();
  output::RunRecord record = make_run_record(scenario, run.results, command_line);
  add_run_meta(record, scenario, plan, run, "ae_4h_pct", warmup, sampled ? &*sampled : nullptr);
  // The invocation: every shard was a process; run_seconds is their sum, the compute the run took.
  add_invocation_meta(record, merged.threads, static_cast<int>(merged.run.shards), merged.run_seconds);
  record.extra_meta.emplace_back("shards", fmt::format("{} array-job shards merged by pfsim merge", merged.run.shards));
  record.extra_meta.emplace_back("shard_command_lines", fmt::format("{}", fmt::join(merged.command_lines, "\n")));
  output::write_results(record, out);

  if (!options.quiet) {
    fmt::print("{}: merged {} shards, {} replications x {} days (+{} warm-up) from {}\n", scenario.name, merged.run.shards,
               run.results.size(), scenario.run.days, scenario.run.warmup_days, merged.run.scenario_file);
    fmt::print("{}{}", output::format_headline_table(record.kpis, scenario.headline_kpis), output::format_summary_table(record.kpis));
    fmt::print("wrote {} (the datasets `pfsim run` of all {} replications writes; the shards ran {:.1f} s in all)\n", out.string(),
               run.results.size(), merged.run_seconds);
  }
  return kOk;
}

}  // namespace

Command add_merge_command(CLI::App& app) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand("merge", "Merge the shard files of an array job (pfsim run --shard K/N) into one results file");
  cmd->add_option("parts", options->parts, "Every shard's file (HDF5) written by pfsim run --shard K/N, in any order")->required();
  cmd->add_option("-o,--output", options->output, "Results file (HDF5); written to <file>.tmp then renamed")->required();
  cmd->add_flag("--force", options->force, "Overwrite an existing -o even if it is not an HDF5 file (never a part or the scenario)");
  cmd->add_flag("-q,--quiet", options->quiet, "No table");
  return [options]() { return merge(*options, whole_command_line()); };
}

}  // namespace pfsim::cli
