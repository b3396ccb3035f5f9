// By-site and by-locality sheets: one row per KPI, for each site (or locality) its mean over replications and the
// 95 % CI half-width, attributed as the dataset's description says (DESIGN §5.5).
#include <fmt/format.h>

#include "export_parts.hpp"
#include "pfsim/engine/stats.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

std::vector<ExportTable> breakdown_table(const RunRecord& r, const std::vector<Breakdown>& breakdowns,
                                         const std::vector<std::string>& labels, std::string stem, std::string sheet,
                                         std::string_view attributed) {
  if (breakdowns.empty() || labels.empty()) return {};
  ExportTable t{.file_stem = std::move(stem),
                .sheet = std::move(sheet),
                .title = fmt::format("{}: mean over {} replications and 95 % CI half-width, by {}", r.scenario_name,
                                     r.replications, attributed),
                .headers = {"KPI", "name", "units"},
                .rows = {}};
  for (const std::string& label : labels) {
    t.headers.push_back(fmt::format("{} mean", label));
    t.headers.push_back(fmt::format("{} 95% CI ±", label));
  }
  for (const Breakdown& b : breakdowns) {
    std::vector<engine::Summary> summaries;
    double widest_ci = 0;
    for (std::size_t k = 0; k < labels.size(); ++k) {
      summaries.push_back(engine::summarise(column(b.values, labels.size(), k)));
      if (std::isfinite(summaries.back().ci95_half)) widest_ci = std::max(widest_ci, summaries.back().ci95_half);
    }
    const int d = decimals_for_spread(widest_ci, b.units);
    std::vector<ExportCell> row{text(title_for(b.name, b.description)), text(b.name), text(b.units)};
    for (const engine::Summary& s : summaries) {
      row.push_back(number(s.mean, b.units, d));
      row.push_back(number(s.ci95_half, b.units, d));
    }
    t.rows.push_back(std::move(row));
  }
  return {std::move(t)};
}

}  // namespace

std::vector<ExportTable> breakdown_tables(const RunRecord& r) {
  std::vector<ExportTable> out =
      breakdown_table(r, r.by_site, r.site_names, "by_site", "By site", "the site that treated the patient");
  for (ExportTable& t : breakdown_table(r, r.by_locality, r.locality_names, "by_locality", "By locality", "the patient's home locality"))
    out.push_back(std::move(t));
  return out;
}

}  // namespace pfsim::output
