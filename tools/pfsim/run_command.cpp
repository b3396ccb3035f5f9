// pfsim run SCENARIO [-o results.h5] [-r REPS] [-j THREADS] [--seed N] [--set k=v]... [--quiet]
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "output_path.hpp"
#include "progress.hpp"
#include "pfsim/output/output.hpp"
#include "pfsim/scenario_file/load.hpp"
#include "replications.hpp"
#include "run_record.hpp"

namespace pfsim::cli {

namespace {
struct RunOptions {
  std::string scenario;
  std::string output = "results.h5";
  int replications = 0;  // 0 = as in the scenario
  int threads = 0;       // 0 = all cores
  std::string seed;      // empty = as in the scenario
  std::vector<std::string> overrides;
  bool quiet = false;
};

int run(const RunOptions& options, const std::string& command_line) {
  std::vector<std::string> overrides = options.overrides;
  // -r and --seed are overrides too, so the resolved scenario stored in the results records them.
  if (options.replications > 0) overrides.push_back(fmt::format("run.replications={}", options.replications));
  if (!options.seed.empty()) overrides.push_back("run.seed=" + options.seed);
  const models::Scenario scenario = scenario_file::load_scenario(options.scenario, overrides);
  const std::filesystem::path out = options.output;
  check_output_path(out);

  const auto replications = static_cast<std::size_t>(scenario.run.replications);
  const std::size_t threads = options.threads > 0 ? static_cast<std::size_t>(options.threads)
                                                  : std::max(1u, std::thread::hardware_concurrency());
  const bool show_progress = !options.quiet && stderr_is_terminal();
  const auto started = std::chrono::steady_clock::now();
  std::vector<models::ReplicationResult> results;
  {
    Progress progress(replications, show_progress);
    results = run_replications(scenario, replications, threads, [&] { progress.advance(); });
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  output::RunRecord record = make_run_record(scenario, results, command_line);
  output::write_results(record, out);

  if (!options.quiet) {
    std::uint64_t events = 0;
    for (const auto& r : results) events += r.events;
    const double years = static_cast<double>(replications) * (scenario.run.days + scenario.run.warmup_days) / 365.25;
    fmt::print("{}: {} replications x {} days (+{} warm-up) from {}\n", scenario.name, replications, scenario.run.days,
               scenario.run.warmup_days, engine::to_iso(scenario.run.start_date));
    fmt::print("{}", output::format_summary_table(record.kpis));
    fmt::print("ran in {:.2f} s on {} threads: {:.2f} replication-years/s, {:.3g} events/s; wrote {}\n", seconds, threads,
               years / seconds, static_cast<double>(events) / seconds, out.string());
  }
  return kOk;
}
}  // namespace

Command add_run_command(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run a scenario's replications and write results (HDF5)");
  cmd->add_option("scenario", options->scenario, "Scenario file (YAML)")->required();
  cmd->add_option("-o,--output", options->output, "Results file (HDF5); written to <file>.tmp then renamed")->capture_default_str();
  cmd->add_option("-r,--replications", options->replications, "Replications (overrides run.replications)")->check(CLI::Range(1, 100000));
  cmd->add_option("-j,--threads", options->threads, "Worker threads (default: all cores)")->check(CLI::Range(1, 1024));
  cmd->add_option("--seed", options->seed, "Master seed (overrides run.seed)");
  cmd->add_option("--set", options->overrides, "Override a scenario value, e.g. --set sites.Southend.beds.general=600");
  cmd->add_flag("-q,--quiet", options->quiet, "No progress bar and no table");
  return [options]() {
    std::string command_line = "pfsim run " + options->scenario;
    for (const auto& o : options->overrides) command_line += " --set " + o;
    return run(*options, command_line);
  };
}

}  // namespace pfsim::cli
