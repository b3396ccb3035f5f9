#pragma once
#include <string>
#include <vector>

#include "pfsim/output/run_record.hpp"

namespace pfsim::output {

/// Decimals that show a CI half-width to two significant figures, the precision the replications support (85.31 ±
/// 0.23, 102345 ± 450); from the mean when the half-width is zero, 2 when both are. Every number of a terminal row
/// uses them, so the row reads consistently.
int decimals_for_ci(double ci95_half, double mean);

/// Terminal table, one row per KPI: name, mean, 95 % CI (± half-width), p5, p50, p95, units (statistics from
/// engine::summarise()). A header, a rule, then aligned rows, each ending in '\n'. Printed by `pfsim run` and
/// `pfsim info`; numbers use the decimals that show the CI half-width to two significant figures. With fewer than
/// engine::kMinValuesForTailPercentiles replications p5 and p95 carry "~" and a note says why; each KPI the catalogue
/// marks `skewed` gets a line with its median and 95 % bootstrap CI (seeded by the KPI name: the same on every run).
std::string format_summary_table(const std::vector<Kpi>& kpis);

/// The summary table of the KPIs named in `headline` (a scenario's headline_kpis), in that order, under a title line;
/// empty when `headline` is empty. Printed before the full table.
std::string format_headline_table(const std::vector<Kpi>& kpis, const std::vector<std::string>& headline);

/// The names in a /meta `headline_kpis` attribute ("a, b, c"); empty when `record` has none.
std::vector<std::string> headline_kpis(const RunRecord& record);

/// Terminal table of breakdowns (/by_site or /by_locality), one row per KPI: its mean over replications for each
/// label (site or locality) in `labels` order, then the units. Printed by `pfsim info --by site|locality`.
std::string format_breakdown_table(const std::vector<Breakdown>& breakdowns, const std::vector<std::string>& labels);

}  // namespace pfsim::output
