#include "discharge.hpp"

#include <cmath>

#include "acute_sites.hpp"
#include "after_discharge.hpp"
#include "care_homes.hpp"
#include "discharge_timing.hpp"
#include "downstream_care.hpp"
#include "winter_flow.hpp"

namespace pfsim::models {

Discharge::Discharge(Context& ctx, AcuteSites& sites, DownstreamCare* reablement, DownstreamCare* intermediate_care,
                     CareHomes* care_homes, AfterDischarge& after_discharge, const WinterFlow* winter,
                     const DischargeTiming* timing)
    : ctx_(ctx), sites_(sites), reablement_(reablement), intermediate_care_(intermediate_care), care_homes_(care_homes),
      after_discharge_(after_discharge), winter_(winter), timing_(timing),
      assessed_(ctx.sim.add_handler([this](std::uint32_t id) { assessed(id); })),
      home_from_bed_(ctx.sim.add_handler([this](std::uint32_t id) { home_from_bed(id); })) {}

bool Discharge::held(std::uint32_t id, engine::HandlerId retry) {
  if (!winter_ || !winter_->has_discharge_dip()) return false;
  Patient& p = ctx_.patients[id];
  const double until = winter_->held_until(ctx_.sim.now(), p.episode.discharge_u, p.site);
  if (std::isnan(until)) return false;
  // Held in the bed until the working morning. On P1-P3 the assessment is done and the service does not start people
  // today: a delayed day for that service. On P0 the patient waits for the hospital's own discharge, which the sitrep
  // does not count as a delayed transfer (no reason applies): bed time, as a discharge-timing wait is.
  if (p.episode.pathway != Pathway::P0) ctx_.patients.set_stage(p, Stage::Delayed);
  ctx_.sim.schedule_at(until, retry, id);
  return true;
}

void Discharge::home_from_bed(std::uint32_t id) {
  if (held(id, home_from_bed_)) return;
  sites_.leave(id);
  after_discharge_.home(id);
}

void Discharge::medically_fit(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  p.medically_fit_at = ctx_.sim.now();
  p.assessed = false;
  p.assessed_at = kNever;
  if (p.episode.dies_in_hospital) return sites_.die(id);
  if (p.episode.pathway == Pathway::P0) return home_from_bed(id);
  // Medically fit but still in an acute bed: a delayed transfer of care from now until the bed is left.
  ctx_.patients.set_stage(p, Stage::Delayed);
  if (p.episode.assessment_delay > 0) ctx_.sim.schedule_in(p.episode.assessment_delay, assessed_, id);
  else assessed(id);
}

void Discharge::assessed(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  if (std::isnan(p.assessed_at)) p.assessed_at = ctx_.sim.now();
  if (held(id, assessed_)) return;  // weekend / bank-holiday dip: the pathway starts on the next working morning
  start_pathway(id);
}

void Discharge::resume_assessment(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  const auto& discharge = ctx_.scenario.discharge;
  const auto* delay = discharge ? &discharge->assessment_delay[static_cast<std::size_t>(p.episode.pathway)] : nullptr;
  const double now = ctx_.sim.now();
  const double remaining = delay && *delay ? (*delay)->sample_residual(p.rng, now - p.medically_fit_at) : 0.0;
  const double ready = timing_ ? timing_->departure(now + remaining, now, p) : now + remaining;
  p.episode.assessment_delay = ready - p.medically_fit_at;
  ctx_.sim.schedule_at(ready, assessed_, id);
}

void Discharge::start_pathway(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  p.assessed = true;
  if (std::isnan(p.assessed_at)) p.assessed_at = ctx_.sim.now();
  // The service takes the person out of the bed when it grants them a place.
  switch (p.episode.pathway) {
    case Pathway::P1:
      if (reablement_) return reablement_->request(id);
      break;
    case Pathway::P2:
      if (intermediate_care_) return intermediate_care_->request(id);
      break;
    case Pathway::P3:
      if (care_homes_) return care_homes_->request(id);
      break;
    case Pathway::P0: break;
  }
  // The pathway's service is not modelled: no capacity limit, home once assessed.
  sites_.leave(id);
  after_discharge_.home(id);
}

}  // namespace pfsim::models
