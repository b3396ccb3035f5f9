// Schemes and QIPP sheets (scheme runs only, DESIGN §7.3): per scheme its prior and sampled delivery, money saving,
// expected contribution, savings swing and cost; then the QIPP risk figures — expected savings, their spread over
// replications, P(meet target) and P(KPI meets its target) with their 95 % Wilson intervals.
#include <fmt/format.h>

#include "export_parts.hpp"
#include "pfsim/engine/stats.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

const Breakdown* table_named(const TableGroup& g, std::string_view name) {
  for (const Breakdown& b : g.tables)
    if (b.name == name) return &b;
  return nullptr;
}

// Value k of a per-scheme extra dataset, or an empty cell when the file does not have it.
ExportCell per_scheme(const RunRecord& r, std::string_view path, std::size_t k, bool money) {
  const std::vector<double>* values = extra_dataset(r, path);
  if (!values || k >= values->size()) return {};
  return money ? number((*values)[k], "£", 1) : share((*values)[k]);
}

ExportCell mean_of(const Breakdown* b, std::size_t schemes, std::size_t k, bool money) {
  if (!b) return {};
  const double mean = engine::summarise(column(b->values, schemes, k)).mean;
  return money ? number(mean, "£", 1) : share(mean);
}

ExportTable scheme_table(const RunRecord& r, const TableGroup& schemes) {
  ExportTable t{.file_stem = "schemes",
                .sheet = "Schemes",
                .title = fmt::format("{}: each scheme over {} replications (delivery sampled per replication)", r.scenario_name,
                                     r.replications),
                .headers = {"scheme", "prior mean delivery", "mean delivered", "mean money saving",
                            "expected contribution to savings", "savings swing p10 to p90", "cost"},
                .rows = {}};
  const Breakdown* delivery = table_named(schemes, "delivery");
  const Breakdown* savings = table_named(schemes, "savings_gbp");
  const std::size_t k_all = schemes.labels.size();
  for (std::size_t k = 0; k < k_all; ++k)
    t.rows.push_back({text(schemes.labels[k]), per_scheme(r, "/qipp/scheme_prior_mean", k, false),
                      mean_of(delivery, k_all, k, false), mean_of(savings, k_all, k, true),
                      per_scheme(r, "/qipp/contribution_gbp", k, true), per_scheme(r, "/qipp/tornado/savings_gbp", k, true),
                      per_scheme(r, "/qipp/scheme_cost_gbp", k, true)});
  return t;
}

ExportTable qipp_table(const RunRecord& r, const std::vector<double>& savings) {
  ExportTable t{.file_stem = "qipp",
                .sheet = "QIPP risk",
                .title = fmt::format("{}: QIPP savings and targets over {} replications", r.scenario_name, r.replications),
                .headers = {"measure", "value", "95% CI low", "95% CI high"},
                .rows = {}};
  const engine::Summary s = engine::summarise(savings);
  const auto money = [](double v) { return number(v, "£", 1); };
  t.rows.push_back({text("expected savings (money + flow)"), money(s.mean), money(s.mean - s.ci95_half), money(s.mean + s.ci95_half)});
  t.rows.push_back({text("savings, 5th percentile"), money(s.p5), {}, {}});
  t.rows.push_back({text("savings, median"), money(s.p50), {}, {}});
  t.rows.push_back({text("savings, 95th percentile"), money(s.p95), {}, {}});
  if (const auto* flow = extra_dataset(r, "/qipp/flow_savings_gbp")) {
    const engine::Summary f = engine::summarise(*flow);
    t.rows.push_back({text("of which flow savings (activity × tariff)"), money(f.mean), money(f.mean - f.ci95_half), money(f.mean + f.ci95_half)});
  }
  for (const auto& [path, values] : r.extra_datasets) {
    if (!path.starts_with("/qipp/activity/")) continue;
    const engine::Summary a = engine::summarise(values);
    const std::string name = path.substr(std::string_view("/qipp/activity/").size());
    const int d = decimals_for_spread(a.ci95_half, "");
    t.rows.push_back({text(fmt::format("activity: {}", name)), number(a.mean, "", d), number(a.mean - a.ci95_half, "", d),
                      number(a.mean + a.ci95_half, "", d)});
  }
  // [target £, p, Wilson lo, hi]
  if (const auto* p = extra_dataset(r, "/qipp/p_meet_target"); p && p->size() >= 4) {
    t.rows.push_back({text("QIPP target"), money((*p)[0]), {}, {}});
    t.rows.push_back({text("P(savings ≥ QIPP target)"), share((*p)[1]), share((*p)[2]), share((*p)[3])});
  }
  // [target, 1 if max else 0, p, lo, hi]
  for (const auto& [path, v] : r.extra_datasets) {
    if (!path.starts_with("/qipp/kpi_targets/") || v.size() < 5) continue;
    const std::string kpi = path.substr(std::string_view("/qipp/kpi_targets/").size());
    t.rows.push_back({text(fmt::format("P({} {} {})", kpi, v[1] != 0 ? "≤" : "≥", fmt::format("{}", v[0]))), share(v[2]),
                      share(v[3]), share(v[4])});
  }
  return t;
}

}  // namespace

std::vector<ExportTable> scheme_tables(const RunRecord& r) {
  const TableGroup* schemes = table_group(r, "schemes");
  const std::vector<double>* savings = extra_dataset(r, "/qipp/savings_gbp");
  std::vector<ExportTable> out;
  if (schemes && !schemes->labels.empty()) out.push_back(scheme_table(r, *schemes));
  if (savings && !savings->empty()) out.push_back(qipp_table(r, *savings));
  return out;
}

}  // namespace pfsim::output
