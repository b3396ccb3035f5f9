// pfsim compare BASE.yaml OPTION.yaml... [-o compare.h5] [-r REPS] [-j THREADS] [--set k=v]... [--by-locality]
// Runs every scenario with the same seed and replication numbers, so each replication sees the same people
// (common random numbers), and reports paired differences option − base with 95 % CIs: whole system, by site, by
// locality and, for scenarios with routing, the travel burden by locality (README "Comparing options").
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "cli_messages.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "output_guard.hpp"
#include "output_path.hpp"
#include "pfsim/output/output.hpp"
#include "pfsim/loader/load.hpp"
#include "progress.hpp"
#include "pfsim/models/warmup.hpp"
#include "pfsim/run/compare.hpp"
#include "pfsim/run/invocation_meta.hpp"

namespace pfsim::cli {
// A front end of the run library: its names read as the command's own.
using namespace pfsim::run;

namespace {
struct CompareOptions {
  std::vector<std::string> scenarios;  // base first
  std::string output = "compare.h5";
  int replications = 0;
  int threads = 0;
  std::vector<std::string> overrides;
  bool by_locality = false;
  bool quiet = false;
  bool force = false;
};

std::string option_label(const std::string& path) { return std::filesystem::path(path).stem().string(); }

int compare(const CompareOptions& options) {
  std::vector<std::string> overrides = options.overrides;
  if (options.replications > 0) overrides.push_back(fmt::format("run.replications={}", options.replications));
  // Each option's results go under /compare/<file stem>/: two options with one stem cannot both be written.
  for (std::size_t k = 1; k < options.scenarios.size(); ++k)
    for (std::size_t j = 1; j < k; ++j)
      if (option_label(options.scenarios[k]) == option_label(options.scenarios[j]))
        throw BadArgument(fmt::format("pfsim compare: options {} and {} would both be written as /compare/{}/ (hint: give one "
                                      "of them another file name, e.g. copy it to {}-2.yaml)",
                                      options.scenarios[j], options.scenarios[k], option_label(options.scenarios[k]),
                                      option_label(options.scenarios[k])));
  std::vector<scenario::Scenario> scenarios;
  std::vector<InputFile> inputs;
  for (const auto& file : options.scenarios) {
    std::vector<std::filesystem::path> files_read;
    scenarios.push_back(loader::load_scenario(file, overrides, files_read));
    add_scenario_inputs(inputs, files_read, scenarios.size() == 1 ? "the base scenario" : "an option scenario");
  }
  // The output is checked before prepare_comparison, whose warm-up pilot can take minutes.
  const std::filesystem::path out = options.output;
  check_output_path(out);
  guard_outputs({{out, "-o", OutputKind::Results}}, inputs, options.force);
  std::vector<std::string> labels;
  for (const auto& file : options.scenarios) labels.push_back(option_label(file));
  const Comparison comparison = prepare_comparison(std::move(scenarios), std::move(labels), options.scenarios);
  const scenario::Scenario& base = comparison.scenarios.front();
  // Every option runs with the base's warm-up; one with planned care may need more than the base does.
  for (std::size_t k = 0; k < comparison.scenarios.size(); ++k)
    if (const std::string warning = models::warmup_warning(comparison.scenarios[k]); !warning.empty())
      fmt::print(stderr, "pfsim: WARNING: {}: {} (recorded in /meta)\n", comparison.labels[k], warning);
  const std::size_t threads = options.threads > 0 ? static_cast<std::size_t>(options.threads)
                                                  : std::max(1u, std::thread::hardware_concurrency());
  ComparisonResult result;
  const auto started = std::chrono::steady_clock::now();
  {
    Progress progress(comparison.scenarios.size() * static_cast<std::size_t>(base.run.replications),
                      !options.quiet && stderr_is_terminal());
    result = run_comparison(comparison, threads, options.by_locality, whole_command_line(), [&] { progress.advance(); });
  }
  add_invocation_meta(result.record, threads, 1,
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  output::write_results(result.record, out);
  if (!options.quiet) {
    fmt::print("{} replications of {} with common random numbers; differences are option − base, * = 95% CI excludes 0\n",
               base.run.replications, base.name);
    fmt::print("warm-up: {} days for the base and every option{}\n", base.run.warmup_days,
               comparison.warmup ? " (auto: MSER-5 on the base's pilot)" : "");
    if (!options.by_locality) fmt::print("(by-locality KPIs shown only where the CI excludes 0; --by-locality shows all)\n");
    fmt::print("{}wrote {}\n", result.table, out.string());
  }
  return kOk;
}
}  // namespace

Command add_compare_command(CLI::App& app) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand("compare", "Run a base and options with common random numbers; paired differences");
  cmd->add_option("scenarios", options->scenarios, "BASE.yaml OPTION.yaml...")->required()->expected(2, 1000);
  cmd->add_option("-o,--output", options->output, "Comparison file (HDF5)")->capture_default_str();
  cmd->add_option("-r,--replications", options->replications, "Replications (overrides run.replications)")->check(CLI::Range(2, 100000));
  cmd->add_option("-j,--threads", options->threads, "Worker threads (default: all cores)")->check(CLI::Range(1, 1024));
  cmd->add_option("--set", options->overrides, "Override a value in every scenario");
  cmd->add_flag("--by-locality", options->by_locality, "Print every by-locality and travel difference, not only the marked ones");
  cmd->add_flag("-q,--quiet", options->quiet, "No progress bar and no table");
  cmd->add_flag("--force", options->force, "Overwrite an existing -o file even if it is not HDF5 (never an input)");
  return [options]() { return compare(*options); };
}

}  // namespace pfsim::cli
