#pragma once
// Sampling each scheme's delivered fraction for a replication (README "Schemes and QIPP risk").
#include <cstdint>
#include <vector>

#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

/// Each scheme's delivered fraction in `replication`, from streams "scheme/<name>" (and "scheme-group/<group>").
std::vector<double> sample_delivery(const SchemeSettings& settings, std::uint64_t seed, std::uint64_t replication);

}  // namespace pfsim::models
