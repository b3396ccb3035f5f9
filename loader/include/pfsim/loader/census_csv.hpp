#pragma once
// Census files (README "Starting from today"): one row per person, columns
// kind,site,locality,age_band,days_elapsed,days_delayed,status,pathway. The same text is what
// `pfsim run --save-census` writes and what a scenario's `census: file.csv` reads.
#include <string>

#include "pfsim/scenario/scenario.hpp"

namespace pfsim::loader {

/// The census as CSV text (header first, then one row per person in census order; days with 4 decimals).
/// Names come from `scenario` (sites, localities, age bands).
std::string census_csv(const scenario::Census& census, const scenario::Scenario& scenario);

}  // namespace pfsim::loader
