#pragma once
// Schemes that change a capacity (general beds, reablement, intermediate care, care-home beds, virtual wards): a weekly
// step sets each changed capacity, in whole units, through the service that owns it. The weeks are counted from
// start_date.
#include <functional>
#include <vector>

#include "context.hpp"
#include "scheme_effects.hpp"

namespace pfsim::models {

class AcuteSites;
class CareHomes;
class DownstreamCare;
class VirtualWards;

class SchemeCapacity {
 public:
  /// The downstream services, care homes and virtual wards are null when not modelled (their schemes then change
  /// nothing).
  SchemeCapacity(Context& ctx, const SchemeEffects& schemes, AcuteSites& sites, DownstreamCare* reablement,
                 DownstreamCare* intermediate_care, CareHomes* care_homes, VirtualWards* virtual_wards);
  /// Schedules the weekly steps when some scheme changes a capacity.
  void start();

 private:
  /// One capacity a scheme changes, stepped in the order built.
  struct Changed {
    SchemeTarget target;
    std::size_t site;
    int base;
    int applied = -1;  // -1: never changed, still at base
    std::function<void(int)> set;
  };
  void step();

  Context& ctx_;
  const SchemeEffects& schemes_;
  std::vector<Changed> changed_;
  engine::HandlerId weekly_;
};

}  // namespace pfsim::models
