#pragma once
// The models read the plain scenario data (pfsim::scenario) and name its types unqualified, as their own
// vocabulary; this one using-directive keeps them in step with the scenario layer without a list of aliases.
#include "pfsim/scenario/census.hpp"
#include "pfsim/scenario/kpi_catalogue.hpp"
#include "pfsim/scenario/pathway.hpp"
#include "pfsim/scenario/routing.hpp"
#include "pfsim/scenario/scenario.hpp"
#include "pfsim/scenario/schemes.hpp"

namespace pfsim::models {
using namespace pfsim::scenario;  // NOLINT(google-build-using-namespace)
}  // namespace pfsim::models
