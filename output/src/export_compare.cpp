// Compare sheets (compare files only, DESIGN §7.4): every option's paired difference option − base of each KPI with
// its 95 % CI, for the whole system and by site and locality. The option mean is the base mean plus the mean paired
// difference, the same number as the option's own mean (common random numbers pair replication r with r).
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "export_parts.hpp"
#include "pfsim/engine/stats.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

constexpr std::string_view kComparePrefix = "/compare/";
constexpr std::string_view kSummarySuffix = "_summary";
constexpr std::size_t kSummaryValues = 5;  // mean, ci95_half, p5, p50, p95

// "/compare/<option>/<rest>_summary" → {option, rest}; false for any other path.
bool split_summary_path(const std::string& path, std::string& option, std::string& rest) {
  if (!path.starts_with(kComparePrefix) || !path.ends_with(kSummarySuffix)) return false;
  const std::string inner = path.substr(kComparePrefix.size(), path.size() - kComparePrefix.size() - kSummarySuffix.size());
  const auto slash = inner.find('/');
  if (slash == std::string::npos) return false;
  option = inner.substr(0, slash);
  rest = inner.substr(slash + 1);
  return true;
}

std::string meta_value(const RunRecord& r, const std::string& key) {
  for (const auto& [k, v] : r.extra_meta)
    if (k == key) return v;
  return {};
}

std::string yes_no_excludes_zero(double mean, double half) {
  if (!std::isfinite(mean) || !std::isfinite(half)) return "n/a";
  return std::abs(mean) > half ? "yes" : "no";
}

template <class Item>
const Item* find_named(const std::vector<Item>& items, const std::string& name) {
  for (const Item& item : items)
    if (item.name == name) return &item;
  return nullptr;
}

ExportTable system_table(const RunRecord& r) {
  return {.file_stem = "compare",
          .sheet = "Compare",
          .title = fmt::format("Options against the base ({}), {} replications with common random numbers: paired difference "
                               "option − base with its 95 % CI", r.scenario_name, r.replications),
          .headers = {"option", "option scenario", "KPI", "name", "units", "base mean", "option mean", "difference",
                      "95% CI low", "95% CI high", "p5", "p50", "p95", "CI excludes 0"},
          .rows = {}};
}

ExportTable breakdown_table(const RunRecord& r, std::string stem, std::string sheet, std::string_view by) {
  return {.file_stem = std::move(stem),
          .sheet = std::move(sheet),
          .title = fmt::format("Options against the base ({}) by {}: paired difference option − base with its 95 % CI",
                               r.scenario_name, by),
          .headers = {"option", by == "site" ? "site" : "locality", "KPI", "name", "units", "difference", "95% CI low",
                      "95% CI high", "CI excludes 0"},
          .rows = {}};
}

}  // namespace

std::vector<ExportTable> compare_tables(const RunRecord& r) {
  ExportTable system = system_table(r);
  ExportTable by_site = breakdown_table(r, "compare_by_site", "Compare by site", "site");
  ExportTable by_locality = breakdown_table(r, "compare_by_locality", "Compare by locality", "locality");
  for (const auto& [path, summary] : r.extra_datasets) {
    std::string option, rest;
    if (!split_summary_path(path, option, rest)) continue;
    if (rest.find('/') == std::string::npos) {
      if (summary.size() != kSummaryValues) continue;
      const Kpi* kpi = find_named(r.kpis, rest);
      const std::string units = kpi ? kpi->units : std::string();
      const double base_mean = kpi ? engine::summarise(kpi->per_replication).mean : NAN;
      const double mean = summary[0], half = summary[1];
      const int d = decimals_for_spread(half, units);
      const auto n = [&](double v) { return number(v, units, d); };
      system.rows.push_back({text(option), text(meta_value(r, "option_" + option)),
                             text(title_for(rest, kpi ? kpi->description : std::string())), text(rest), text(units),
                             n(base_mean), n(base_mean + mean), n(mean), n(mean - half), n(mean + half), n(summary[2]),
                             n(summary[3]), n(summary[4]), text(yes_no_excludes_zero(mean, half))});
      continue;
    }
    const auto slash = rest.find('/');
    const std::string group = rest.substr(0, slash), name = rest.substr(slash + 1);
    const bool site = group == "by_site";
    if (!site && group != "by_locality") continue;  // travel differences stay in the HDF5 (README "Reconfiguration options")
    const std::vector<std::string>& labels = site ? r.site_names : r.locality_names;
    if (summary.size() != labels.size() * kSummaryValues) continue;
    const Breakdown* b = find_named(site ? r.by_site : r.by_locality, name);
    const std::string units = b ? b->units : std::string();
    const std::string title = title_for(name, b ? b->description : std::string());
    for (std::size_t k = 0; k < labels.size(); ++k) {
      const double mean = summary[k * kSummaryValues], half = summary[k * kSummaryValues + 1];
      const int d = decimals_for_spread(half, units);
      (site ? by_site : by_locality)
          .rows.push_back({text(option), text(labels[k]), text(title), text(name), text(units), number(mean, units, d),
                           number(mean - half, units, d), number(mean + half, units, d), text(yes_no_excludes_zero(mean, half))});
    }
  }
  std::vector<ExportTable> out;
  for (ExportTable* t : {&system, &by_site, &by_locality})
    if (!t->rows.empty()) out.push_back(std::move(*t));
  return out;
}

}  // namespace pfsim::output
