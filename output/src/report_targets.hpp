#pragma once
// The national standards the report draws as dashed lines on a KPI's charts (daily fan chart, month chart): one
// table, each row with the document it comes from, so a commissioner sees at a glance how far a result is from it.
#include <array>
#include <string_view>

namespace pfsim::output {

struct Target {
  std::string_view series;  ///< daily series or monthly table name (the KPI catalogue's name)
  double value;             ///< in the series' units
  std::string_view label;   ///< beside the line
};

inline constexpr std::array<Target, 3> kTargets = {{
    // NHS Constitution for England (Handbook to the NHS Constitution): 95 % of patients attending A&E admitted,
    // transferred or discharged within four hours of arrival.
    {"ae_4h_pct", 95.0, "95 % standard"},
    // NHS Operational Planning and Contracting Guidance 2019/20: the general and acute bed occupancy ambition of 92 %.
    {"bed_occupancy_pct", 92.0, "92 % occupancy"},
    // NHS Constitution for England (Handbook): 92 % of incomplete referral-to-treatment pathways under 18 weeks.
    {"rtt_incomplete_18w_pct", 92.0, "92 % standard"},
}};

/// The target drawn on `series`'s charts, or nullptr.
constexpr const Target* target_for(std::string_view series) {
  for (const Target& t : kTargets)
    if (t.series == series) return &t;
  return nullptr;
}

}  // namespace pfsim::output
