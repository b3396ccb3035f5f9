#include "census_state.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

#include "acute_sites.hpp"
#include "after_discharge.hpp"
#include "care_homes.hpp"
#include "conditions.hpp"
#include "discharge.hpp"
#include "downstream_care.hpp"

namespace pfsim::models {

namespace {

bool waits(const CensusPerson& person) {
  return person.status == CensusStatus::DelayedPathway || person.status == CensusStatus::Waiting;
}

std::string origin_of(const Scenario& s, const CensusPerson& person) {
  const std::string kind = census_kind_name(person.kind);
  return person.kind == CensusKind::Acute ? "census/" + kind + "/" + s.sites[person.site].name : "census/" + kind;
}

// Holders go first so that the waiting find the places already taken, exactly as in the run that was saved.
void place_holder(Context& ctx, const CensusServices& services, std::uint32_t id, const CensusPerson& person) {
  const double now = ctx.sim.now();
  Patient& p = ctx.patients[id];
  p.site = static_cast<std::uint8_t>(person.site);
  switch (person.kind) {
    case CensusKind::Acute: {
      const bool fit = person.status != CensusStatus::InBed;
      services.acute[person.site].resume_stay(id, now - person.elapsed, person.pathway,
                                                fit ? std::optional<double>(now - person.delayed) : std::nullopt);
      if (person.status == CensusStatus::DelayedAssessment) services.discharge.resume_assessment(id);
      if (person.status == CensusStatus::DelayedPathway) {
        p.assessed = true;
        p.assessed_at = now;  // when is not in a census; only the days before it would be attributed otherwise
      }
      return;
    }
    case CensusKind::Reablement: services.reablement->resume(id, now - person.elapsed); return;
    case CensusKind::IntermediateCare:
      if (person.status == CensusStatus::Waiting) {
        p.discharged_at = now - person.elapsed;
        services.intermediate_care->resume_waiting(id, now - person.delayed);
      } else {
        services.intermediate_care->resume(id, now - person.elapsed);
      }
      return;
    case CensusKind::CareHome:
      if (person.status == CensusStatus::Resident) services.care_homes->resume(id, now - person.elapsed);  // NaN stays NaN
      return;
    case CensusKind::AtHome: {
      using Pending = AfterDischarge::Pending;
      const Pending pending = person.status == CensusStatus::Readmission30d   ? Pending::Readmission30d
                              : person.status == CensusStatus::Readmission91d ? Pending::Readmission91d
                                                                              : Pending::CareHome91d;
      services.after_discharge.resume(id, now - person.elapsed, pending);
      return;
    }
  }
}

}  // namespace

void place_census(Context& ctx, const CensusServices& services) {
  const Scenario& s = ctx.scenario;
  const Census& census = *s.census;
  // Row index within each stream name: the key of the person's own stream.
  std::vector<std::uint32_t> ids(census.people.size());
  std::vector<std::pair<std::string, std::uint64_t>> counters;
  for (std::size_t i = 0; i < census.people.size(); ++i) {
    const CensusPerson& person = census.people[i];
    const std::string origin = origin_of(s, person);
    auto it = std::find_if(counters.begin(), counters.end(), [&](const auto& c) { return c.first == origin; });
    if (it == counters.end()) it = counters.insert(counters.end(), {origin, 0});
    const std::uint64_t index = it->second++;
    ids[i] = ctx.new_patient(origin, index, person.locality, person.band);
    // A census holds no condition: drawn as an arrival's is, from the person's own "condition/<origin>" stream.
    if (!s.admission.condition_shares.empty())
      ctx.patients[ids[i]].condition = pick_condition(s, ctx.family("condition/" + origin).entity(index).uniform(), person.band);
  }
  for (std::size_t i = 0; i < census.people.size(); ++i)
    if (!(census.people[i].kind == CensusKind::CareHome && census.people[i].status == CensusStatus::Waiting))
      place_holder(ctx, services, ids[i], census.people[i]);
  for (std::size_t i = 0; i < census.people.size(); ++i) {
    const CensusPerson& person = census.people[i];
    if (!waits(person)) continue;
    if (person.kind == CensusKind::Acute) {
      services.discharge.start_pathway(ids[i]);
    } else if (person.kind == CensusKind::IntermediateCare) {
      services.care_homes->request(ids[i]);  // in the intermediate-care bed already (place_holder)
    } else {
      Patient& p = ctx.patients[ids[i]];
      p.site = static_cast<std::uint8_t>(person.site);
      ctx.patients.set_stage(p, Stage::AwaitingCareHome);
      services.care_homes->request(ids[i]);
    }
  }
}

namespace {

std::optional<CensusPerson> describe(const Context& ctx, const Patient& p) {
  const double now = ctx.sim.now();
  CensusPerson person;
  person.site = p.site;
  person.locality = p.locality;
  person.band = p.band;
  switch (p.stage()) {
    case Stage::InBed:
    case Stage::Delayed:
      person.kind = CensusKind::Acute;
      person.elapsed = now - p.admitted_at;
      person.pathway = p.episode.pathway;
      person.status = p.stage() == Stage::InBed ? CensusStatus::InBed
                      : p.assessed            ? CensusStatus::DelayedPathway
                                              : CensusStatus::DelayedAssessment;
      if (p.stage() == Stage::Delayed) person.delayed = now - p.medically_fit_at;
      return person;
    case Stage::InReablement:
    case Stage::InIntermediateCare:
      person.kind = p.stage() == Stage::InReablement ? CensusKind::Reablement : CensusKind::IntermediateCare;
      person.status = CensusStatus::InService;
      person.elapsed = now - p.discharged_at;
      return person;
    case Stage::DelayedNonAcute:
      person.kind = CensusKind::IntermediateCare;
      person.status = CensusStatus::Waiting;
      person.elapsed = now - p.discharged_at;
      person.delayed = now - p.medically_fit_at;
      return person;
    case Stage::InCareHome:
      person.kind = CensusKind::CareHome;
      person.status = CensusStatus::Resident;
      person.elapsed = now - p.care_home_since;  // NaN when the admission is not known
      return person;
    case Stage::AwaitingCareHome:
      person.kind = CensusKind::CareHome;
      person.status = CensusStatus::Waiting;
      return person;
    case Stage::AtHome:
      // Only people with an event to come stay in the system at home; a death changes no service, so it is left out.
      // With no 91-day outcome, what keeps someone at home in the system is a 30-day readmission.
      if (p.outcome == Outcome91d::Death) return std::nullopt;
      person.kind = CensusKind::AtHome;
      person.status = p.outcome == Outcome91d::NoEvent   ? CensusStatus::Readmission30d
                      : p.outcome == Outcome91d::Readmit ? CensusStatus::Readmission91d
                                                         : CensusStatus::CareHome91d;
      person.elapsed = now - p.discharged_at;
      return person;
    default: return std::nullopt;  // in A&E, waiting for a bed, at home or free: not part of a census
  }
}

// A total order on everything a census row shows (NaN elapsed first), so a saved census does not depend on where
// people happen to sit in the patient pool.
bool row_before(const CensusPerson& a, const CensusPerson& b) {
  const auto key = [](const CensusPerson& x) {
    return std::make_tuple(x.kind, x.site, x.locality, x.band, x.status, x.pathway.has_value(),
                           x.pathway.value_or(Pathway::P0), !std::isnan(x.elapsed), std::isnan(x.elapsed) ? 0.0 : x.elapsed, x.delayed);
  };
  return key(a) < key(b);
}

}  // namespace

Census take_census(const Context& ctx, const CensusServices& services) {
  Census census;
  census.source = "snapshot";
  const auto& all = ctx.patients.all();
  std::vector<bool> queued(all.size(), false);
  std::vector<std::uint32_t> queue_order;
  const auto add_queue = [&](const engine::Resource& resource) {
    for (std::uint32_t id : resource.waiting()) {
      queued[id] = true;
      queue_order.push_back(id);
    }
  };
  if (services.reablement) add_queue(services.reablement->capacity());
  if (services.intermediate_care) add_queue(services.intermediate_care->capacity());
  if (services.care_homes) add_queue(services.care_homes->beds());
  std::vector<CensusPerson> holders, unqueued_waiting;
  for (std::size_t id = 0; id < all.size(); ++id) {
    if (queued[id]) continue;
    auto person = describe(ctx, all[id]);
    if (!person) continue;
    (waits(*person) ? unqueued_waiting : holders).push_back(*person);
  }
  std::sort(holders.begin(), holders.end(), row_before);
  std::sort(unqueued_waiting.begin(), unqueued_waiting.end(), row_before);
  census.people = std::move(holders);
  census.people.insert(census.people.end(), unqueued_waiting.begin(), unqueued_waiting.end());
  for (std::uint32_t id : queue_order)
    if (auto person = describe(ctx, all[id])) census.people.push_back(*person);
  return census;
}

}  // namespace pfsim::models
