#pragma once
// The OPEL escalation rule of the winter module (README "Winter pressures").
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

/// OPEL level 1–4 for a site whose open general beds are `occupancy_pct` % occupied with `waiting_for_bed` patients
/// waiting for a bed: 1 + thresholds reached (value ≥ threshold), the higher of the two measures.
[[nodiscard]] int opel_level(const OpelSettings& opel, double occupancy_pct, double waiting_for_bed);

}  // namespace pfsim::models
