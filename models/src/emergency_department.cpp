#include "emergency_department.hpp"

#include <cmath>

#include "acute_beds.hpp"
#include "ambulance_service.hpp"
#include "care_homes.hpp"
#include "rota_schedule.hpp"

namespace pfsim::models {

namespace {
// A&E rotas follow the seasons' staffing scales.
engine::CapacitySchedule seasonal_rota_schedule(const ClinicianRota& rota, const Context& ctx) {
  engine::CapacitySchedule schedule = rota_schedule(rota);
  schedule.scales = ctx.seasons.ae_clinician_scales(ctx.follow_to + engine::kMinutesPerDay);
  return schedule;
}
}  // namespace

EmergencyDepartment::EmergencyDepartment(Context& ctx, std::size_t site, const SiteAe& settings, AcuteBeds& beds)
    : ctx_(ctx), site_(site), beds_(beds), acuity_priority_(ctx.scenario.ae.acuity_priority),
      discipline_(acuity_priority_ ? engine::QueueDiscipline::Priority : engine::QueueDiscipline::Fifo),
      triaged_(ctx.sim.add_handler([this](std::uint32_t id) { join_queue(id); })),
      granted_(ctx.sim.add_handler([this](std::uint32_t id) { start_treatment(id); })),
      treated_(ctx.sim.add_handler([this](std::uint32_t id) { finish_treatment(id); })),
      cubicle_granted_(ctx.sim.add_handler([this](std::uint32_t id) { take_cubicle(id); })),
      gave_up_(ctx.sim.add_handler([this](std::uint32_t id) { give_up(id); })),
      clinicians_(ctx.sim, "clinicians/" + ctx.scenario.sites[site].name, 0, granted_, discipline_) {
  engine::attach_schedule(ctx.sim, clinicians_, seasonal_rota_schedule(settings.clinicians, ctx), ctx.calendar.weekday(0.0));
  if (settings.minors) {
    minors_clinicians_.emplace(ctx.sim, "minors_clinicians/" + ctx.scenario.sites[site].name, 0, granted_);
    engine::attach_schedule(ctx.sim, *minors_clinicians_, seasonal_rota_schedule(settings.minors->clinicians, ctx), ctx.calendar.weekday(0.0));
  }
  if (settings.cubicles) {
    cubicles_.emplace(ctx.sim, "cubicles/" + ctx.scenario.sites[site].name, *settings.cubicles, cubicle_granted_, discipline_);
    beds.hold_cubicles_until_admitted(*cubicles_);
  }
}

void EmergencyDepartment::arrive(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  const SiteAe& ae = *ctx_.scenario.sites[site_].ae;
  // Clinician time and triage delay come from the patient's stream, drawn once on arrival.
  p.treatment = (p.minors && ae.minors ? ae.minors->treatment : ae.treatment).sample(p.rng);
  const double triage = ae.triage ? ae.triage->sample(p.rng) : 0.0;
  // Drawn for everyone, admitted or not, so the draws after it line up in every option (common random numbers).
  const double patience = ctx_.scenario.ae.patience ? ctx_.scenario.ae.patience->sample(p.rng) : kNever;
  // Nobody brought by ambulance leaves unseen: the crew stays until handover, and the patient is then a majors case.
  p.gives_up_at = p.admit || p.by_ambulance ? kNever : ctx_.sim.now() + triage + patience;
  if (triage > 0) ctx_.sim.schedule_in(triage, triaged_, id);
  else join_queue(id);
}

void EmergencyDepartment::join_queue(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  if (!cubicles_ || p.minors) {
    if (p.awaiting_handover) ctx_.ambulance->ready_for_handover(id, true);  // no cubicle needed: handed over after triage
    return ask_clinician(id);
  }
  if (cubicles_->request(id, queue_priority(p))) return take_cubicle(id);
  if (p.awaiting_handover) ctx_.ambulance->ready_for_handover(id, false);
  may_give_up(p, id);
}

void EmergencyDepartment::take_cubicle(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  p.in_cubicle = true;
  if (p.by_ambulance) ctx_.ambulance->cubicle_taken(id);
  ask_clinician(id);
}

void EmergencyDepartment::may_give_up(Patient& p, std::uint32_t id) {
  if (p.give_up_scheduled || std::isnan(p.gives_up_at)) return;  // already scheduled, or never gives up
  p.give_up_scheduled = true;
  ctx_.sim.schedule_at(p.gives_up_at, gave_up_, id);  // ≥ now: the patience runs from the end of triage
}

void EmergencyDepartment::give_up(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  // The record may since have been recycled for someone else (ids are reused): only the patient this event was
  // scheduled for, still in A&E, has this exact give-up time.
  if (p.stage() != Stage::InAe || !p.give_up_scheduled || p.gives_up_at != ctx_.sim.now()) return;
  p.give_up_scheduled = false;
  const bool waiting_for_cubicle = cubicles_ && !p.minors && !p.in_cubicle;
  // A patient already granted a cubicle or a clinician (grant event pending, or being treated) stays.
  if (!(waiting_for_cubicle ? cubicles_->cancel(id) : clinicians_for(p).cancel(id))) return;
  leave(id, true);
}

engine::Resource& EmergencyDepartment::clinicians_for(const Patient& p) {
  return p.minors && minors_clinicians_ ? *minors_clinicians_ : clinicians_;
}

void EmergencyDepartment::ask_clinician(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  if (clinicians_for(p).request(id, queue_priority(p))) return start_treatment(id);
  may_give_up(p, id);
}

void EmergencyDepartment::start_treatment(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  p.give_up_scheduled = false;  // seen: a pending give-up event finds nothing to do
  ctx_.sim.schedule_in(p.treatment, treated_, id);
}

void EmergencyDepartment::finish_treatment(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  clinicians_for(p).release();
  const double now = ctx_.sim.now();
  if (p.admit && !p.sdec) {
    beds_.request(id);  // leaves A&E when a bed is found (trolley wait counts)
    return;
  }
  if (p.admit) {  // same-day emergency care: admitted and home the same day, no bed
    ctx_.recorder.sdec(now, site_, p.locality);
    ctx_.recorder.admission_condition(now, site_, p.locality, p.condition, ctx_.scenario.population.band_is_65plus[p.band]);
  }
  leave(id, false);
}

void EmergencyDepartment::leave(std::uint32_t id, bool without_being_seen) {
  Patient& p = ctx_.patients[id];
  const AeExit exit{type1_attendance(p, *ctx_.scenario.sites[site_].ae), without_being_seen};
  ctx_.recorder.ae_departure(p.ae_arrival, ctx_.sim.now(), site_, p.locality, exit);
  if (p.in_cubicle) {
    p.in_cubicle = false;
    cubicles_->release();
  }
  if (p.holds_care_home_place && ctx_.care_homes) return ctx_.care_homes->return_home(id);
  ctx_.remove_patient(id, Leaving::Home);
}

}  // namespace pfsim::models
