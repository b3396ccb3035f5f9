#pragma once
// Everything one replication produces, indexed by the KPI catalogue (pfsim/scenario/kpi_catalogue.hpp).
#include <array>
#include <cstdint>
#include <vector>

#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

/// What the schemes did in one replication (empty when the scenario has no schemes).
struct SchemeOutcome {
  std::vector<double> delivered;   // [scheme] sampled delivered fraction
  std::vector<double> money_gbp;   // [scheme] delivered fraction × value_gbp
  std::array<double, kSchemeActivityCount> activity{};
  std::vector<double> counterfactual_kpi;  // [kpi] the same replication without schemes (paired, for the tornado)
  double flow_gbp = 0;             // activity × tariff
  double total_gbp = 0;            // flow + Σ money
};

/// Everything one replication produces (measured period only).
struct ReplicationResult {
  std::array<double, kKpiCount> kpi{};
  std::array<std::vector<float>, kDailyCount> daily;            // [measured day]
  std::array<std::vector<double>, kKpiCount> by_site;           // [kpi][site]
  std::array<std::vector<double>, kKpiCount> by_locality;       // [kpi][locality]
  std::array<std::vector<double>, kMonthlyCount> monthly;       // [measured month]
  std::uint64_t events = 0;
  std::uint64_t patients_created = 0;
  double bed_days = 0;                                          // acute bed-days occupied (measured period)
  SchemeOutcome schemes;                                        // empty without schemes
  TravelOutcome travel;                                         // empty without routing
  /// [resource][measured day] patients waiting for each capacity of capacity_names() (offered_load.hpp) at the
  /// midnight ending the day. Kept for the stability check (pfsim/run/stability.hpp); not written to the results.
  std::vector<std::vector<float>> queues;

  double& operator[](Kpi k) { return kpi[static_cast<std::size_t>(k)]; }
  double operator[](Kpi k) const { return kpi[static_cast<std::size_t>(k)]; }
  [[nodiscard]] const std::vector<double>& site_values(Kpi k) const { return by_site[static_cast<std::size_t>(k)]; }
  [[nodiscard]] const std::vector<double>& locality_values(Kpi k) const { return by_locality[static_cast<std::size_t>(k)]; }
};

}  // namespace pfsim::models
