#include "pfsim/run/compare.hpp"

#include <limits>

#include <fmt/format.h>

#include "pfsim/engine/stats.hpp"
#include "pfsim/models/warmup.hpp"
#include "pfsim/output/summary_table.hpp"
#include "pfsim/run/bad_argument.hpp"
#include "pfsim/run/replications.hpp"
#include "pfsim/run/run_record.hpp"

namespace pfsim::run {
namespace {

using Results = std::vector<models::ReplicationResult>;

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

// `value` with `decimals` decimals; a value that rounds to zero prints as 0, never -0.
std::string fixed(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.starts_with('-') && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}
std::string signed_fixed(double value, int decimals) {
  const std::string text = fixed(value, decimals);
  return text.starts_with('-') ? text : "+" + text;
}

// A difference whose 95 % CI excludes zero is marked with *.
bool ci_excludes_zero(const engine::Summary& d) { return d.n > 1 && (d.mean - d.ci95_half > 0 || d.mean + d.ci95_half < 0); }

/// Paired differences of one KPI table [replication × column] (one column for a whole-system KPI): writes
/// `<path>` (differences, row-major [replication × column]) and `<path>_summary` ([column × (mean, ci95_half, p5,
/// p50, p95)]), and adds a table row per column selected by `print`.
class PairedTable {
 public:
  PairedTable(output::RunRecord& record, std::string& table) : record_(record), table_(table) {}

  /// A side without the KPI's module (`has` false) has no value: its mean prints as n/a, and the difference is not
  /// defined (n/a in the table, NaN in the datasets) rather than a difference from 0.
  struct Sides {
    bool base = true, option = true;
  };

