#include "scheme_capacity.hpp"

#include <algorithm>
#include <cmath>

#include "acute_sites.hpp"
#include "care_homes.hpp"
#include "downstream_care.hpp"
#include "virtual_ward.hpp"

namespace pfsim::models {

SchemeCapacity::SchemeCapacity(Context& ctx, const SchemeEffects& schemes, AcuteSites& sites, DownstreamCare* reablement,
                               DownstreamCare* intermediate_care, CareHomes* care_homes, VirtualWards* virtual_wards)
    : ctx_(ctx), schemes_(schemes), weekly_(ctx.sim.add_handler([this](std::uint32_t) { step(); })) {
  const Scenario& s = ctx.scenario;
  if (schemes.has(SchemeTarget::GeneralBeds))
    for (std::size_t site = 0; site < s.sites.size(); ++site)
      changed_.push_back({SchemeTarget::GeneralBeds, site, s.sites[site].general_beds, -1,
                          [&beds = sites[site].capacity()](int value) { beds.set_general(value); }});
  if (schemes.has(SchemeTarget::ReablementCapacity) && reablement)
    changed_.push_back({SchemeTarget::ReablementCapacity, 0, s.reablement->capacity, -1, [reablement](int value) { reablement->set_capacity(value); }});
  if (schemes.has(SchemeTarget::IntermediateCareCapacity) && intermediate_care)
    changed_.push_back({SchemeTarget::IntermediateCareCapacity, 0, s.intermediate_care->capacity, -1,
                        [intermediate_care](int value) { intermediate_care->set_capacity(value); }});
  if (schemes.has(SchemeTarget::CareHomeBeds) && care_homes)
    changed_.push_back({SchemeTarget::CareHomeBeds, 0, s.care_homes->beds, -1, [care_homes](int value) { care_homes->set_capacity(value); }});
  if (schemes.has(SchemeTarget::VirtualWardCapacity) && virtual_wards)
    for (std::size_t site = 0; site < s.sites.size(); ++site)
      changed_.push_back({SchemeTarget::VirtualWardCapacity, site, s.virtual_wards->capacity[site], -1,
                          [virtual_wards, site](int value) { virtual_wards->set_capacity(site, value); }});
}

void SchemeCapacity::start() {
  const bool any_capacity = schemes_.has(SchemeTarget::GeneralBeds) || schemes_.has(SchemeTarget::ReablementCapacity) ||
                            schemes_.has(SchemeTarget::IntermediateCareCapacity) || schemes_.has(SchemeTarget::CareHomeBeds) ||
                            schemes_.has(SchemeTarget::VirtualWardCapacity);
  if (any_capacity) ctx_.sim.schedule_at(0.0, weekly_);
}

void SchemeCapacity::step() {
  const double now = ctx_.sim.now();
  for (Changed& c : changed_) {
    // Whole units: the changed capacity is rounded to the nearest bed or package, never below 0.
    const double changed = schemes_.change(c.target, now, 0, 0, c.site).apply(static_cast<double>(c.base));
    const int value = static_cast<int>(std::max(0.0, std::round(changed)));
    if (value == (c.applied < 0 ? c.base : c.applied)) continue;
    c.applied = value;
    c.set(value);
  }
  // The weekly grid is anchored at start_date (not at the first warm-up day), so a scheme's capacity steps on the
  // same dates whatever the warm-up; the first step is at time 0, the next on the first grid date after it.
  const double next = ctx_.measure_from + (std::floor((now - ctx_.measure_from) / engine::kMinutesPerWeek) + 1.0) * engine::kMinutesPerWeek;
  if (next < ctx_.measure_to) ctx_.sim.schedule_at(next, weekly_);
}

}  // namespace pfsim::models
