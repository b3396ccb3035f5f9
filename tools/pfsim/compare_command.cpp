// pfsim compare BASE.yaml OPTION.yaml... [-o compare.h5] [-r REPS] [-j THREADS] [--set k=v]... [--by-locality]
// Runs every scenario with the same seed and replication numbers, so each replication sees the same people
// (common random numbers), and reports paired differences option − base with 95 % CIs: whole system, by site, by
// locality and, for scenarios with routing, the travel burden by locality (README "Comparing options").
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
#include "pfsim/engine/stats.hpp"
#include "pfsim/models/warmup.hpp"
#include "pfsim/output/output.hpp"
#include "pfsim/loader/load.hpp"
#include "progress.hpp"
#include "pfsim/run/replications.hpp"
#include "pfsim/run/run_record.hpp"

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

using Results = std::vector<models::ReplicationResult>;

std::string option_label(const std::string& path) { return std::filesystem::path(path).stem().string(); }

std::vector<std::string> site_names(const scenario::Scenario& s) {
  std::vector<std::string> names;
  for (const auto& site : s.sites) names.push_back(site.name);
  return names;
}
std::vector<std::string> locality_names(const scenario::Scenario& s) {
  std::vector<std::string> names;
  for (const auto& locality : s.population.localities) names.push_back(locality.name);
  return names;
}

Results run_all(const scenario::Scenario& s, std::size_t threads, Progress& progress) {
  std::vector<std::size_t> indices(static_cast<std::size_t>(s.run.replications));
  for (std::size_t r = 0; r < indices.size(); ++r) indices[r] = r;
  return run_indices(s, indices, threads, nullptr, [&] { progress.advance(); });
}

// A difference whose 95 % CI excludes zero is marked with *.
bool ci_excludes_zero(const engine::Summary& d) { return d.n > 1 && (d.mean - d.ci95_half > 0 || d.mean + d.ci95_half < 0); }

/// Paired differences of one KPI table [replication × column] (one column for a whole-system KPI): writes
/// `<path>` (differences, row-major [replication × column]) and `<path>_summary` ([column × (mean, ci95_half, p5,
/// p50, p95)]), and adds a table row per column selected by `print`.
class PairedTable {
 public:
  PairedTable(output::RunRecord& record, std::string& table) : record_(record), table_(table) {}

  template <class Get>  // Get(result, column) → value
  void add(const std::string& path, std::size_t n, std::size_t columns, Get get, const std::vector<std::string>& labels,
           const std::string& row_name, const std::function<bool(std::size_t column, const engine::Summary&)>& print) {
    std::vector<double> flat(n * columns), summary;
    for (std::size_t c = 0; c < columns; ++c) {
      std::vector<double> base(n), option(n), difference(n);
      for (std::size_t r = 0; r < n; ++r) {
        base[r] = get(true, r, c);
        option[r] = get(false, r, c);
        difference[r] = option[r] - base[r];
        flat[r * columns + c] = difference[r];
      }
      const engine::Summary d = engine::summarise(difference);
      summary.insert(summary.end(), {d.mean, d.ci95_half, d.p5, d.p50, d.p95});
      if (!print(c, d)) continue;
      const std::string name = labels.empty() ? row_name : fmt::format("{} @ {}", row_name, labels[c]);
      table_ += fmt::format("  {:<52} {:>12.4g} {:>12.4g}  {:>+12.4g} ± {:<9.3g}{}\n", name, engine::summarise(base).mean,
                            engine::summarise(option).mean, d.mean, d.ci95_half, ci_excludes_zero(d) ? " *" : "");
    }
    record_.extra_datasets.emplace_back(path, std::move(flat));
    record_.extra_datasets.emplace_back(path + "_summary", std::move(summary));
  }

 private:
  output::RunRecord& record_;
  std::string& table_;
};

