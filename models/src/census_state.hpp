#pragma once
// Census warm start and snapshot: put the people of a Census in their places at the start of a run, and read the
// state of a running system back into a Census (pfsim run --save-census).
#include "context.hpp"
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

/// Places scenario.census (which must be set) at the current time, after every service is built and started.
/// Each person draws from their own stream "census/<kind>/<site or service>" keyed by their row, so the rest of the
/// run's common random numbers are unchanged.
void place_census(Context& ctx);

/// Everyone now in an acute bed, reablement, intermediate care or a care home (or waiting for one), in the
/// order place_census() needs: holders sorted, then the waiting in queue order.
Census take_census(const Context& ctx);

}  // namespace pfsim::models
