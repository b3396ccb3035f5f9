#pragma once
// The national standards the report draws as dashed lines on a KPI's charts (daily fan chart, month chart): one
// table, each row with the document it comes from, so a commissioner sees at a glance how far a result is from it.
#include <array>
#include <string_view>

namespace pfsim::output {

struct Target {
  std::string_view series;  ///< daily series or monthly table name (the KPI catalogue's name)
  int from_year;            ///< the first financial year (starting April of this year) it is the one planned to
  double value;             ///< in the series' units
  std::string_view label;   ///< beside the line
};

// Rows of a series in increasing from_year: a run is held to the latest that applies to its financial year.
inline constexpr std::array<Target, 5> kTargets = {{
    // NHS Constitution for England (Handbook to the NHS Constitution): 95 % of patients attending A&E admitted,
    // transferred or discharged within four hours of arrival.
    {"ae_4h_pct", 0, 95.0, "95 % standard"},
    // NHS England, 2025/26 priorities and operational planning guidance: 78 % within four hours by March 2026.
    {"ae_4h_pct", 2025, 78.0, "78 % (2025/26 plan)"},
    // NHS Operational Planning and Contracting Guidance 2019/20: the general and acute bed occupancy ambition of 92 %.
    {"bed_occupancy_pct", 0, 92.0, "92 % occupancy"},
    // NHS Constitution for England (Handbook): 92 % of incomplete referral-to-treatment pathways under 18 weeks.
    {"rtt_incomplete_18w_pct", 0, 92.0, "92 % standard"},
    // 2025/26 planning guidance: 65 % of incomplete pathways within 18 weeks by March 2026 (on the way to 92 %).
    {"rtt_incomplete_18w_pct", 2025, 65.0, "65 % (2025/26 plan)"},
}};

/// The financial year (its April's calendar year) of an ISO date "YYYY-MM-DD"; 0 when it does not parse.
constexpr int financial_year(std::string_view date) {
  if (date.size() < 7) return 0;
  int year = 0, month = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return 0;
    year = year * 10 + (date[i] - '0');
  }
  for (std::size_t i = 5; i < 7; ++i) {
    if (date[i] < '0' || date[i] > '9') return 0;
    month = month * 10 + (date[i] - '0');
  }
  return month >= 4 ? year : year - 1;
}

/// The target drawn on `series`'s charts for a run starting on `start_date`, or nullptr.
constexpr const Target* target_for(std::string_view series, std::string_view start_date) {
  const int year = financial_year(start_date);
  const Target* found = nullptr;
  for (const Target& t : kTargets)
    if (t.series == series && t.from_year <= year) found = &t;
  return found;
}

}  // namespace pfsim::output
