#include "job_results.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "pfsim/engine/stats.hpp"
#include "pfsim/output/report.hpp"
#include "pfsim/output/summary_table.hpp"
#include "pfsim/output/svg_charts.hpp"
#include "pfsim/scenario/kpi_catalogue.hpp"

namespace pfsim::serve {
namespace {

// The rule of output's summary table (pfsim info): decimals that show the CI half-width to two significant figures.
int decimals_for(double mean, double ci95_half) { return output::decimals_for_ci(ci95_half, mean); }

std::string fixed(double value, int decimals) { return fmt::format("{:.{}f}", value, decimals); }

// The series a capacity discussion starts from, drawn first; a run without them shows its first daily series.
constexpr std::array<std::string_view, 3> kChartSeries = {"bed_occupancy_pct", "ae_4h_pct", "dtoc_delayed_patients"};
constexpr std::size_t kMostCharts = 3;

nlohmann::json charts(const output::RunRecord& record) {
  std::vector<const output::DailySeries*> chosen;
  for (const std::string_view name : kChartSeries)
    for (const auto& s : record.daily)
      if (s.name == name) chosen.push_back(&s);
  if (chosen.empty() && !record.daily.empty()) chosen.push_back(&record.daily.front());
  nlohmann::json out = nlohmann::json::array();
  for (const output::DailySeries* s : chosen) {
    if (out.size() == kMostCharts) break;
    if (s->replications == 0 || s->days == 0 || s->values.size() != s->replications * s->days) continue;
    const scenario::KpiInfo* info = scenario::find_kpi_info(s->name);
    const std::string title = info && !info->title.empty() ? std::string(info->title) : s->description;
    const std::string svg = output::svg::fan_chart(output::svg::fan_bands(s->values, s->replications, s->days), record.start_date,
                                                   {title, s->units, s->description, s->units});
    out.push_back({{"name", s->name}, {"title", title}, {"svg", svg}});
  }
  return out;
}

const std::vector<double>* dataset(const output::RunRecord& record, const std::string& path) {
  for (const auto& [name, values] : record.extra_datasets)
    if (name == path) return &values;
  return nullptr;
}
// Forest plots of the whole-system KPIs whose CI excludes 0 (at most kMostForests): the difference and its 95 % CI at
// each site, so a planner sees where the change lands. `rows` are the sorted difference rows.
constexpr std::size_t kMostForests = 4;

nlohmann::json site_forests(const output::RunRecord& record, const std::string& label, const nlohmann::json& rows) {
  nlohmann::json forests = nlohmann::json::array();
  for (const auto& row : rows) {
    if (forests.size() == kMostForests || !row["significant"].get<bool>()) break;
    const std::string name = row["name"];
    const std::vector<double>* summary = dataset(record, fmt::format("/compare/{}/by_site/{}_summary", label, name));
    if (!summary || summary->size() != 5 * record.site_names.size()) continue;
    std::vector<double> means, halves;
    for (std::size_t s = 0; s < record.site_names.size(); ++s) {
      means.push_back((*summary)[5 * s]);
      halves.push_back((*summary)[5 * s + 1]);
    }
    const scenario::KpiInfo* info = scenario::find_kpi_info(name);
    const std::string title = info && !info->title.empty() ? std::string(info->title) : name;
    const std::string units = row["units"];
    // The report's own forest plot (output::svg), every text escaped there.
    const std::string svg = output::svg::forest_plot(record.site_names, means, halves,
                                                     {title + " by site", "difference " + label + " − base (" + units + ")",
                                                      "paired difference " + label + " − base at each site, mean and 95 % CI", units});
    forests.push_back({{"name", name}, {"title", title}, {"svg", svg}});
  }
  return forests;
}
}  // namespace

nlohmann::json run_result(const output::RunRecord& record) {
  nlohmann::json kpis = nlohmann::json::array();
  for (const auto& kpi : record.kpis) {
    const engine::Summary s = engine::summarise(kpi.per_replication);
    const int d = decimals_for(s.mean, s.ci95_half);
    kpis.push_back({{"name", kpi.name}, {"units", kpi.units}, {"description", kpi.description}, {"mean", fixed(s.mean, d)},
                    {"ci95_half", fixed(s.ci95_half, d)}});
  }
  nlohmann::json result = {{"scenario", record.scenario_name}, {"replications", record.replications}, {"days", record.days},
                            {"kpis", std::move(kpis)}, {"charts", charts(record)}};
  // Scheme risk exactly as the report draws it (savings against the QIPP target, P(meet target), tornados): one
  // drawing, whichever way the planner reads it.
  if (std::string risk = output::render_report_section(record, {}, "schemes"); !risk.empty()) result["scheme_risk"] = std::move(risk);
  return result;
}

namespace {
// One row of the difference table: option `label` against the base for `kpi`; nullopt when the file has no summary.
std::optional<nlohmann::json> difference_row(const output::RunRecord& record, const output::Kpi& kpi, const std::string& label) {
  const std::vector<double>* summary = dataset(record, fmt::format("/compare/{}/{}_summary", label, kpi.name));
  if (!summary || summary->size() < 2 || !std::isfinite((*summary)[0])) return std::nullopt;
  const engine::Summary base = engine::summarise(kpi.per_replication);
  const double difference = (*summary)[0], half = (*summary)[1];
  // Means with the decimals pfsim info gives the base; the difference with those its own CI supports.
  const int m = decimals_for(base.mean, base.ci95_half), d = difference == 0 && half == 0 ? m : decimals_for(difference, half);
  // Paired: the option's mean is the base's plus the mean difference, replication by replication.
  return nlohmann::json{{"name", kpi.name}, {"option", label}, {"units", kpi.units}, {"base_mean", fixed(base.mean, m)},
                        {"option_mean", fixed(base.mean + difference, m)}, {"difference", fmt::format("{:+.{}f}", difference, d)},
                        {"ci95_half", fixed(half, d)}, {"significant", difference - half > 0 || difference + half < 0},
                        {"changed", difference != 0 || half != 0}, {"difference_value", difference}, {"ci95_half_value", half}};
}

int rank(const nlohmann::json& row) { return row["significant"].get<bool>() ? 0 : row["changed"].get<bool>() ? 1 : 2; }

// With several options: for each KPI some option changed significantly (at most kMostForests), the report's forest
// plot with one row per option, so a planner reads the options side by side on one axis.
nlohmann::json option_forests(const std::vector<std::vector<nlohmann::json>>& by_kpi) {
  nlohmann::json forests = nlohmann::json::array();
  for (const auto& rows : by_kpi) {
    if (forests.size() == kMostForests) break;
    if (std::none_of(rows.begin(), rows.end(), [](const nlohmann::json& row) { return rank(row) == 0; })) continue;
    std::vector<std::string> labels;
    std::vector<double> means, halves;
    for (const auto& row : rows) {
      labels.push_back(row["option"]);
      means.push_back(row["difference_value"]);
      halves.push_back(row["ci95_half_value"]);
    }
    const std::string name = rows.front()["name"], units = rows.front()["units"];
    const scenario::KpiInfo* info = scenario::find_kpi_info(name);
    const std::string title = info && !info->title.empty() ? std::string(info->title) : name;
    const std::string svg = output::svg::forest_plot(labels, means, halves,
                                                     {title + " by option", "difference option − base (" + units + ")",
                                                      "paired difference option − base, mean and 95 % CI", units});
    forests.push_back({{"name", name}, {"title", title}, {"svg", svg}});
  }
  return forests;
}
}  // namespace

nlohmann::json compare_result(const output::RunRecord& record, const std::vector<std::string>& labels) {
  nlohmann::json result = run_result(record);
  std::vector<std::vector<nlohmann::json>> by_kpi;  // each KPI's rows, one per option, the most changed first
  for (const auto& kpi : record.kpis) {
    std::vector<nlohmann::json> rows;
    for (const auto& label : labels)
      if (auto row = difference_row(record, kpi, label)) rows.push_back(std::move(*row));
    if (rows.empty()) continue;
    std::stable_sort(rows.begin(), rows.end(), [](const nlohmann::json& a, const nlohmann::json& b) { return rank(a) < rank(b); });
    by_kpi.push_back(std::move(rows));
  }
  // What the edits changed first: KPIs with a CI that excludes 0, then any other difference, then those left alone.
  std::stable_sort(by_kpi.begin(), by_kpi.end(), [](const auto& a, const auto& b) { return rank(a.front()) < rank(b.front()); });
  // Within a KPI the options stay in the order given, so a row's place says which option it is.
  nlohmann::json rows = nlohmann::json::array();
  for (auto& kpi_rows : by_kpi) {
    std::stable_sort(kpi_rows.begin(), kpi_rows.end(), [&](const nlohmann::json& a, const nlohmann::json& b) {
      return std::find(labels.begin(), labels.end(), a["option"]) < std::find(labels.begin(), labels.end(), b["option"]);
    });
    for (const auto& row : kpi_rows) rows.push_back(row);
  }
  if (labels.size() == 1) {
    result["forests"] = site_forests(record, labels.front(), rows);
    result["forest_rows"] = "site";
  } else {
    result["forests"] = option_forests(by_kpi);
    result["forest_rows"] = "option";
  }
  for (auto& row : rows) {
    row.erase("difference_value");
    row.erase("ci95_half_value");
  }
  result["differences"] = std::move(rows);
  result["options"] = labels;
  return result;
}

}  // namespace pfsim::serve
