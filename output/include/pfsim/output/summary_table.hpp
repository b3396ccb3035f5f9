#pragma once
#include <string>
#include <vector>

#include "pfsim/output/run_record.hpp"

namespace pfsim::output {

/// Terminal table, one row per KPI: name, mean, 95 % CI (± half-width), p5, p50, p95, units (statistics from
/// engine::summarise()). A header, a rule, then aligned rows, each ending in '\n'. Printed by `pfsim run` and
/// `pfsim info`; numbers use the decimals that show the CI half-width to two significant figures.
std::string format_summary_table(const std::vector<Kpi>& kpis);

}  // namespace pfsim::output
