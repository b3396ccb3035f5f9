#include "ambulance_service.hpp"

#include <cmath>

#include "emergency_department.hpp"
#include "rota_schedule.hpp"

namespace pfsim::models {

namespace {

// Category 1 calls are answered first, then 2, then 3-4, each in call order.
int draw_category(const scenario::AmbulanceSettings& a, double u) {
  if (u < a.category1_share) return 1;
  return u < a.category1_share + a.category2_share ? 2 : 3;
}

}  // namespace

AmbulanceService::AmbulanceService(Context& ctx, std::vector<EmergencyDepartment*> ed_by_site)
    : ctx_(ctx), settings_(*ctx.scenario.ambulance), ed_by_site_(std::move(ed_by_site)),
      incident_(ctx.sim.add_handler([this](std::uint32_t locality) { not_conveyed_incident(locality); })),
      dispatched_(ctx.sim.add_handler([this](std::uint32_t job) { dispatch(job); })),
      at_scene_(ctx.sim.add_handler([this](std::uint32_t job) { at_scene(job); })),
      at_hospital_(ctx.sim.add_handler([this](std::uint32_t job) { at_hospital(job); })),
      cohort_granted_(ctx.sim.add_handler([this](std::uint32_t id) { cohort_granted(id); })),
      cleared_(ctx.sim.add_handler([this](std::uint32_t job) { cleared(job); })),
      fleet_(ctx.sim, "ambulances", 0, dispatched_, engine::QueueDiscipline::Priority) {
  const Scenario& s = ctx.scenario;
  engine::attach_schedule(ctx.sim, fleet_, rota_schedule(settings_.vehicles), ctx.calendar.weekday(0.0));
  cohort_.resize(s.sites.size());
  for (std::size_t site = 0; site < s.sites.size(); ++site)
    if (settings_.cohort_spaces[site] > 0)
      cohort_[site].emplace(ctx.sim, "cohort_spaces/" + s.sites[site].name, settings_.cohort_spaces[site], cohort_granted_);
  for (std::size_t l = 0; l < s.localities(); ++l) {
    const std::string& name = s.population.localities[l].name;
    std::vector<double> rate(s.bands());
    for (std::size_t b = 0; b < s.bands(); ++b) rate[b] = settings_.not_conveyed_per_1000_per_year[b] / 1000.0;
    not_conveyed_.emplace_back(ctx, l, rate, s.ae.arrival_profile, "arrivals/ambulance-not-conveyed/" + name, ctx.seasons.ae_arrivals());
    not_conveyed_family_.push_back(ctx.family("ambulance/not-conveyed/" + name));
  }
  not_conveyed_count_.assign(s.localities(), 0);
}

void AmbulanceService::start() {
  for (std::size_t l = 0; l < not_conveyed_.size(); ++l) {
    const double first = not_conveyed_[l].next(0.0);
    if (std::isfinite(first)) ctx_.sim.schedule_at(first, incident_, static_cast<std::uint32_t>(l));
  }
}

double AmbulanceService::conveyed_share(const Patient& p) const {
  return (p.admit ? settings_.conveyed_share_admitted : settings_.conveyed_share_not_admitted)[p.band];
}

void AmbulanceService::treat_at_scene(std::size_t locality, engine::Stream rng) {
  const std::uint32_t job = new_job(rng, locality, kNoPatient);
  ctx_.recorder.ambulance_incident(ctx_.sim.now(), Recorder::kNoSite, locality, Recorder::IncidentOutcome::SeeAndTreat);
  request_vehicle(job);
}

std::uint32_t AmbulanceService::new_job(engine::Stream rng, std::size_t locality, std::uint32_t patient) {
  std::uint32_t id;
  if (!free_jobs_.empty()) {
    id = free_jobs_.back();
    free_jobs_.pop_back();
    jobs_[id] = Job{rng};
  } else {
    id = static_cast<std::uint32_t>(jobs_.size());
    jobs_.push_back(Job{rng});
  }
  Job& j = jobs_[id];
  j.called_at = ctx_.sim.now();
  j.locality = static_cast<std::uint16_t>(locality);
  j.patient = patient;
  j.category = static_cast<std::uint8_t>(draw_category(settings_, j.rng.uniform()));
  return id;
}

void AmbulanceService::call(std::uint32_t id, engine::Stream rng) {
  Patient& p = ctx_.patients[id];
  p.by_ambulance = true;
  p.ambulance_job = new_job(rng, p.locality, id);
  jobs_[p.ambulance_job].site = p.site;
  ctx_.recorder.ambulance_incident(ctx_.sim.now(), p.site, p.locality, Recorder::IncidentOutcome::Conveyed);
  request_vehicle(p.ambulance_job);
}

void AmbulanceService::not_conveyed_incident(std::size_t locality) {
  const double t = ctx_.sim.now();
  (void)not_conveyed_[locality].pick_band(t);  // the band shapes the rate; the incident itself needs no person record
  const std::uint64_t index = not_conveyed_count_[locality]++;
  engine::Stream rng = not_conveyed_family_[locality].entity(index);
  const bool by_phone = rng.uniform() < settings_.hear_and_treat_share;
  if (by_phone) {
    ctx_.recorder.ambulance_incident(t, Recorder::kNoSite, locality, Recorder::IncidentOutcome::HearAndTreat);
  } else {
    const std::uint32_t job = new_job(rng, locality, kNoPatient);
    ctx_.recorder.ambulance_incident(t, Recorder::kNoSite, locality, Recorder::IncidentOutcome::SeeAndTreat);
    request_vehicle(job);
  }
  const double next = not_conveyed_[locality].next(t);
  if (std::isfinite(next)) ctx_.sim.schedule_at(next, incident_, static_cast<std::uint32_t>(locality));
}

void AmbulanceService::request_vehicle(std::uint32_t job) {
  jobs_[job].waiting_for_vehicle = true;
  if (fleet_.request(job, jobs_[job].category)) dispatch(job);
}

void AmbulanceService::dispatch(std::uint32_t job) {
  Job& j = jobs_[job];
  j.waiting_for_vehicle = false;
  j.dispatched_at = ctx_.sim.now();
  ctx_.sim.schedule_in(settings_.response_drive.sample(j.rng), at_scene_, job);
}

void AmbulanceService::at_scene(std::uint32_t job) {
  Job& j = jobs_[job];
  const double now = ctx_.sim.now();
  ctx_.recorder.ambulance_response(j.called_at, now - j.called_at, j.category, j.locality);
  if (j.site == Recorder::kNoSite) {
    ctx_.sim.schedule_in(settings_.see_and_treat_on_scene.sample(j.rng), cleared_, job);
    return;
  }
  const double on_scene = settings_.on_scene.sample(j.rng);
  ctx_.sim.schedule_in(on_scene + settings_.to_hospital.sample(j.rng), at_hospital_, job);
}

void AmbulanceService::at_hospital(std::uint32_t job) {
  Job& j = jobs_[job];
  Patient& p = ctx_.patients[j.patient];
  j.arrived_at = ctx_.sim.now();
  j.awaiting_handover = true;
  p.awaiting_handover = true;
  p.ae_arrival = j.arrived_at;  // the 4-hour clock starts at arrival, as for anyone else
  ctx_.recorder.ae_arrival(p.ae_arrival, p.site, p.locality);
  ed_by_site_[p.site]->arrive(j.patient);
}

void AmbulanceService::ready_for_handover(std::uint32_t id, bool has_place) {
  Patient& p = ctx_.patients[id];
  if (has_place) return hand_over(p.ambulance_job);
  // The crew waits with the patient: a free cohort space takes the handover, otherwise the first free cubicle.
  std::optional<engine::Resource>& cohort = cohort_[p.site];
  if (cohort && cohort->request(id)) cohort_granted(id);
}

void AmbulanceService::cohort_granted(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  // A cubicle may have come first, in the same instant as this grant's event: the space goes straight back.
  if (!p.awaiting_handover) return cohort_[p.site]->release();
  p.in_cohort_space = true;
  hand_over(p.ambulance_job);
}

void AmbulanceService::cubicle_taken(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  if (p.in_cohort_space) {  // handed over already; the cohort space is free for the next crew
    p.in_cohort_space = false;
    cohort_[p.site]->release();
  }
  if (!p.awaiting_handover) return;
  if (std::optional<engine::Resource>& cohort = cohort_[p.site]) (void)cohort->cancel(id);
  hand_over(p.ambulance_job);
}

void AmbulanceService::hand_over(std::uint32_t job) {
  Job& j = jobs_[job];
  Patient& p = ctx_.patients[j.patient];
  j.awaiting_handover = false;
  p.awaiting_handover = false;
  ctx_.recorder.handover(j.arrived_at, ctx_.sim.now() - j.arrived_at, p.site, p.locality);
  j.patient = kNoPatient;  // the patient is the department's now; the job only clears
  ctx_.sim.schedule_in(settings_.clear.sample(j.rng), cleared_, job);
}

void AmbulanceService::cleared(std::uint32_t job) {
  const Job& j = jobs_[job];
  ctx_.recorder.ambulance_job(j.dispatched_at, ctx_.sim.now() - j.dispatched_at, j.site, j.locality);
  free_jobs_.push_back(job);
  fleet_.release();
}

void AmbulanceService::count_unfinished(double cap) {
  for (const Job& j : jobs_) {
    if (j.waiting_for_vehicle) ctx_.recorder.ambulance_response_unfinished(j.called_at, cap, j.category, j.locality);
    if (j.awaiting_handover) {
      const Patient& p = ctx_.patients[j.patient];
      ctx_.recorder.handover(j.arrived_at, cap - j.arrived_at, p.site, p.locality);
    }
  }
}

}  // namespace pfsim::models
