#pragma once
// Risk outputs of a run with schemes (README "Schemes and QIPP risk"): P(meet the QIPP target) with a Wilson CI,
// expected savings, per-scheme contributions, a tornado per KPI and P(KPI meets its target), all computed from the
// per-replication samples the run recorded (no extra runs).
#include <string>
#include <vector>

#include "pfsim/models/replication_result.hpp"
#include "pfsim/scenario/scenario.hpp"
#include "pfsim/output/run_record.hpp"

namespace pfsim::run {

struct Proportion {
  std::size_t hits = 0, n = 0;
  double p = 0, lo = 0, hi = 0;  // Wilson score interval, 95 %
};
Proportion wilson(std::size_t hits, std::size_t n);

struct SchemeRisk {
  std::vector<double> savings_gbp;                 // [replication] total
  double mean_savings = 0, ci_half = 0, p5 = 0, p95 = 0, mean_money = 0, mean_flow = 0;
  bool has_target = false;
  Proportion meet_target;
  std::vector<double> contribution_gbp;            // [scheme] expected £
  std::vector<double> savings_swing_gbp;           // [scheme] tornado of total savings (p10 → p90 delivery)
  std::vector<std::vector<double>> kpi_tornado;    // [kpi][scheme] KPI change p10 → p90 delivery
  std::vector<Proportion> kpi_target_met;          // [scenario kpi_targets]
  std::vector<std::size_t> kpi_target_index;       // index in kpi_catalogue()
  bool regression_ok = false;                      // enough replications for the regression
};

SchemeRisk analyse_schemes(const scenario::Scenario& scenario, const std::vector<models::ReplicationResult>& results);

/// /schemes/{names, delivery, savings_gbp} [replication × scheme] and /qipp/... (savings, activity, tornado, targets).
void add_scheme_datasets(output::RunRecord& record, const scenario::Scenario& scenario,
                         const std::vector<models::ReplicationResult>& results, const SchemeRisk& risk);

/// Lines for the `pfsim run` summary.
std::string format_scheme_summary(const scenario::Scenario& scenario, const SchemeRisk& risk);

}  // namespace pfsim::run
