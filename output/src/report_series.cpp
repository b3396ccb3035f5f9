// Daily and monthly fan charts: the median and 5–95 % band over replications, with the national standard where
// there is one (report_targets.hpp).
#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_charts.hpp"
#include "pfsim/scenario/kpi_catalogue.hpp"
#include "report_parts.hpp"
#include "report_targets.hpp"

namespace pfsim::output {
namespace {

// Daily series only the winter module sets: the OPEL level (winter.opel) and escalation beds, which only
// winter.escalation opens (models/src/winter_beds.cpp). Without a winter: section they are zero on every day, and a
// flat line at zero would read as a result. Beds closed is not here: the ordinary year's outbreaks (seasons) close
// beds too.
constexpr std::array<std::string_view, 2> kWinterOnlySeries = {"opel_level", "escalation_beds_open"};

template <typename T>
bool all_zero(const std::vector<T>& values) {
  return std::all_of(values.begin(), values.end(), [](T v) { return v == 0; });
}

std::optional<svg::ReferenceLine> reference_for(std::string_view series, std::string_view start_date) {
  const Target* t = target_for(series, start_date);
  if (!t) return std::nullopt;
  return svg::ReferenceLine{t->value, std::string(t->label)};
}

// What the fan shows, or that there is nothing to show but zeros (the axis then starts at zero).
std::string spread_note(bool zero, std::size_t replications, std::string_view period) {
  if (zero) return fmt::format("zero on every {} in every replication", period);
  return fmt::format("median and 5–95 % band over {} replications", replications);
}

std::string daily_figure(const DailySeries& series, const RunRecord& r) {
  if (series.replications == 0 || series.days == 0 || series.values.size() != series.replications * series.days) return {};
  const svg::FanBands bands = svg::fan_bands(series.values, series.replications, series.days);
  const std::string title = title_for(series.name, series.description);
  const std::string svg = svg::fan_chart(
      bands, r.start_date,
      {title, axis_title(title, series.units), series.description, series.units, reference_for(series.name, r.start_date)});
  return figure(svg, title,
                fmt::format("{} ({}); {}", series.description, series.name,
                            spread_note(all_zero(series.values), series.replications, "day")),
                "fan");
}

bool left_out_without_winter(const DailySeries& s, const Context& c) {
  return c.options.scenario.winter == false &&
         std::find(kWinterOnlySeries.begin(), kWinterOnlySeries.end(), s.name) != kWinterOnlySeries.end() &&
         all_zero(s.values);
}

}  // namespace

std::string daily_section(const Context& c) {
  std::string out, more;
  std::vector<std::string> left_out;
  // The series a winter or capacity discussion starts from (catalogue headline flags) come first.
  for (const bool headline : {true, false})
    for (const DailySeries& s : c.record.daily) {
      if (is_headline(s.name) != headline) continue;
      if (left_out_without_winter(s, c)) {
        left_out.push_back(title_for(s.name, s.description));
        continue;
      }
      (headline ? out : more) += daily_figure(s, c.record);
    }
  if (!left_out.empty()) {
    std::string names;
    for (std::size_t i = 0; i < left_out.size(); ++i)
      names += (i == 0 ? "" : i + 1 == left_out.size() ? " and " : ", ") + svg::escape_xml(left_out[i]);
    out += fmt::format("<p class=\"note not-drawn\">Not drawn: {}, which only a <code>winter:</code> section sets; this "
                       "scenario has none, so they are zero on every day.</p>\n", names);
  }
  if (!more.empty()) out += "<h3>More daily series</h3>\n" + more;
  return out;
}

// The monthly tables the catalogue marks headline (4-hour performance, the RTT waiting list, cancellations), one
// chart each, then every monthly table as a table of months.
std::string monthly_section(const Context& c) {
  const TableGroup* monthly = table_group(c.record, "monthly");
  if (!monthly || monthly->labels.empty()) return {};
  std::string out;
  for (const Breakdown& b : monthly->tables) {
    const auto info = std::find_if(scenario::monthly_catalogue().begin(), scenario::monthly_catalogue().end(),
                                   [&](const scenario::KpiInfo& k) { return k.name == b.name; });
    if (info == scenario::monthly_catalogue().end() || !info->headline) continue;
    const std::size_t months = monthly->labels.size();
    if (b.values.empty() || b.values.size() % months != 0) continue;
    const std::vector<float> values(b.values.begin(), b.values.end());
    const std::size_t replications = values.size() / months;
    const svg::FanBands bands = svg::fan_bands(values, replications, months);
    const std::string title = info->title.empty() ? b.name : std::string(info->title);
    out += figure(svg::month_chart(bands, monthly->labels,
                                   {title, axis_title(title, b.units), b.description, b.units, reference_for(b.name, c.record.start_date)}),
                  title, fmt::format("{} ({}); {}", b.description, b.name, spread_note(all_zero(b.values), replications, "month")),
                  "fan");
  }
  // Every monthly table by month, for a board paper's table of months (the charts above show the headline ones).
  const std::string table = breakdown_tables(monthly->tables, monthly->labels, "Month", "breakdown-table monthly-table",
                                             "Mean over replications");
  if (!table.empty()) out += "<h3>By month</h3>\n" + table;
  return out;
}

}  // namespace pfsim::output
