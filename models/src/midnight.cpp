// What runs at every midnight: patient conservation, the flow invariants (with checks on) and the day's census.
#include <algorithm>
#include <array>
#include <string>

#include <fmt/format.h>

#include "delays.hpp"
#include "local_system.hpp"
#include "pfsim/models/system.hpp"

namespace pfsim::models {

namespace {
constexpr double k21Days = 21.0 * engine::kMinutesPerDay;  // a "long stay" in the midnight census
}  // namespace

void LocalSystem::midnight(std::int64_t day) {
  const double now = ctx_.sim.now();
  // One walk over the patients serves both the conservation check and the census (it dominates midnight's cost).
  const bool measured = ctx_.recorder.measured(now - engine::kMinutesPerDay);
  Recorder::Census c;
  const std::uint64_t in_system = walk_patients(measured, c);
  check_conservation(day, in_system);
  if (ctx_.sim.invariant_checks()) check_flow(flow_snapshot(day));
  if (measured) census(ctx_.recorder.day(now - engine::kMinutesPerDay), c);
  if (primary_care_) primary_care_->new_day(now);
  if (winter_beds_) winter_beds_->new_day(now);
  if (on_midnight_) on_midnight_(day);
}

// Every person created is either still somewhere in the system or has left it: nobody is lost or duplicated.
// Counts the people in the system; when `measured`, also adds the midnight bed census of each to the recorder and c.
std::uint64_t LocalSystem::walk_patients(bool measured, Recorder::Census& c) {
  const Scenario& s = ctx_.scenario;
  const double now = ctx_.sim.now();
  std::uint64_t in_system = 0;
  // The stage array is a byte per patient; only people in a bed have their record read.
  const std::vector<Stage>& stages = ctx_.patients.stages();
  for (std::uint32_t id = 0; id < stages.size(); ++id) {
    const Stage stage = stages[id];
    in_system += stage != Stage::Free;
    if (!measured || (stage != Stage::InBed && stage != Stage::Delayed && stage != Stage::DelayedNonAcute)) continue;
    const Patient& p = ctx_.patients[id];
    const bool adult = s.population.band_is_adult[p.band];
    if (stage == Stage::DelayedNonAcute) {
      c.delayed += adult;
      if (adult) ctx_.recorder.delayed_non_acute_at_midnight(p.site, p.locality, delay_attribution(s, p, now));
      continue;
    }
    const bool delayed_adult = stage == Stage::Delayed && adult;
    c.delayed += delayed_adult;
    // No criteria to reside: past the discharge-ready time, delayed or held in bed (a P0 weekend or winter hold).
    const bool nctr = adult && p.ready_at <= now;
    c.no_criteria_to_reside += nctr;
    ctx_.recorder.in_bed_at_midnight(p.site, p.locality, delayed_adult ? &delay_attribution(s, p, now) : nullptr,
                                     adult && now - p.admitted_at >= k21Days, nctr ? static_cast<int>(p.episode.pathway) : -1);
  }
  return in_system;
}

void LocalSystem::check_conservation(std::int64_t day, std::uint64_t in_system) const {
  const std::uint64_t created = ctx_.patients.created(), left = ctx_.patients.released();
  if (created != left + in_system)
    throw ModelError(fmt::format("patient conservation broken on day {} of replication {}: {} arrived, {} left, {} in system",
                                 day, ctx_.replication, created, left, in_system));
}

// Where the patients are, counted by walking them and from the services' resources (for check_flow).
FlowSnapshot LocalSystem::flow_snapshot(std::int64_t day) const {
  const Scenario& s = ctx_.scenario;
  FlowSnapshot snap;
  snap.day = day;
  snap.replication = ctx_.replication;
  snap.now = ctx_.sim.now();
  snap.created = ctx_.patients.created();
  snap.left = ctx_.patients.released();
  for (std::size_t site = 0; site < acute_.size(); ++site) {
    const engine::Resource& b = acute_[site].beds();
    // Elective inpatients in general beds hold them too (planned care; they are not patients of the pool).
    snap.sites.push_back({s.sites[site].name, {b.in_use(), b.capacity(), b.queue_length()},
                          planned_care_ ? planned_care_->in_general_beds(site) : 0, 0});
  }
  std::int64_t reabling = 0, in_ic = 0, in_care_home = 0, awaiting_care_home = 0, on_virtual_ward = 0, away_from_care_home = 0, waiting_in_ic = 0;
  std::vector<std::int64_t> in_cubicle(acute_.size(), 0), in_ae_without_one(acute_.size(), 0);
  std::array<std::int64_t, kPathways> delayed_by_pathway{};
  for (std::uint32_t id = 0; id < ctx_.patients.all().size(); ++id) {
    const Patient& p = ctx_.patients[id];
    std::string wrong;
    if (ctx_.patients.stages()[id] != p.stage())
      wrong = fmt::format("stage array says {} for patient {} at stage {}", static_cast<int>(ctx_.patients.stages()[id]), id,
                          static_cast<int>(p.stage()));
    if (!wrong.empty() && snap.inconsistent_patients++ == 0) snap.first_inconsistency = wrong;
    if (p.stage() == Stage::Free) continue;
    ++snap.in_system;
    if (p.holds_care_home_place) ++away_from_care_home;  // keeps their care-home place while in A&E or hospital
    wrong.clear();
    if (p.locality >= s.localities()) wrong = fmt::format("locality {} of {}", p.locality, s.localities());
    if (p.in_cubicle) {
      ++in_cubicle.at(p.site);
      if (p.stage() != Stage::InAe && p.stage() != Stage::AwaitingBed) wrong = fmt::format("holds an A&E cubicle at stage {}", static_cast<int>(p.stage()));
    } else if (p.stage() == Stage::InAe) {
      ++in_ae_without_one.at(p.site);
    }
    switch (p.stage()) {
      case Stage::AwaitingBed: ++snap.sites.at(p.site).awaiting; break;
      case Stage::InBed:
      case Stage::Delayed:
        ++snap.sites.at(p.site).occupants;
        if (!(p.admitted_at <= snap.now)) wrong = fmt::format("in a bed, admitted at {} after now {}", p.admitted_at, snap.now);
        if (p.stage() == Stage::Delayed) {
          ++delayed_by_pathway[static_cast<std::size_t>(p.episode.pathway)];
          if (!(p.medically_fit_at >= p.admitted_at && p.medically_fit_at <= snap.now))
            wrong = fmt::format("delayed, medically fit at {} outside admission {} .. now {}", p.medically_fit_at, p.admitted_at, snap.now);
        }
        break;
      case Stage::InReablement: ++reabling; break;
      case Stage::InIntermediateCare: ++in_ic; break;
      case Stage::DelayedNonAcute:  // holds the intermediate-care place while waiting for a care-home one
        ++in_ic;
        ++waiting_in_ic;
        break;
      case Stage::InCareHome: ++in_care_home; break;
      case Stage::AwaitingCareHome: ++awaiting_care_home; break;
      case Stage::InVirtualWard: ++on_virtual_ward; break;
      default: break;
    }
    if (!wrong.empty() && snap.inconsistent_patients++ == 0) snap.first_inconsistency = wrong;
  }
  const auto held = [](const engine::Resource& r) { return HeldUnits{r.in_use(), r.capacity(), r.queue_length()}; };
  const auto delayed = [&](Pathway k) { return delayed_by_pathway[static_cast<std::size_t>(k)]; };
  if (reablement_) snap.services.push_back({"reablement", held(reablement_->capacity()), reabling, delayed(Pathway::P1)});
  if (intermediate_care_) snap.services.push_back({"intermediate care", held(intermediate_care_->capacity()), in_ic, delayed(Pathway::P2)});
  if (care_homes_)
    snap.services.push_back({"care homes", held(care_homes_->beds()), in_care_home + away_from_care_home,
                             awaiting_care_home + delayed(Pathway::P3) + waiting_in_ic});
  // A cubicle is held by a patient who has it, or granted (an event this instant) to one in A&E still without one.
  for (std::size_t site = 0; site < eds_.size(); ++site)
    if (eds_[site] && eds_[site]->cubicles())
      snap.services.push_back({"A&E cubicles at " + s.sites[site].name, held(*eds_[site]->cubicles()), in_cubicle[site],
                               in_ae_without_one[site]});
  if (virtual_wards_) {  // slots are taken at once (never queued), so every slot held has its patient on the ward
    HeldUnits slots;
    for (std::size_t site = 0; site < virtual_wards_->size(); ++site) {
      const HeldUnits ward = held(virtual_wards_->ward(site));
      slots.in_use += ward.in_use;
      slots.capacity += ward.capacity;
      slots.queued += ward.queued;
    }
    snap.services.push_back({"virtual wards", slots, on_virtual_ward, 0});
  }
  return snap;
}

// The rest of the census of `day`, after walk_patients() has counted the people in beds into c.
void LocalSystem::census(std::size_t day, Recorder::Census& c) {
  const Scenario& s = ctx_.scenario;
  const double now = ctx_.sim.now();
  for (std::size_t site = 0; site < acute_.size(); ++site) {
    const engine::Resource& b = acute_[site].beds();
    c.beds_occupied += static_cast<double>(b.in_use());
    c.beds_available += static_cast<double>(b.capacity());
    c.beds_available_by_site.push_back(static_cast<double>(b.capacity()));
    c.occupied_area += b.in_use_stats().area(now);
    c.available_area += b.capacity_stats().area(now);
  }
  if (winter_beds_) {
    c.opel_by_site.assign(s.sites.size(), 0);
    for (std::size_t site = 0; site < s.sites.size(); ++site) {
      c.beds_closed += winter_beds_->beds_closed(site);
      c.escalation_open += winter_beds_->escalation_open(site);
      c.opel_by_site[site] = winter_beds_->opel_level(site);
      c.opel_level = std::max(c.opel_level, static_cast<double>(c.opel_by_site[site]));
    }
  }
  if (reablement_) c.reablement = static_cast<double>(reablement_->capacity().in_use());
  if (intermediate_care_) c.intermediate_care = static_cast<double>(intermediate_care_->capacity().in_use());
  if (care_homes_) c.care_home = static_cast<double>(care_homes_->beds().in_use());
  if (planned_care_) planned_care_->midnight_census(now, c);
  if (virtual_wards_)
    for (std::size_t site = 0; site < virtual_wards_->size(); ++site) c.virtual_ward += static_cast<double>(virtual_wards_->ward(site).in_use());
  // Who waits for each capacity, in capacity_names() order (offered_load.hpp), for the stability check.
  for (const auto& ed : eds_)
    if (ed) c.queues.push_back(static_cast<double>(ed->waiting()));
  for (const auto& ed : eds_)
    if (ed && ed->minors_clinicians()) c.queues.push_back(static_cast<double>(ed->minors_clinicians()->queue_length()));
  for (const auto& ed : eds_)
    if (ed && ed->cubicles()) c.queues.push_back(static_cast<double>(ed->cubicles()->queue_length()));
  for (std::size_t site = 0; site < acute_.size(); ++site) c.queues.push_back(static_cast<double>(acute_[site].beds().queue_length()));
  if (reablement_) c.queues.push_back(static_cast<double>(reablement_->capacity().queue_length()));
  if (intermediate_care_) c.queues.push_back(static_cast<double>(intermediate_care_->capacity().queue_length()));
  if (care_homes_) c.queues.push_back(static_cast<double>(care_homes_->beds().queue_length()));
  if (planned_care_)  // theatres' queue: the site's admitted waiting list (capacity_names order)
    for (std::size_t site = 0; site < s.sites.size(); ++site)
      if (s.planned_care->has_theatres(site)) c.queues.push_back(static_cast<double>(planned_care_->waiting(site)));
  if (ambulance_) c.queues.push_back(static_cast<double>(ambulance_->calls_waiting()));
  ctx_.recorder.census(day, c);
}


}  // namespace pfsim::models
