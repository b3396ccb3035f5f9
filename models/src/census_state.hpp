#pragma once
// Census warm start and snapshot: put the people of a Census in their places at the start of a run, and read the
// state of a running system back into a Census (pfsim run --save-census).
#include "context.hpp"
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

class AcuteSites;
class AfterDischarge;
class CareHomes;
class Discharge;
class DownstreamCare;

/// The services a census places people in (and reads back); the optional ones are null when not modelled.
struct CensusServices {
  AcuteSites& acute;
  Discharge& discharge;
  DownstreamCare* reablement;
  DownstreamCare* intermediate_care;
  CareHomes* care_homes;
  AfterDischarge& after_discharge;
};

/// Places scenario.census (which must be set) at the current time, after every service is built and started.
/// Each person draws from their own stream "census/<kind>/<site or service>" keyed by their row, so the rest of the
/// run's common random numbers are unchanged.
void place_census(Context& ctx, const CensusServices& services);

/// Everyone now in an acute bed, reablement, intermediate care or a care home (or waiting for one), in the
/// order place_census() needs: holders sorted, then the waiting in queue order.
Census take_census(const Context& ctx, const CensusServices& services);

}  // namespace pfsim::models
