// The KPI summary sheet: one row per KPI with the statistics of /kpi/summary (engine::summarise over the
// replications, as write_results() stored them), the 95 % CI as its two ends so a reader need not add and subtract.
#include <fmt/format.h>

#include "export_parts.hpp"
#include "pfsim/engine/stats.hpp"
#include "report_parts.hpp"

namespace pfsim::output {

std::vector<ExportTable> kpi_tables(const RunRecord& r) {
  if (r.kpis.empty()) return {};
  ExportTable t{.file_stem = "kpi_summary",
                .sheet = "KPI summary",
                .title = fmt::format("{}: KPIs over {} replications (mean, 95 % confidence interval of the mean, 5th/50th/95th "
                                     "percentiles over replications)", r.scenario_name, r.replications),
                .headers = {"KPI", "name", "units", "mean", "sd", "95% CI low", "95% CI high", "p5", "p50", "p95",
                            "replications", "description"},
                .rows = {}};
  for (const Kpi& kpi : r.kpis) {
    const engine::Summary s = engine::summarise(kpi.per_replication);
    const int d = decimals_for_spread(s.ci95_half, kpi.units);
    const auto n = [&](double v) { return number(v, kpi.units, d); };
    t.rows.push_back({text(title_for(kpi.name, kpi.description)), text(kpi.name), text(kpi.units), n(s.mean), n(s.sd),
                      n(s.mean - s.ci95_half), n(s.mean + s.ci95_half), n(s.p5), n(s.p50), n(s.p95),
                      number(static_cast<double>(s.n), "", 0), text(kpi.description)});
  }
  return {std::move(t)};
}

}  // namespace pfsim::output
