#pragma once
// What the page shows of a finished job, as JSON: the KPI table (the numbers `pfsim info` prints), fan charts drawn by
// the report's own SVG code, and for a comparison the paired differences option − base.
#include <string>

#include <nlohmann/json.hpp>

#include "pfsim/output/run_record.hpp"

namespace pfsim::serve {

/// {"kpis": [{name, units, description, mean, ci95_half}], "charts": [{title, svg}]}; mean and ci95_half are text with
/// the decimals of `pfsim info`'s table, so the page and the terminal agree digit for digit.
nlohmann::json run_result(const output::RunRecord& record);

/// run_result of the base plus "differences": [{name, units, base_mean, option_mean, difference, ci95_half,
/// significant}] for option `label` (significant: the 95 % CI excludes 0).
nlohmann::json compare_result(const output::RunRecord& record, const std::string& label);

}  // namespace pfsim::serve
