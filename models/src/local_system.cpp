#include "local_system.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "delays.hpp"
#include "emergency_department.hpp"
#include "pfsim/models/scheme_delivery.hpp"
#include "pfsim/models/system.hpp"

namespace pfsim::models {

namespace {
std::unique_ptr<DownstreamCare> downstream(Context& ctx, const std::optional<DownstreamService>& settings, Stage stage, const char* name,
                                           AcuteSites& sites, AfterDischarge& after_discharge, const SchemeEffects* schemes) {
  return settings ? std::make_unique<DownstreamCare>(ctx, *settings, stage, name, sites, after_discharge, schemes) : nullptr;
}

std::vector<std::unique_ptr<EmergencyDepartment>> emergency_departments(Context& ctx, AcuteSites& sites) {
  std::vector<std::unique_ptr<EmergencyDepartment>> eds;
  for (std::size_t site = 0; site < ctx.scenario.sites.size(); ++site) {
    const auto& ae = ctx.scenario.sites[site].ae;
    eds.push_back(ae ? std::make_unique<EmergencyDepartment>(ctx, site, *ae, sites[site]) : nullptr);
  }
  return eds;
}

std::vector<EmergencyDepartment*> by_site(const std::vector<std::unique_ptr<EmergencyDepartment>>& eds) {
  std::vector<EmergencyDepartment*> pointers;
  for (const auto& ed : eds) pointers.push_back(ed.get());
  return pointers;
}
}  // namespace

LocalSystem::LocalSystem(Context& ctx)
    : ctx_(ctx),
      schemes_(ctx.scenario.schemes ? std::make_unique<SchemeEffects>(
                                          ctx, sample_delivery(*ctx.scenario.schemes, ctx.scenario.run.seed, ctx.replication))
                                    : nullptr),
      winter_flow_(ctx.scenario.winter ? std::make_unique<WinterFlow>(ctx, *ctx.scenario.winter, schemes_.get()) : nullptr),
      router_(ctx.scenario.routing ? std::make_unique<Router>(ctx, *ctx.scenario.routing) : nullptr),
      discharge_timing_(ctx.scenario.discharge && ctx.scenario.discharge->timing
                            ? std::make_unique<DischargeTiming>(ctx, *ctx.scenario.discharge->timing, schemes_.get())
                            : nullptr),
      pathway_(ctx, winter_flow_.get(), discharge_timing_.get(), schemes_.get()),
      virtual_wards_(ctx.scenario.virtual_wards ? std::make_unique<VirtualWards>(ctx, *ctx.scenario.virtual_wards, acute_, after_discharge_)
                                                : nullptr),
      acute_(ctx, pathway_, discharge_),
      care_homes_(ctx.scenario.care_homes ? std::make_unique<CareHomes>(ctx, *ctx.scenario.care_homes, acute_, schemes_.get()) : nullptr),
      after_discharge_(ctx, acute_, care_homes_.get(), schemes_.get()),
      reablement_(downstream(ctx, ctx.scenario.reablement, Stage::InReablement, "reablement", acute_, after_discharge_, schemes_.get())),
      intermediate_care_(downstream(ctx, ctx.scenario.intermediate_care, Stage::InIntermediateCare, "intermediate_care", acute_,
                                    after_discharge_, schemes_.get())),
      discharge_(ctx, acute_, reablement_.get(), intermediate_care_.get(), care_homes_.get(), after_discharge_, winter_flow_.get(),
                 discharge_timing_.get()),
      eds_(emergency_departments(ctx, acute_)),
      demand_(ctx, acute_, by_site(eds_), router_.get(), schemes_.get()),
      primary_care_(ctx.scenario.primary_care ? std::make_unique<PrimaryCare>(ctx, *ctx.scenario.primary_care, demand_) : nullptr),
      winter_beds_(WinterBeds::needed(ctx.scenario) ? std::make_unique<WinterBeds>(ctx, ctx.scenario.winter ? &*ctx.scenario.winter : nullptr, acute_)
                                                    : nullptr),
      scheme_capacity_(schemes_ ? std::make_unique<SchemeCapacity>(ctx, *schemes_, acute_, reablement_.get(), intermediate_care_.get(),
                                                                   care_homes_.get(), virtual_wards_.get())
                                : nullptr),
      planned_care_(ctx.scenario.planned_care ? std::make_unique<PlannedCare>(ctx, *ctx.scenario.planned_care, acute_, schemes_.get()) : nullptr),
      ambulance_(ctx.scenario.ambulance ? std::make_unique<AmbulanceService>(ctx, by_site(eds_)) : nullptr),
      home_at_91d_(ctx) {
  ctx.virtual_wards = virtual_wards_.get();
  ctx.ambulance = ambulance_.get();
  ctx.care_homes = care_homes_.get();
  ctx.home_at_91d = &home_at_91d_;
  if (care_homes_) care_homes_->send_residents_to(demand_);
  if (care_homes_ && intermediate_care_) care_homes_->take_from(*intermediate_care_);
}

LocalSystem::~LocalSystem() {
  ctx_.virtual_wards = nullptr;
  ctx_.care_homes = nullptr;
  ctx_.home_at_91d = nullptr;
  ctx_.ambulance = nullptr;
}

CensusServices LocalSystem::census_services() {
  return CensusServices{acute_, discharge_, reablement_.get(), intermediate_care_.get(), care_homes_.get(), after_discharge_};
}

void LocalSystem::start() {
  demand_.start();
  if (care_homes_) care_homes_->start();
  if (winter_beds_) winter_beds_->start();
  if (scheme_capacity_) scheme_capacity_->start();
  if (planned_care_) planned_care_->start();
  if (ambulance_) ambulance_->start();
  ctx_.sim.every_day([this](std::int64_t day) { midnight(day); }, 0);
  const engine::HandlerId begin_measuring = ctx_.sim.add_handler([this](std::uint32_t) {
    for (std::size_t site = 0; site < acute_.size(); ++site) acute_[site].begin_measuring();
    if (virtual_wards_) virtual_wards_->begin_measuring();
    if (planned_care_) planned_care_->begin_measuring();
  });
  ctx_.sim.schedule_at(ctx_.measure_from, begin_measuring);
  // Last, so the first midnight (day 0) sees the census in place and a run without one schedules nothing new.
  if (ctx_.scenario.census) place_census(ctx_, census_services());
}

void LocalSystem::end_of_window() { window_ = denominators(ctx_.measure_to); }

void LocalSystem::follow_cohort() {
  Recorder& rec = ctx_.recorder;
  if (rec.all_followed()) return;
  rec.on_cohort_done([this] { ctx_.sim.stop(); });
  ctx_.sim.run_until(ctx_.follow_to);
  rec.on_cohort_done(nullptr);
  home_at_91d_.settle_pending();  // only at the cap: day 91 of a discharge on the window's last day is 91 days on
  if (rec.cohort_open() == 0) return;
  // The cap: whoever of the measured cohorts is still in A&E or still waiting for a bed is counted as such.
  const double cap = ctx_.follow_to;
  const KpiCounters& totals = rec.totals();
  const double before = totals.ae_unfinished + totals.bed_unfinished + totals.responses_unfinished;
  if (ambulance_) ambulance_->count_unfinished(cap);
  const std::vector<Stage>& stages = ctx_.patients.stages();
  for (std::uint32_t id = 0; id < stages.size(); ++id) {
    if (stages[id] != Stage::InAe && stages[id] != Stage::AwaitingBed) continue;
    const Patient& p = ctx_.patients[id];
    if (stages[id] == Stage::InAe || p.from_ae)
      rec.ae_unfinished(p.ae_arrival, cap, p.site, p.locality, type1_attendance(p, *ctx_.scenario.sites[p.site].ae));
    if (stages[id] == Stage::AwaitingBed) rec.bed_unfinished(p.bed_requested_at, cap, p.site, p.locality, p.from_ae);
  }
  const double found = totals.ae_unfinished + totals.bed_unfinished + totals.responses_unfinished - before;
  if (std::abs(found - static_cast<double>(rec.cohort_open())) > 1e-6)
    throw ModelError(fmt::format("replication {}: {} measured patients still open at the follow-up cap but {} found waiting",
                                 ctx_.replication, rec.cohort_open(), found));
}

ReplicationResult LocalSystem::finish() {
  if (!window_) end_of_window();  // a caller that never ran past the measured period
  const KpiCounters& counted = ctx_.recorder.totals();
  if (counted.ae_attendances != counted.ae_left + counted.ae_unfinished)
    throw ModelError(fmt::format("replication {}: {} measured A&E attendances but {} left A&E and {} still there at the cap",
                                 ctx_.replication, counted.ae_attendances, counted.ae_left, counted.ae_unfinished));
  // The run may have gone on past the measured period; the recorder clips what follows to the window.
  const double end = std::max(ctx_.sim.now(), ctx_.measure_to);
  if (winter_beds_) winter_beds_->finish(end);
  home_at_91d_.settle_pending();  // a caller that stopped before the follow-up
  // Patients still in a bed when the run ends contribute their bed-time and delayed days so far.
  for (const Patient& p : ctx_.patients.all()) {
    if (p.stage() == Stage::InVirtualWard) ctx_.recorder.virtual_ward_stay(p.discharged_at, end, p.locality);
    if (p.stage() == Stage::Delayed || p.stage() == Stage::DelayedNonAcute) record_delay(ctx_, p, end);
    if (p.stage() == Stage::InBed || p.stage() == Stage::Delayed) ctx_.recorder.bed_stay(p.admitted_at, end, p.locality);
  }
  if (planned_care_) planned_care_->finish(end);
  const Scenario& s = ctx_.scenario;
  const Recorder::Denominators& den = *window_;
  double occupied = 0;
  for (double area : den.site_occupied_area) occupied += area;
  ReplicationResult r = ctx_.recorder.finish(den);
  r.bed_days = occupied / engine::kMinutesPerDay;
  if (schemes_) {
    r.schemes.delivered = schemes_->delivered();
    const auto& schemes = s.schemes->schemes;
    for (std::size_t i = 0; i < schemes.size(); ++i) r.schemes.money_gbp.push_back(r.schemes.delivered[i] * schemes[i].value_gbp);
    for (double m : r.schemes.money_gbp) r.schemes.total_gbp += m;
  }
  if (router_) r.travel = router_->finish();
  r.events = ctx_.sim.events_executed();
  r.patients_created = ctx_.patients.created();
  return r;
}

Recorder::Denominators LocalSystem::denominators(double end) const {
  const Scenario& s = ctx_.scenario;
  const double from_years = Context::years(ctx_.measure_from), to_years = Context::years(end);
  Recorder::Denominators den;
  const std::vector<bool> all(s.bands(), true);
  const Eigen::ArrayXd people = ctx_.population.mean_over(from_years, to_years, all);
  const Eigen::ArrayXd people_65 = ctx_.population.mean_over(from_years, to_years, s.population.band_is_65plus);
  const Eigen::ArrayXd adults = ctx_.population.mean_over(from_years, to_years, s.population.band_is_adult);
  den.population = people.sum();
  den.adults = adults.sum();
  den.aged_65plus = people_65.sum();
  den.locality_population.assign(people.begin(), people.end());
  den.locality_adults.assign(adults.begin(), adults.end());
  den.locality_65plus.assign(people_65.begin(), people_65.end());
  for (std::size_t site = 0; site < acute_.size(); ++site) {
    const engine::Resource& b = acute_[site].beds();
    den.site_occupied_area.push_back(b.in_use_stats().area(end));
    den.site_available_area.push_back(b.capacity_stats().area(end));
    if (planned_care_) {  // G&A beds include the elective wards (KH03)
      const engine::Resource* ward = planned_care_->ward(site);
      const double occupied = ward ? ward->in_use_stats().area(end) : 0.0, available = ward ? ward->capacity_stats().area(end) : 0.0;
      den.site_occupied_area.back() += occupied;
      den.site_available_area.back() += available;
      den.site_ward_occupied_area.push_back(occupied);
      den.site_ward_available_area.push_back(available);
    }
    if (!virtual_wards_) continue;
    den.site_vw_occupied_area.push_back(virtual_wards_->ward(site).in_use_stats().area(end));
    den.site_vw_available_area.push_back(virtual_wards_->ward(site).capacity_stats().area(end));
  }
  return den;
}

}  // namespace pfsim::models
