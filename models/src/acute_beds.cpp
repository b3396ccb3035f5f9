#include "acute_beds.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "care_homes.hpp"
#include "care_pathway.hpp"
#include "delays.hpp"
#include "discharge.hpp"
#include "virtual_ward.hpp"

namespace pfsim::models {

AcuteBeds::AcuteBeds(Context& ctx, std::size_t site, int general_beds, const CarePathway& pathway, Discharge& discharge)
    : ctx_(ctx), site_(site), pathway_(pathway), discharge_(discharge),
      granted_(ctx.sim.add_handler([this](std::uint32_t id) { admit(id); })),
      medically_fit_(ctx.sim.add_handler([this](std::uint32_t id) { discharge_.medically_fit(id); })),
      beds_(ctx.sim, "beds/" + ctx.scenario.sites[site].name, general_beds, granted_), capacity_(beds_, general_beds) {}

void AcuteBeds::request(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  // Care-home residents are not stepped up: they go back to their home, not onto a virtual ward.
  if (ctx_.virtual_wards && p.stage() == Stage::InAe && !p.from_care_home && ctx_.virtual_wards->step_up(id, site_))
    return free_cubicle(p);
  ctx_.patients.set_stage(p, Stage::AwaitingBed);
  p.site = static_cast<std::uint8_t>(site_);
  p.bed_requested_at = ctx_.sim.now();
  ctx_.recorder.bed_request(p.bed_requested_at);
  if (beds_.request(id)) admit(id);
}

void AcuteBeds::admit(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  const double now = ctx_.sim.now();
  const bool from_ae = p.from_ae;
  if (from_ae) ctx_.recorder.ae_departure(p.ae_arrival, now, site_, p.locality);  // admitted: a majors (type 1) patient
  p.from_ae = false;  // a later readmission of the same person is not an A&E attendance
  free_cubicle(p);
  ctx_.recorder.bed_wait(p.bed_requested_at, now, site_, p.locality, from_ae);
  ctx_.recorder.admission(now, site_, p.locality);
  ctx_.recorder.admission_condition(now, site_, p.locality, p.condition, ctx_.scenario.population.band_is_65plus[p.band]);
  p.admitted_at = now;
  p.medically_fit_at = kNever;
  ctx_.patients.set_stage(p, Stage::InBed);
  pathway_.draw_episode(p, site_);
  const double drawn_fit = now + p.episode.los;
  pathway_.time_departure(p, drawn_fit, now);
  p.ready_at = std::min(drawn_fit, now + p.episode.los);  // a departure before the drawn moment ends the need then
  if (ctx_.virtual_wards && ctx_.virtual_wards->plan_step_down(id)) return;  // medically fit follows continue_stay or the ward
  ctx_.sim.schedule_in(p.episode.los, medically_fit_, id);
}

void AcuteBeds::free_cubicle(Patient& p) {
  if (!p.in_cubicle) return;
  p.in_cubicle = false;
  cubicles_->release();
}

void AcuteBeds::continue_stay(std::uint32_t id) {
  const Patient& p = ctx_.patients[id];
  ctx_.sim.schedule_at(p.admitted_at + p.episode.los, medically_fit_, id);
}

void AcuteBeds::leave(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  const double now = ctx_.sim.now();
  if (p.stage() == Stage::Delayed) record_delay(ctx_, p, now);
  beds_.release();
  ctx_.recorder.bed_stay(p.admitted_at, now, p.locality);
  ctx_.recorder.stay_ended(p.admitted_at, now, p.site, p.locality);
  ctx_.recorder.discharge(now, p.site, p.locality, discharge_facts(p, now));
  p.discharged_at = now;
  ctx_.patients.set_stage(p, Stage::AtHome);
}

Recorder::DischargeFacts AcuteBeds::discharge_facts(const Patient& p, double now) const {
  const auto day_of = [](double t) { return std::floor(t / engine::kMinutesPerDay); };
  const auto& population = ctx_.scenario.population;
  Recorder::DischargeFacts f;
  f.before_noon = now - day_of(now) * engine::kMinutesPerDay < 12 * engine::kMinutesPerHour;
  f.weekend = ctx_.calendar.weekday(now) >= 5;
  // A step-down to a virtual ward leaves before the drawn moment: ready then, as any departure that comes first.
  const double ready = std::isnan(p.ready_at) ? now : std::min(p.ready_at, now);
  f.ready_date_counted = population.band_is_adult[p.band] && day_of(now) > day_of(p.admitted_at);
  f.days_after_ready = day_of(now) - day_of(ready);
  // Home without new support or with support at home (P0, P1; a virtual-ward step-down is on P0), or back to the care
  // home they live in; a rehabilitation bed (P2) or a new care-home place (P3) is not where they usually live, unless
  // the scenario has no such service and they go home instead (Discharge::start_pathway).
  const Scenario& s = ctx_.scenario;
  const Pathway pathway = p.episode.pathway;
  const bool goes_home = pathway == Pathway::P0 || pathway == Pathway::P1 || (pathway == Pathway::P2 && !s.intermediate_care) ||
                         (pathway == Pathway::P3 && !s.care_homes);
  f.usual_residence = p.holds_care_home_place || goes_home;
  f.aged_65plus = population.band_is_65plus[p.band];
  return f;
}

void AcuteBeds::die(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  const double now = ctx_.sim.now();
  beds_.release();
  ctx_.recorder.bed_stay(p.admitted_at, now, p.locality);
  ctx_.recorder.stay_ended(p.admitted_at, now, p.site, p.locality);
  ctx_.recorder.hospital_death(now, p.site, p.locality);
  if (p.holds_care_home_place && ctx_.care_homes) ctx_.care_homes->died_away(id);
  ctx_.remove_patient(id, Leaving::Died);
}

void AcuteBeds::resume_stay(std::uint32_t id, double admitted_at, std::optional<Pathway> pathway, std::optional<double> fit_at) {
  // The loader checks the census against the bed count; a full ward here is a bug, not bad input.
  if (!beds_.try_acquire())
    throw std::logic_error("census: more patients than beds at " + ctx_.scenario.sites[site_].name);
  Patient& p = ctx_.patients[id];
  p.site = static_cast<std::uint8_t>(site_);
  p.bed_requested_at = p.admitted_at = admitted_at;
  ctx_.patients.set_stage(p, Stage::InBed);
  pathway_.draw_episode(p, site_, pathway);
  const double now = ctx_.sim.now();
  if (fit_at) {
    p.episode.dies_in_hospital = false;  // already medically fit and waiting to leave: alive
    p.episode.los = *fit_at - admitted_at;
    p.medically_fit_at = p.ready_at = *fit_at;
    ctx_.patients.set_stage(p, Stage::Delayed);
    return;
  }
  // Residual life: the stay already lasted now − admitted_at, so only draws longer than that are possible.
  const double elapsed = now - admitted_at;
  const double remaining = ctx_.scenario.admission.los[p.band].sample_residual(p.rng, elapsed);
  p.episode.los = elapsed + remaining;
  const double drawn_fit = admitted_at + p.episode.los;
  pathway_.time_departure(p, drawn_fit, now);
  p.ready_at = std::min(drawn_fit, admitted_at + p.episode.los);
  ctx_.sim.schedule_at(admitted_at + p.episode.los, medically_fit_, id);
}

}  // namespace pfsim::models