void check_pairable(const std::vector<scenario::Scenario>& scenarios, const std::vector<std::string>& files) {
  const scenario::Scenario& base = scenarios.front();
  for (std::size_t k = 1; k < scenarios.size(); ++k) {
    const auto& s = scenarios[k];
    // Pairing needs the same seed, replications and measured days; everything else may differ.
    if (s.run.seed != base.run.seed || s.run.replications != base.run.replications || s.run.days != base.run.days)
      throw BadArgument(fmt::format("{}: run.seed, run.replications and run.days must equal the base's ({}, {}, {}) for paired "
                                    "comparison (hint: remove them from the option or use --set)",
                                    files[k], base.run.seed, base.run.replications, base.run.days));
    // Differences by site and by locality are taken column by column.
    if (site_names(s) != site_names(base) || locality_names(s) != locality_names(base))
      throw BadArgument(fmt::format("{}: sites and localities must be those of the base, in the same order, for paired differences "
                                    "by site and locality (hint: keep every site in an option, with beds: {{general: 0}} to close one)",
                                    files[k]));
  }
}

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
  // One warm-up for every scenario, chosen on the base (`warmup_days: auto`: the base's pilot, MSER-5): options that
  // differ from it are measured from the same dates, and an option's own pilot would read its change as transient.
  const std::optional<models::WarmupChoice> warmup = models::choose_warmup(scenarios.front());
  for (std::size_t k = 1; k < scenarios.size(); ++k) models::use_warmup_of(scenarios.front(), scenarios[k]);
  check_pairable(scenarios, options.scenarios);
  const scenario::Scenario& base = scenarios.front();
  const std::filesystem::path out = options.output;
  check_output_path(out);
  guard_outputs({{out, "-o", OutputKind::Results}}, inputs, options.force);
  const std::size_t threads = options.threads > 0 ? static_cast<std::size_t>(options.threads)
                                                  : std::max(1u, std::thread::hardware_concurrency());
  std::vector<Results> results;
  {
    Progress progress(scenarios.size() * static_cast<std::size_t>(base.run.replications), !options.quiet && stderr_is_terminal());
    for (const auto& s : scenarios) results.push_back(run_all(s, threads, progress));
  }

  output::RunRecord record = make_run_record(base, results.front(), whole_command_line());
  record.extra_meta.emplace_back("warmup_scope", "base");  // every option ran with the base's run.warmup_days
  if (warmup) {
    record.extra_meta.emplace_back("warmup_method", "mser5");
    record.extra_meta.emplace_back("warmup_pilot", fmt::format("{} replications x ({} warm-up + {}) days of the base",
                                                               warmup->pilot_replications, warmup->pilot_warmup_days, base.run.days));
  }
  const std::size_t n = results.front().size();
  const std::vector<std::string> sites = site_names(base), localities = locality_names(base);
  std::vector<std::string> travel_labels = localities;
  travel_labels.emplace_back("all localities");
  const auto every = [](std::size_t, const engine::Summary&) { return true; };
  const auto marked = [](std::size_t, const engine::Summary& d) { return ci_excludes_zero(d); };
  std::string table = fmt::format("{:<54} {:>12} {:>12}  {:>24}\n", "option / KPI", "base mean", "option mean", "difference (95% CI)");
  for (std::size_t k = 1; k < scenarios.size(); ++k) {
    const std::string label = option_label(options.scenarios[k]);
    record.extra_meta.emplace_back("option_" + label, scenarios[k].name);
    record.extra_meta.emplace_back("option_" + label + "_warmup_days", fmt::format("{}", scenarios[k].run.warmup_days));
    table += fmt::format("{}  ({}; warm-up {} days)\n", label, scenarios[k].name, scenarios[k].run.warmup_days);
    PairedTable paired(record, table);
    const Results& a = results.front();
    const Results& b = results[k];
    // A module's KPIs are compared when the base or the option has the module (a scenario without it reports 0).
    const auto written = [&](const scenario::KpiInfo& info) {
      return scenario::kpi_written(info, base) || scenario::kpi_written(info, scenarios[k]);
    };
    const auto& kpis = scenario::kpi_catalogue();
    for (std::size_t i = 0; i < kpis.size(); ++i)
      if (written(kpis[i])) paired.add(fmt::format("/compare/{}/{}", label, kpis[i].name), n, 1,
                 [&](bool is_base, std::size_t r, std::size_t) { return (is_base ? a : b)[r].kpi[i]; }, {}, std::string(kpis[i].name), every);
    // By site and by locality: [replication × site|locality] like /by_site, /by_locality.
    const auto& by_site = scenario::by_site_catalogue();
    for (std::size_t i = 0; i < by_site.size(); ++i)
      if (written(by_site[i])) paired.add(fmt::format("/compare/{}/by_site/{}", label, by_site[i].name), n, sites.size(),
                 [&](bool is_base, std::size_t r, std::size_t s) { return (is_base ? a : b)[r].by_site[i][s]; }, sites,
                 std::string(by_site[i].name), every);
    const auto& by_locality = scenario::by_locality_catalogue();
    for (std::size_t i = 0; i < by_locality.size(); ++i)
      if (written(by_locality[i])) paired.add(fmt::format("/compare/{}/by_locality/{}", label, by_locality[i].name), n, localities.size(),
                 [&](bool is_base, std::size_t r, std::size_t l) { return (is_base ? a : b)[r].by_locality[i][l]; }, localities,
                 std::string(by_locality[i].name), options.by_locality ? every : marked);
    // Travel burden by locality (+ all localities); a scenario without routing routes nobody (zeros).
    if (!base.routing && !scenarios[k].routing) continue;
    const auto& travel = scenario::travel_catalogue();
    for (std::size_t i = 0; i < travel.size(); ++i) {
      const auto value = [&](bool is_base, std::size_t r, std::size_t l) {
        const auto& t = (is_base ? a : b)[r].travel.tables[i];
        return t.empty() ? 0.0 : t[l];
      };
      // The table shows every travel measure for all localities together and, per locality, the mean extra minutes.
      const bool per_locality = options.by_locality || i == scenario::TravelOutcome::ExtraMinutesMean;
      paired.add(fmt::format("/compare/{}/travel/{}", label, travel[i].name), n, travel_labels.size(), value, travel_labels,
                 std::string(travel[i].name), [&](std::size_t l, const engine::Summary& d) {
                   return l == localities.size() || (per_locality && (d.mean != 0 || d.ci95_half != 0));
                 });
    }
  }
  output::write_results(record, out);
  if (!options.quiet) {
    fmt::print("{} replications of {} with common random numbers; differences are option − base, * = 95% CI excludes 0\n", n,
               base.name);
    fmt::print("warm-up: {} days for the base and every option{}\n", base.run.warmup_days,
               warmup ? " (auto: MSER-5 on the base's pilot)" : "");
    if (!options.by_locality) fmt::print("(by-locality KPIs shown only where the CI excludes 0; --by-locality shows all)\n");
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
  cmd->add_flag("--by-locality", options->by_locality, "Print every by-locality and travel difference, not only the marked ones");
  cmd->add_flag("-q,--quiet", options->quiet, "No progress bar and no table");
  cmd->add_flag("--force", options->force, "Overwrite an existing -o file even if it is not HDF5 (never an input)");
  return [options]() { return compare(*options); };
}

}  // namespace pfsim::cli
