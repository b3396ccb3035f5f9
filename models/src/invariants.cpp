#include "pfsim/models/invariants.hpp"

#include <fmt/format.h>

#include "pfsim/models/system.hpp"

namespace pfsim::models {

namespace {
[[noreturn]] void broken(const FlowSnapshot& s, const std::string& what) {
  throw ModelError(fmt::format("invariant broken on day {} of replication {}: {}", s.day, s.replication, what));
}

void check_units(const FlowSnapshot& s, const std::string& name, const HeldUnits& u) {
  if (u.in_use < 0) broken(s, fmt::format("{} has {} units in use", name, u.in_use));
  if (u.capacity < 0) broken(s, fmt::format("{} has capacity {}", name, u.capacity));
  if (u.queued > 0 && u.in_use < u.capacity)
    broken(s, fmt::format("{} has {} free units while {} wait", name, u.capacity - u.in_use, u.queued));
}
}  // namespace

void check_flow(const FlowSnapshot& s) {
  if (s.created != s.left + s.in_system)
    broken(s, fmt::format("patient conservation: {} arrived, {} left, {} in system", s.created, s.left, s.in_system));
  for (const auto& site : s.sites) {
    const std::string name = "beds at " + site.name;
    check_units(s, name, site.beds);
    // Every patient with a bed request is either queued or holds a grant that takes effect this instant.
    const std::int64_t granted_not_taken = site.beds.in_use - site.occupants;
    if (granted_not_taken < 0)
      broken(s, fmt::format("{}: {} patients in beds but only {} beds held", name, site.occupants, site.beds.in_use));
    if (granted_not_taken + static_cast<std::int64_t>(site.beds.queued) != site.awaiting)
      broken(s, fmt::format("{}: {} patients awaiting a bed but {} queued and {} granted", name, site.awaiting,
                            site.beds.queued, granted_not_taken));
  }
  for (const auto& service : s.services) {
    check_units(s, service.name, service.units);
    if (service.units.in_use < service.users)
      broken(s, fmt::format("{}: {} people using it but only {} units held", service.name, service.users, service.units.in_use));
    if (service.units.in_use > service.users + service.may_hold_grant)
      broken(s, fmt::format("{}: {} units held by {} users and at most {} pending grants", service.name,
                            service.units.in_use, service.users, service.may_hold_grant));
  }
  if (s.inconsistent_patients > 0)
    broken(s, fmt::format("{} patients with timestamps contradicting their stage, e.g. {}", s.inconsistent_patients,
                          s.first_inconsistency));
}

}  // namespace pfsim::models
