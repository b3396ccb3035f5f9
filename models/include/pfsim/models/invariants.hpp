#pragma once
// Whole-system invariants checked every midnight in debug builds and with `pfsim run --check`: where the
// patients are must agree with what the services hold, so a bookkeeping bug stops the run instead of
// quietly biasing a KPI.
#include <cstdint>
#include <string>
#include <vector>

namespace pfsim::models {

/// What a counted service holds at one instant, as its resource sees it.
struct HeldUnits {
  std::int64_t in_use = 0;
  std::int64_t capacity = 0;
  std::size_t queued = 0;
};

/// The system at a midnight, counted two ways: by walking the patients and from the services' resources.
struct FlowSnapshot {
  std::int64_t day = 0;
  std::uint64_t replication = 0;
  double now = 0;
  std::uint64_t created = 0, left = 0, in_system = 0;

  struct Site {
    std::string name;
    HeldUnits beds;
    std::int64_t occupants = 0;        // patients in a bed (InBed or Delayed) at this site
    std::int64_t awaiting = 0;         // patients with a bed request at this site (queued or granted this instant)
  };
  std::vector<Site> sites;

  /// A downstream service (reablement, intermediate care, care homes): its users, and the patients who may
  /// hold a grant not yet taken up (a grant is an event at the same instant, so midnight can fall between).
  struct Service {
    std::string name;
    HeldUnits units;
    std::int64_t users = 0;
    std::int64_t may_hold_grant = 0;
  };
  std::vector<Service> services;

  /// Patients whose timestamps contradict their stage (e.g. medically fit before admission), with the first one.
  std::int64_t inconsistent_patients = 0;
  std::string first_inconsistency;
};

/// Throws ModelError naming the first broken invariant: conservation, non-negative occupancy, bed holders
/// equal to patients in beds, downstream users within what the service holds, consistent patient timestamps.
void check_flow(const FlowSnapshot& snapshot);

}  // namespace pfsim::models
