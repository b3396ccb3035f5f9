#include <fmt/format.h>

#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_charts.hpp"
#include "pfsim/scenario/kpi_catalogue.hpp"
#include "report_parts.hpp"

namespace pfsim::output {

std::string_view known_title(std::string_view name) {
  const scenario::KpiInfo* info = scenario::find_kpi_info(name);
  return info ? info->title : std::string_view{};
}

bool is_headline(std::string_view name) {
  const scenario::KpiInfo* info = scenario::find_kpi_info(name);
  return info && info->headline;
}

std::string title_for(const std::string& name, const std::string& description) {
  const std::string_view known = known_title(name);
  if (!known.empty()) return std::string(known);
  std::string title = description.empty() ? name : description;
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 'a' + 'A');
  return title;
}

std::string in_sentence(const std::string& title) {
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  std::string out = title;
  if (out.size() >= 2 && upper(out[0]) && lower(out[1])) out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

std::string axis_title(const std::string& title, const std::string& units) {
  return units.empty() ? title : fmt::format("{} ({})", title, units);
}

std::string figure(const std::string& svg, const std::string& title, const std::string& note, std::string_view css_class) {
  return fmt::format("<figure class=\"{}\">\n<figcaption>{} <span class=\"desc\">{}</span></figcaption>\n{}\n</figure>\n",
                     css_class, svg::escape_xml(title), svg::escape_xml(note), svg);
}

const std::vector<double>* extra_dataset(const RunRecord& r, std::string_view path) {
  for (const auto& [name, values] : r.extra_datasets)
    if (name == path) return &values;
  return nullptr;
}

const TableGroup* table_group(const RunRecord& r, std::string_view name) {
  for (const TableGroup& g : r.table_groups)
    if (g.name == name) return &g;
  return nullptr;
}

std::string end_date(const RunRecord& r) {
  const auto start = svg::parse_date(r.start_date);
  if (!start || r.days <= 0) return {};
  return svg::format_date(*start + r.days - 1);
}

}  // namespace pfsim::output
