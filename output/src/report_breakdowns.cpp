// By-site and by-locality tables: every KPI's mean ± 95 % CI half-width per site or locality, laid out to fit a
// 60rem page and A4 portrait without scrolling. A few sites read best as columns beside each KPI; many localities
// read as rows, with the KPIs split over several tables of a few columns each.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pfsim/engine/stats.hpp"
#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_numbers.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

using svg::escape_xml;

// Columns of numbers one table holds: a KPI column or a site column of "141,244 ± 621" is about 8rem wide, so with
// the row headings five fit 60rem, and A4 portrait at the print font size.
constexpr std::size_t kMaxLabelColumns = 5;  // sites as columns up to this many, else sites or localities as rows
constexpr std::size_t kMaxKpiColumns = 5;    // their headings wrap onto two or three lines

// One KPI summarised per label, with one precision for all of them so the numbers line up and compare.
struct Summarised {
  const Breakdown* breakdown;
  std::vector<engine::Summary> per_label;
  int decimals = 0;
};

std::vector<Summarised> summarise(const std::vector<Breakdown>& breakdowns, const std::vector<std::string>& labels) {
  std::vector<Summarised> out;
  for (const Breakdown& b : breakdowns) {
    if (labels.empty() || b.values.empty() || b.values.size() % labels.size() != 0) continue;
    Summarised s{&b, {}, 0};
    const std::size_t reps = b.values.size() / labels.size();
    for (std::size_t l = 0; l < labels.size(); ++l) {
      std::vector<double> column(reps);
      for (std::size_t r = 0; r < reps; ++r) column[r] = b.values[r * labels.size() + l];
      s.per_label.push_back(engine::summarise(column));
      const engine::Summary& m = s.per_label.back();
      s.decimals = std::max(s.decimals, svg::table_decimals(m.ci95_half > 0 ? m.ci95_half : std::abs(m.mean), b.units));
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::string value_cell(const Summarised& s, std::size_t label) {
  const engine::Summary& m = s.per_label[label];
  return fmt::format("<td class=\"num\">{} <span class=\"desc\">± {}</span></td>", svg::number(m.mean, s.decimals),
                     svg::number(m.ci95_half, s.decimals));
}

// The KPI's title with its units under it; the description as a tooltip.
std::string kpi_heading(const Summarised& s, std::string_view scope, std::string_view css_class) {
  const Breakdown& b = *s.breakdown;
  return fmt::format("<th scope=\"{}\"{} title=\"{}\">{}<br><span class=\"desc\">{}</span></th>", scope, css_class,
                     escape_xml(b.description), escape_xml(title_for(b.name, b.description)), escape_xml(b.units));
}

// KPIs as rows, one column per label.
std::string kpi_rows(const std::vector<Summarised>& kpis, const std::vector<std::string>& labels, std::string_view css_class) {
  std::string out = fmt::format("<table class=\"{}\"><thead><tr><th scope=\"col\">KPI</th>", css_class);
  for (const std::string& label : labels) out += fmt::format("<th scope=\"col\" class=\"num\">{}</th>", escape_xml(label));
  out += "</tr></thead><tbody>\n";
  for (const Summarised& s : kpis) {
    out += "<tr class=\"breakdown-row\">" + kpi_heading(s, "row", "");
    for (std::size_t l = 0; l < labels.size(); ++l) out += value_cell(s, l);
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

// Labels as rows, the KPIs from `first` to `last` as columns.
std::string label_rows(const std::vector<Summarised>& kpis, std::size_t first, std::size_t last,
                       const std::vector<std::string>& labels, std::string_view label_heading, std::string_view css_class) {
  std::string out = fmt::format("<table class=\"{} label-rows\"><thead><tr><th scope=\"col\">{}</th>", css_class, label_heading);
  for (std::size_t k = first; k < last; ++k) out += kpi_heading(kpis[k], "col", " class=\"num\"");
  out += "</tr></thead><tbody>\n";
  for (std::size_t l = 0; l < labels.size(); ++l) {
    out += fmt::format("<tr class=\"breakdown-row\"><th scope=\"row\">{}</th>", escape_xml(labels[l]));
    for (std::size_t k = first; k < last; ++k) out += value_cell(kpis[k], l);
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

}  // namespace

std::string breakdown_tables(const std::vector<Breakdown>& breakdowns, const std::vector<std::string>& labels,
                             std::string_view label_heading, std::string_view css_class, std::string_view what) {
  const std::vector<Summarised> kpis = summarise(breakdowns, labels);
  if (kpis.empty()) return {};
  std::string out;
  std::string note = fmt::format("{} ± 95 % CI half-width.", what);
  if (labels.size() <= kMaxLabelColumns) {
    out = kpi_rows(kpis, labels, css_class);
  } else {
    for (std::size_t first = 0; first < kpis.size(); first += kMaxKpiColumns)
      out += label_rows(kpis, first, std::min(first + kMaxKpiColumns, kpis.size()), labels, label_heading, css_class);
    note += fmt::format(" The KPIs are split over tables of {} so that each fits the page.", kMaxKpiColumns);
  }
  return out + "<p class=\"note\">" + note + "</p>\n";
}

namespace {
constexpr std::string_view kMeanOverReplications = "Mean over replications";
}  // namespace

std::string by_site_section(const Context& c) {
  return breakdown_tables(c.record.by_site, c.record.site_names, "Site", "breakdown-table by-site", kMeanOverReplications);
}

std::string by_locality_section(const Context& c) {
  return breakdown_tables(c.record.by_locality, c.record.locality_names, "Locality", "breakdown-table by-locality",
                          kMeanOverReplications);
}

}  // namespace pfsim::output
