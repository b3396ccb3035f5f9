// pfsim compare BASE.yaml OPTION.yaml... [-o compare.h5] [-r REPS] [-j THREADS] [--set k=v]...
// Runs every scenario with the same seed and replication numbers, so each replication sees the same people
// (common random numbers), and reports paired differences option − base with 95 % CIs.
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "output_path.hpp"
#include "pfsim/engine/stats.hpp"
#include "pfsim/models/warmup.hpp"
#include "pfsim/output/output.hpp"
#include "pfsim/scenario_file/load.hpp"
#include "progress.hpp"
#include "replications.hpp"
#include "run_record.hpp"

namespace pfsim::cli {

namespace {
struct CompareOptions {
  std::vector<std::string> scenarios;  // base first
  std::string output = "compare.h5";
  int replications = 0;
  int threads = 0;
  std::vector<std::string> overrides;
  bool quiet = false;
};

std::string option_label(const std::string& path) { return std::filesystem::path(path).stem().string(); }

std::vector<models::ReplicationResult> run_all(const models::Scenario& s, std::size_t threads, Progress& progress) {
  std::vector<std::size_t> indices(static_cast<std::size_t>(s.run.replications));
  for (std::size_t r = 0; r < indices.size(); ++r) indices[r] = r;
  return run_indices(s, indices, threads, nullptr, [&] { progress.advance(); });
}

int compare(const CompareOptions& options) {
  std::vector<std::string> overrides = options.overrides;
  if (options.replications > 0) overrides.push_back(fmt::format("run.replications={}", options.replications));
  std::vector<models::Scenario> scenarios;
  for (const auto& file : options.scenarios) {
    scenarios.push_back(scenario_file::load_scenario(file, overrides));
    (void)models::choose_warmup(scenarios.back());  // `warmup_days: auto`: each scenario's own pilot (MSER-5)
  }
  const models::Scenario& base = scenarios.front();
  for (std::size_t k = 1; k < scenarios.size(); ++k) {
    const auto& s = scenarios[k];
    // Pairing needs the same seed, replications and measured days; everything else may differ.
    if (s.run.seed != base.run.seed || s.run.replications != base.run.replications || s.run.days != base.run.days)
      throw BadArgument(fmt::format("{}: run.seed, run.replications and run.days must equal the base's ({}, {}, {}) for paired "
                                    "comparison (hint: remove them from the option or use --set)",
                                    options.scenarios[k], base.run.seed, base.run.replications, base.run.days));
  }
  const std::filesystem::path out = options.output;
  check_output_path(out);
  const std::size_t threads = options.threads > 0 ? static_cast<std::size_t>(options.threads)
                                                  : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::vector<models::ReplicationResult>> results;
  {
    Progress progress(scenarios.size() * static_cast<std::size_t>(base.run.replications), !options.quiet && stderr_is_terminal());
    for (const auto& s : scenarios) results.push_back(run_all(s, threads, progress));
  }

  output::RunRecord record = make_run_record(base, results.front(), "pfsim compare " + options.scenarios.front());
  const auto& kpis = models::kpi_catalogue();
  const std::size_t n = results.front().size();
  std::string table = fmt::format("{:<38} {:>18} {:>12}  {:>24}\n", "option / KPI", "base mean", "option mean", "difference (95% CI)");
  for (std::size_t k = 1; k < scenarios.size(); ++k) {
    const std::string label = option_label(options.scenarios[k]);
    record.extra_meta.emplace_back("option_" + label, scenarios[k].name);
    table += fmt::format("{}\n", label);
    for (std::size_t i = 0; i < kpis.size(); ++i) {
      std::vector<double> difference(n), base_values(n), option_values(n);
      for (std::size_t r = 0; r < n; ++r) {
        base_values[r] = results.front()[r].kpi[i];
        option_values[r] = results[k][r].kpi[i];
        difference[r] = option_values[r] - base_values[r];
      }
      const engine::Summary d = engine::summarise(difference);
      const std::string path = fmt::format("/compare/{}/{}", label, kpis[i].name);
      record.extra_datasets.emplace_back(path, difference);
      record.extra_datasets.emplace_back(path + "_summary", std::vector<double>{d.mean, d.ci95_half, d.p5, d.p50, d.p95});
      // A difference whose CI excludes zero is marked with *.
      const bool clear = n > 1 && (d.mean - d.ci95_half > 0 || d.mean + d.ci95_half < 0);
      table += fmt::format("  {:<36} {:>18.4g} {:>12.4g}  {:>+12.4g} ± {:<9.3g}{}\n", kpis[i].name, engine::summarise(base_values).mean,
                           engine::summarise(option_values).mean, d.mean, d.ci95_half, clear ? " *" : "");
    }
    // Paired differences by site and by locality, flattened [replication × label] like /by_site.
    const auto& by_site = models::by_site_catalogue();
    for (std::size_t i = 0; i < by_site.size(); ++i) {
      std::vector<double> difference;
      for (std::size_t r = 0; r < n; ++r)
        for (std::size_t s = 0; s < results[k][r].by_site[i].size() && s < results.front()[r].by_site[i].size(); ++s)
          difference.push_back(results[k][r].by_site[i][s] - results.front()[r].by_site[i][s]);
      record.extra_datasets.emplace_back(fmt::format("/compare/{}/by_site/{}", label, by_site[i].name), difference);
    }
    const auto& by_locality = models::by_locality_catalogue();
    for (std::size_t i = 0; i < by_locality.size(); ++i) {
      std::vector<double> difference;
      for (std::size_t r = 0; r < n; ++r)
        for (std::size_t l = 0; l < results[k][r].by_locality[i].size() && l < results.front()[r].by_locality[i].size(); ++l)
          difference.push_back(results[k][r].by_locality[i][l] - results.front()[r].by_locality[i][l]);
      record.extra_datasets.emplace_back(fmt::format("/compare/{}/by_locality/{}", label, by_locality[i].name), difference);
    }
  }
  output::write_results(record, out);
  if (!options.quiet) {
    fmt::print("{} replications of {} with common random numbers; differences are option − base, * = 95% CI excludes 0\n", n,
               base.name);
    fmt::print("{}wrote {}\n", table, out.string());
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
  cmd->add_flag("-q,--quiet", options->quiet, "No progress bar and no table");
  return [options]() { return compare(*options); };
}

}  // namespace pfsim::cli
