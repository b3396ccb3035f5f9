// Monthly and daily sheets. Monthly: one row per calendar month, each KPI's mean over replications (DESIGN §5.4).
// Daily: one row per measured day, each series' median and 5–95 % band over replications — the numbers behind the
// report's fan charts (svg::fan_bands), so the sheet and the chart agree.
#include <fmt/format.h>

#include "export_parts.hpp"
#include "pfsim/engine/stats.hpp"
#include "pfsim/output/svg_charts.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

std::string with_units(const std::string& name, const std::string& units) {
  return units.empty() ? name : fmt::format("{} ({})", name, units);
}

std::vector<ExportTable> monthly_table(const RunRecord& r) {
  const TableGroup* monthly = table_group(r, "monthly");
  if (!monthly || monthly->labels.empty() || monthly->tables.empty()) return {};
  ExportTable t{.file_stem = "monthly",
                .sheet = "Monthly",
                .title = fmt::format("{}: each calendar month, mean over {} replications (a partial first or last month "
                                     "covers only its measured days)", r.scenario_name, r.replications),
                .headers = {"month"},
                .rows = {}};
  const std::size_t months = monthly->labels.size();
  std::vector<std::vector<double>> means(monthly->tables.size());
  std::vector<int> decimals;
  for (std::size_t k = 0; k < monthly->tables.size(); ++k) {
    const Breakdown& b = monthly->tables[k];
    t.headers.push_back(with_units(title_for(b.name, b.description), b.units));
    double widest_ci = 0;
    for (std::size_t m = 0; m < months; ++m) {
      const engine::Summary s = engine::summarise(column(b.values, months, m));
      means[k].push_back(s.mean);
      if (std::isfinite(s.ci95_half)) widest_ci = std::max(widest_ci, s.ci95_half);
    }
    decimals.push_back(decimals_for_spread(widest_ci, b.units));
  }
  for (std::size_t m = 0; m < months; ++m) {
    std::vector<ExportCell> row{text(monthly->labels[m])};
    for (std::size_t k = 0; k < monthly->tables.size(); ++k)
      row.push_back(number(means[k][m], monthly->tables[k].units, decimals[k]));
    t.rows.push_back(std::move(row));
  }
  return {std::move(t)};
}

std::vector<ExportTable> daily_table(const RunRecord& r) {
  if (r.daily.empty()) return {};
  const auto start = svg::parse_date(r.start_date);
  ExportTable t{.file_stem = "daily",
                .sheet = "Daily",
                .title = fmt::format("{}: each measured day, median and 5–95 % band over {} replications", r.scenario_name,
                                     r.replications),
                .headers = {"date"},
                .rows = {}};
  std::size_t days = 0;
  std::vector<svg::FanBands> bands;
  for (const DailySeries& s : r.daily) {
    bands.push_back(svg::fan_bands(s.values, s.replications, s.days));
    days = std::max(days, s.days);
    for (const char* stat : {"median", "p5", "p95"})
      t.headers.push_back(fmt::format("{}, {}", with_units(title_for(s.name, s.description), s.units), stat));
  }
  for (std::size_t d = 0; d < days; ++d) {
    std::vector<ExportCell> row{text(start ? svg::format_date(*start + static_cast<long>(d)) : fmt::format("day {}", d + 1))};
    for (std::size_t k = 0; k < r.daily.size(); ++k) {
      const svg::FanBands& b = bands[k];
      const std::string& units = r.daily[k].units;
      // Daily levels are counts and percentages of whole patients: one decimal tells the band's edges apart.
      for (const auto* v : {&b.p50, &b.p5, &b.p95})
        row.push_back(d < v->size() ? number((*v)[d], units, 1) : ExportCell{});
    }
    t.rows.push_back(std::move(row));
  }
  return {std::move(t)};
}

}  // namespace

std::vector<ExportTable> series_tables(const RunRecord& r) {
  std::vector<ExportTable> out = monthly_table(r);
  for (ExportTable& t : daily_table(r)) out.push_back(std::move(t));
  return out;
}

}  // namespace pfsim::output
