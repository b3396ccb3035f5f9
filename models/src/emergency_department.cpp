#include "emergency_department.hpp"

#include "acute_beds.hpp"

namespace pfsim::models {

namespace {
engine::CapacitySchedule rota_schedule(const ClinicianRota& rota, const Context& ctx) {
  engine::CapacitySchedule schedule;
  schedule.scales = ctx.seasons.ae_clinician_scales(ctx.follow_to + engine::kMinutesPerDay);
  schedule.hour_of_week.resize(168);
  for (std::size_t day = 0; day < 7; ++day)
    for (std::size_t hour = 0; hour < 24; ++hour)
      schedule.hour_of_week[day * 24 + hour] = day < 5 ? rota.weekday[hour] : rota.weekend[hour];
  return schedule;
}
}  // namespace

EmergencyDepartment::EmergencyDepartment(Context& ctx, std::size_t site, const SiteAe& settings, AcuteBeds& beds)
    : ctx_(ctx), site_(site), beds_(beds),
      triaged_(ctx.sim.add_handler([this](std::uint32_t id) { join_queue(id); })),
      granted_(ctx.sim.add_handler([this](std::uint32_t id) { start_treatment(id); })),
      treated_(ctx.sim.add_handler([this](std::uint32_t id) { finish_treatment(id); })),
      cubicle_granted_(ctx.sim.add_handler([this](std::uint32_t id) { take_cubicle(id); })),
      clinicians_(ctx.sim, "clinicians/" + ctx.scenario.sites[site].name, 0, granted_) {
  engine::attach_schedule(ctx.sim, clinicians_, rota_schedule(settings.clinicians, ctx), ctx.calendar.weekday(0.0));
  if (settings.minors) {
    minors_clinicians_.emplace(ctx.sim, "minors_clinicians/" + ctx.scenario.sites[site].name, 0, granted_);
    engine::attach_schedule(ctx.sim, *minors_clinicians_, rota_schedule(settings.minors->clinicians, ctx), ctx.calendar.weekday(0.0));
  }
  if (settings.cubicles) {
    cubicles_.emplace(ctx.sim, "cubicles/" + ctx.scenario.sites[site].name, *settings.cubicles, cubicle_granted_);
    beds.hold_cubicles_until_admitted(*cubicles_);
  }
}

void EmergencyDepartment::arrive(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  const SiteAe& ae = *ctx_.scenario.sites[site_].ae;
  // Clinician time and triage delay come from the patient's stream, drawn once on arrival.
  p.treatment = (p.minors && ae.minors ? ae.minors->treatment : ae.treatment).sample(p.rng);
  const double triage = ae.triage ? ae.triage->sample(p.rng) : 0.0;
  if (triage > 0) ctx_.sim.schedule_in(triage, triaged_, id);
  else join_queue(id);
}

void EmergencyDepartment::join_queue(std::uint32_t id) {
  if (!cubicles_ || ctx_.patients[id].minors) return ask_clinician(id);
  if (cubicles_->request(id)) take_cubicle(id);
}

void EmergencyDepartment::take_cubicle(std::uint32_t id) {
  ctx_.patients[id].in_cubicle = true;
  ask_clinician(id);
}

engine::Resource& EmergencyDepartment::clinicians_for(const Patient& p) {
  return p.minors && minors_clinicians_ ? *minors_clinicians_ : clinicians_;
}

void EmergencyDepartment::ask_clinician(std::uint32_t id) {
  if (clinicians_for(ctx_.patients[id]).request(id)) start_treatment(id);
}

void EmergencyDepartment::start_treatment(std::uint32_t id) { ctx_.sim.schedule_in(ctx_.patients[id].treatment, treated_, id); }

void EmergencyDepartment::finish_treatment(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  clinicians_for(p).release();
  const double now = ctx_.sim.now();
  if (p.admit && !p.sdec) {
    beds_.request(id);  // leaves A&E when a bed is found (trolley wait counts)
    return;
  }
  ctx_.recorder.ae_departure(p.ae_arrival, now, site_, p.locality);
  if (p.in_cubicle) {
    p.in_cubicle = false;
    cubicles_->release();
  }
  if (p.admit) ctx_.recorder.sdec(now, site_, p.locality);  // same-day emergency care: admitted and home the same day, no bed
  ctx_.remove_patient(id);
}

}  // namespace pfsim::models
