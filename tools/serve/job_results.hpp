#pragma once
// What the page shows of a finished job, as JSON: the KPI table (the numbers `pfsim info` prints), fan charts drawn by
// the report's own SVG code, and for a comparison the paired differences option − base.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pfsim/output/run_record.hpp"

namespace pfsim::serve {

/// {"kpis": [{name, units, description, mean, ci95_half}], "charts": [{title, svg}], and for a run with schemes
/// "scheme_risk": the report's "Schemes and QIPP risk" section as HTML}; mean and ci95_half are text with
/// the decimals of `pfsim info`'s table, so the page and the terminal agree digit for digit.
nlohmann::json run_result(const output::RunRecord& record);

/// run_result of the base plus "options" (the labels) and "differences": [{name, option, units, base_mean,
/// option_mean, difference, ci95_half, significant, changed}], one row per KPI and option, KPIs whose CI excludes 0
/// in some option first (significant: the 95 % CI excludes 0). "forests": with one option, the changed KPIs by site;
/// with several, one plot per changed KPI with a row per option ("forest_rows": "site" or "option").
nlohmann::json compare_result(const output::RunRecord& record, const std::vector<std::string>& labels);

}  // namespace pfsim::serve