  template <class Get>  // Get(result, column) → value
  void add(const std::string& path, std::size_t n, std::size_t columns, Get get, const std::vector<std::string>& labels,
           const std::string& row_name, const std::function<bool(std::size_t column, const engine::Summary&)>& print,
           Sides has = {}) {
    constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
    const bool defined = has.base && has.option;
    std::vector<double> flat(n * columns, kUndefined), summary;
    for (std::size_t c = 0; c < columns; ++c) {
      std::vector<double> base(n), option(n), difference(n);
      for (std::size_t r = 0; r < n; ++r) {
        base[r] = get(true, r, c);
        option[r] = get(false, r, c);
        difference[r] = option[r] - base[r];
        if (defined) flat[r * columns + c] = difference[r];
      }
      const engine::Summary d = engine::summarise(difference);
      if (defined) summary.insert(summary.end(), {d.mean, d.ci95_half, d.p5, d.p50, d.p95});
      else summary.insert(summary.end(), 5, kUndefined);
      if (!print(c, d)) continue;
      const std::string name = labels.empty() ? row_name : fmt::format("{} @ {}", row_name, labels[c]);
      // Every number of the row to the precision of the difference's CI, as the KPI table of `pfsim run` prints it.
      const engine::Summary base_summary = engine::summarise(base);
      const bool differs = defined && (d.ci95_half > 0 || d.mean != 0);  // else the base's own precision
      const int decimals = differs ? output::decimals_for_ci(d.ci95_half, d.mean)
                                   : output::decimals_for_ci(base_summary.ci95_half, base_summary.mean);
      const auto mean = [decimals](bool present, const std::vector<double>& v) {
        return present ? fmt::format("{:>12}", fixed(engine::summarise(v).mean, decimals)) : fmt::format("{:>12}", "n/a");
      };
      if (defined)
        table_ += fmt::format("  {:<52} {} {}  {:>12} ± {:<9}{}\n", name, mean(true, base), mean(true, option),
                              signed_fixed(d.mean, decimals), fixed(d.ci95_half, decimals), ci_excludes_zero(d) ? " *" : "");
      else
        table_ += fmt::format("  {:<52} {} {}  {:>12}\n", name, mean(has.base, base), mean(has.option, option), "n/a");
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

}  // namespace

Comparison prepare_comparison(std::vector<scenario::Scenario> scenarios, std::vector<std::string> labels,
                              const std::vector<std::string>& files) {
  // Checked first: the warm-up pilot can take minutes, and a mismatch is known without it (the warm-up is not compared).
  check_pairable(scenarios, files);
  Comparison comparison{std::move(scenarios), std::move(labels), std::nullopt};
  // One warm-up for every scenario, chosen on the base (`warmup_days: auto`: the base's pilot, MSER-5): options that
  // differ from it are measured from the same dates, and an option's own pilot would read its change as transient.
  comparison.warmup = models::choose_warmup(comparison.scenarios.front());
  for (std::size_t k = 1; k < comparison.scenarios.size(); ++k)
    models::use_warmup_of(comparison.scenarios.front(), comparison.scenarios[k]);
  return comparison;
}

ComparisonResult run_comparison(const Comparison& comparison, std::size_t threads, bool all_locality_rows,
                                const std::string& command_line, const std::function<void()>& on_done) {
  const std::vector<scenario::Scenario>& scenarios = comparison.scenarios;
  const scenario::Scenario& base = scenarios.front();
  std::vector<Results> results;
  for (const auto& s : scenarios) {
    std::vector<std::size_t> indices(static_cast<std::size_t>(s.run.replications));
    for (std::size_t r = 0; r < indices.size(); ++r) indices[r] = r;
    results.push_back(run_indices(s, indices, threads, nullptr, on_done));
  }

  output::RunRecord record = make_run_record(base, results.front(), command_line);
  record.extra_meta.emplace_back("warmup_scope", "base");  // every option ran with the base's run.warmup_days
  if (comparison.warmup) {
    record.extra_meta.emplace_back("warmup_method", "mser5");
    record.extra_meta.emplace_back("warmup_pilot", fmt::format("{} replications x ({} warm-up + {}) days of the base",
                                                               comparison.warmup->pilot_replications, comparison.warmup->pilot_warmup_days,
                                                               comparison.warmup->pilot_days - comparison.warmup->pilot_warmup_days));
  }
  const std::size_t n = results.front().size();
  const std::vector<std::string> sites = site_names(base), localities = locality_names(base);
  std::vector<std::string> travel_labels = localities;
  travel_labels.emplace_back("all localities");
  const auto every = [](std::size_t, const engine::Summary&) { return true; };
  const auto marked = [](std::size_t, const engine::Summary& d) { return ci_excludes_zero(d); };
  std::string table = fmt::format("{:<54} {:>12} {:>12}  {:>24}\n", "option / KPI", "base mean", "option mean", "difference (95% CI)");
  for (std::size_t k = 1; k < scenarios.size(); ++k) {
    const std::string& label = comparison.labels[k];
    record.extra_meta.emplace_back("option_" + label, scenarios[k].name);
    record.extra_meta.emplace_back("option_" + label + "_warmup_days", fmt::format("{}", scenarios[k].run.warmup_days));
    if (const std::string warning = models::warmup_warning(scenarios[k]); !warning.empty())
      record.extra_meta.emplace_back("option_" + label + "_warmup_warning", warning);
    table += fmt::format("{}  ({}; warm-up {} days)\n", label, scenarios[k].name, scenarios[k].run.warmup_days);
    PairedTable paired(record, table);
    const Results& a = results.front();
    const Results& b = results[k];
    // A module's KPIs are listed when the base or the option has the module; the side without it reads n/a.
    const auto written = [&](const scenario::KpiInfo& info) {
      return scenario::kpi_written(info, base) || scenario::kpi_written(info, scenarios[k]);
    };
    const auto sides = [&](const scenario::KpiInfo& info) {
      return PairedTable::Sides{scenario::kpi_written(info, base), scenario::kpi_written(info, scenarios[k])};
    };
    // By locality only the rows whose CI excludes 0 print (all with --by-locality); a row without a difference (n/a)
    // prints only with --by-locality, since "excludes 0" means nothing for it.
    const auto none = [](std::size_t, const engine::Summary&) { return false; };
    const auto locality_rows = [&](PairedTable::Sides s) -> std::function<bool(std::size_t, const engine::Summary&)> {
      if (all_locality_rows) return every;
      return s.base && s.option ? std::function<bool(std::size_t, const engine::Summary&)>(marked) : none;
    };
    const auto& kpis = scenario::kpi_catalogue();
    for (std::size_t i = 0; i < kpis.size(); ++i)
      if (written(kpis[i])) paired.add(fmt::format("/compare/{}/{}", label, kpis[i].name), n, 1,
                 [&](bool is_base, std::size_t r, std::size_t) { return (is_base ? a : b)[r].kpi[i]; }, {}, std::string(kpis[i].name), every,
                 sides(kpis[i]));
    // By site and by locality: [replication × site|locality] like /by_site, /by_locality.
    const auto& by_site = scenario::by_site_catalogue();
    for (std::size_t i = 0; i < by_site.size(); ++i)
      if (written(by_site[i])) paired.add(fmt::format("/compare/{}/by_site/{}", label, by_site[i].name), n, sites.size(),
                 [&](bool is_base, std::size_t r, std::size_t s) { return (is_base ? a : b)[r].by_site[i][s]; }, sites,
                 std::string(by_site[i].name), every, sides(by_site[i]));
    const auto& by_locality = scenario::by_locality_catalogue();
    for (std::size_t i = 0; i < by_locality.size(); ++i)
      if (written(by_locality[i])) paired.add(fmt::format("/compare/{}/by_locality/{}", label, by_locality[i].name), n, localities.size(),
                 [&](bool is_base, std::size_t r, std::size_t l) { return (is_base ? a : b)[r].by_locality[i][l]; }, localities,
                 std::string(by_locality[i].name), locality_rows(sides(by_locality[i])), sides(by_locality[i]));
    // Travel burden by locality (+ all localities); a scenario without routing routes nobody (zeros).
    if (!base.routing && !scenarios[k].routing) continue;
    const auto& travel = scenario::travel_catalogue();
    for (std::size_t i = 0; i < travel.size(); ++i) {
      const auto value = [&](bool is_base, std::size_t r, std::size_t l) {
        const auto& t = (is_base ? a : b)[r].travel.tables[i];
        return t.empty() ? 0.0 : t[l];
      };
      // The table shows every travel measure for all localities together and, per locality, the mean extra minutes.
      const bool per_locality = all_locality_rows || i == scenario::TravelOutcome::ExtraMinutesMean;
      paired.add(fmt::format("/compare/{}/travel/{}", label, travel[i].name), n, travel_labels.size(), value, travel_labels,
                 std::string(travel[i].name), [&](std::size_t l, const engine::Summary& d) {
                   return l == localities.size() || (per_locality && (d.mean != 0 || d.ci95_half != 0));
                 });
    }
  }
  return {std::move(record), std::move(table)};
}

}  // namespace pfsim::run
