#pragma once
// All services of one replication, each built with the services it calls, plus what runs at every midnight
// (conservation and flow checks, the bed census) and the end-of-run totals.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "acute_sites.hpp"
#include "ambulance_service.hpp"
#include "after_discharge.hpp"
#include "care_homes.hpp"
#include "care_pathway.hpp"
#include "census_state.hpp"
#include "context.hpp"
#include "discharge.hpp"
#include "discharge_timing.hpp"
#include "downstream_care.hpp"
#include "emergency_demand.hpp"
#include "emergency_department.hpp"
#include "home_at_91_days.hpp"
#include "planned_care.hpp"
#include "pfsim/models/invariants.hpp"
#include "primary_care.hpp"
#include "router.hpp"
#include "scheme_capacity.hpp"
#include "scheme_effects.hpp"
#include "virtual_ward.hpp"
#include "winter_beds.hpp"
#include "winter_flow.hpp"

namespace pfsim::models {

class LocalSystem {
 public:
  explicit LocalSystem(Context& ctx);
  /// Clears Context::virtual_wards: the context outlives the services it was pointed at.
  ~LocalSystem();
  LocalSystem(const LocalSystem&) = delete;
  LocalSystem& operator=(const LocalSystem&) = delete;

  /// Schedules the first arrivals and the daily and weekly routines, then places the census (if any).
  void start();
  /// Called at every midnight after the day's checks, before the day's events (census snapshots, pilot runs).
  void on_midnight(std::function<void(std::int64_t day)> hook) { on_midnight_ = std::move(hook); }
  /// At the end of the measured period (now == measure_to): keeps its bed-time integrals for the window KPIs.
  void end_of_window();
  /// Runs on after the measured period until every measured attendance has left A&E and every measured bed request
  /// has a bed, or until Context::follow_to, where those still waiting are counted as such (DESIGN §5).
  void follow_cohort();
  /// The measured KPIs, with the patients still in a bed at the end counted so far (window KPIs clipped to the
  /// measured period). Checks that every measured attendance is counted exactly once.
  ReplicationResult finish();

  [[nodiscard]] const AcuteSites& acute() const { return acute_; }
  /// Null when the care-home module is off.
  [[nodiscard]] const CareHomes* care_homes() const { return care_homes_.get(); }
  [[nodiscard]] Census take_census() { return models::take_census(ctx_, census_services()); }

 private:
  [[nodiscard]] CensusServices census_services();
  /// Populations over the measured period and each site's bed-time integrals up to `end`, for the KPI ratios.
  [[nodiscard]] Recorder::Denominators denominators(double end) const;
  // midnight.cpp
  void midnight(std::int64_t day);
  std::uint64_t walk_patients(bool measured, Recorder::Census& c);
  void check_conservation(std::int64_t day, std::uint64_t in_system) const;
  [[nodiscard]] FlowSnapshot flow_snapshot(std::int64_t day) const;
  void census(std::size_t day, Recorder::Census& c);

  // Built in this order: each is given only services declared above it, except that the acute sites hold a
  // reference to discharge_ (the two call each other) which they use only once the run starts.
  Context& ctx_;
  std::unique_ptr<SchemeEffects> schemes_;          // null without `schemes`
  std::unique_ptr<WinterFlow> winter_flow_;         // null without `winter`
  std::unique_ptr<Router> router_;                  // null without `routing`
  std::unique_ptr<DischargeTiming> discharge_timing_;  // null without `discharge.timing`
  CarePathway pathway_;
  std::unique_ptr<VirtualWards> virtual_wards_;     // null without `virtual_wards`; holds references to acute_ and
                                                    // after_discharge_, used only once the run starts
  AcuteSites acute_;
  std::unique_ptr<CareHomes> care_homes_;           // null when the module is off
  AfterDischarge after_discharge_;
  std::unique_ptr<DownstreamCare> reablement_, intermediate_care_;
  Discharge discharge_;
  std::vector<std::unique_ptr<EmergencyDepartment>> eds_;  // by site; null where a site has no A&E
  EmergencyDemand demand_;
  std::unique_ptr<PrimaryCare> primary_care_;
  std::unique_ptr<WinterBeds> winter_beds_;
  std::unique_ptr<SchemeCapacity> scheme_capacity_;
  std::unique_ptr<PlannedCare> planned_care_;       // null without `planned_care`
  std::unique_ptr<AmbulanceService> ambulance_;     // null without `ambulance`
  HomeAt91Days home_at_91d_;
  std::function<void(std::int64_t)> on_midnight_;
  std::optional<Recorder::Denominators> window_;  // set by end_of_window()
};

}  // namespace pfsim::models
