// The KPI table (mean, CI, percentiles) and the histograms of the headline KPIs over replications.
#include <cmath>

#include <fmt/format.h>

#include "pfsim/engine/rng.hpp"
#include "pfsim/engine/stats.hpp"
#include "pfsim/output/summary_table.hpp"
#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_charts.hpp"
#include "pfsim/output/svg_numbers.hpp"
#include "pfsim/scenario/kpi_catalogue.hpp"
#include "report_parts.hpp"

namespace pfsim::output {

using svg::escape_xml;
using svg::number;

namespace {

// The KPI table of `kpis` (rows of class `row_class`), with its notes on rough tails and skewed KPIs.
std::string kpi_table(const std::vector<const Kpi*>& kpis, std::string_view row_class) {
  std::string out =
      "<table class=\"kpi-table\"><thead><tr><th scope=\"col\">KPI</th>"
      "<th scope=\"col\">Units</th><th scope=\"col\" class=\"num\">Mean</th><th scope=\"col\" class=\"num\">95 % CI</th>"
      "<th scope=\"col\" class=\"num\">p5</th><th scope=\"col\" class=\"num\">p50</th><th scope=\"col\" class=\"num\">p95</th>"
      "</tr></thead><tbody>\n";
  std::size_t fewest = 0;
  bool any_skewed = false;
  for (const Kpi* row : kpis) {
    const Kpi& kpi = *row;
    const engine::Summary s = engine::summarise(kpi.per_replication);
    const int d = svg::table_decimals(s.ci95_half > 0 ? s.ci95_half : std::abs(s.mean), kpi.units);
    if (s.n > 0 && (fewest == 0 || s.n < fewest)) fewest = s.n;
    // Tail percentiles from few replications sit at the extreme values; a skewed KPI's median gets a bootstrap CI.
    const std::string rough = s.n < engine::kMinValuesForTailPercentiles ? "~" : "";
    std::string median = number(s.p50, d);
    if (const scenario::KpiInfo* info = scenario::find_kpi_info(kpi.name); info && info->skewed && s.n >= 2) {
      const engine::Interval ci = engine::bootstrap_median_ci(kpi.per_replication, engine::hash_name(kpi.name));
      median += fmt::format("<br><span class=\"desc\">CI {} – {}</span>", number(ci.lo, d), number(ci.hi, d));
      any_skewed = true;
    }
    // A KPI without a plain-language title is titled by its description: then show the description once.
    const std::string title = title_for(kpi.name, kpi.description);
    const bool titled_by_description = known_title(kpi.name).empty();
    const std::string description = titled_by_description ? std::string() : kpi.description;
    out += fmt::format(
        "<tr class=\"{}\"><td><span class=\"kpi-title\">{}</span> <code>{}</code><br><span class=\"desc\">{}</span></td>"
        "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{} – {}<br><span class=\"desc\">± {}</span></td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        row_class, escape_xml(title), escape_xml(kpi.name), escape_xml(description),
        escape_xml(kpi.units), number(s.mean, d), number(s.mean - s.ci95_half, d), number(s.mean + s.ci95_half, d),
        number(s.ci95_half, d), rough + number(s.p5, d), median, rough + number(s.p95, d));
  }
  out += "</tbody></table>\n";
  if (fewest > 0 && fewest < engine::kMinValuesForTailPercentiles)
    out += fmt::format("<p class=\"note\">~ p5 and p95 from {} replications are rough: they sit at the extreme values. "
                       "Run at least {} replications for tail percentiles.</p>\n", fewest, engine::kMinValuesForTailPercentiles);
  if (any_skewed)
    out += "<p class=\"note\">Skewed KPIs (long-tailed waits) show a 95 % bootstrap CI of the median under p50 "
           "(2,000 resamples).</p>\n";
  return out;
}

// The KPIs the scenario's headline_kpis name (in that order), or none.
std::vector<const Kpi*> scenario_headline(const RunRecord& record) {
  std::vector<const Kpi*> out;
  for (const std::string& name : headline_kpis(record))
    for (const Kpi& kpi : record.kpis)
      if (kpi.name == name) out.push_back(&kpi);
  return out;
}

}  // namespace

std::string headline_section(const Context& c) {
  const std::vector<const Kpi*> headline = scenario_headline(c.record);
  if (headline.empty()) return {};
  return "<p>The measures this scenario is judged by (its <code>headline_kpis</code>), over replications; every KPI "
         "follows under Key performance indicators.</p>\n" + kpi_table(headline, "headline-row");
}

std::string kpi_section(const Context& c) {
  if (c.record.kpis.empty()) return {};
  std::vector<const Kpi*> all;
  for (const Kpi& kpi : c.record.kpis) all.push_back(&kpi);
  return "<p>Each KPI over replications: the mean, its 95 % confidence interval (Student t), and the 5th, 50th and 95th "
         "percentiles of the replication values.</p>\n" + kpi_table(all, "kpi-row");
}

// One histogram per headline KPI: the scenario's headline_kpis in their order when it has them, else the catalogue's
// headline flags in catalogue order.
std::string histogram_section(const Context& c) {
  std::vector<const Kpi*> kpis = scenario_headline(c.record);
  if (kpis.empty())
    for (const Kpi& kpi : c.record.kpis)
      if (is_headline(kpi.name)) kpis.push_back(&kpi);
  std::string out;
  for (const Kpi* row : kpis)
    if (const Kpi& kpi = *row; !kpi.per_replication.empty()) {
      const std::string title = title_for(kpi.name, kpi.description);
      out += figure(svg::histogram(kpi.per_replication, {title, axis_title(title, kpi.units), kpi.description, kpi.units}),
                    title, fmt::format("{} ({}); one value per replication", kpi.description, kpi.name), "hist");
    }
  return out;
}

}  // namespace pfsim::output
