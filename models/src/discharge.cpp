#include <cmath>

#include "services.hpp"

namespace pfsim::models {

Discharge::Discharge(Context& ctx)
    : ctx_(ctx), assessed_(ctx.sim.add_handler([this](std::uint32_t id) { assessed(id); })),
      home_from_bed_(ctx.sim.add_handler([this](std::uint32_t id) { home_from_bed(id); })) {}

bool Discharge::held(std::uint32_t id, engine::HandlerId retry) {
  const Winter* winter = ctx_.services.winter;
  if (!winter || !winter->has_discharge_dip()) return false;
  Patient& p = ctx_.patients[id];
  const double until = winter->held_until(ctx_.sim.now(), p.episode.discharge_u, p.site);
  if (std::isnan(until)) return false;
  // Medically fit and still in the acute bed until the working morning: a delayed day like any other.
  ctx_.patients.set_stage(p, Stage::Delayed);
  ctx_.sim.schedule_at(until, retry, id);
  return true;
}

void Discharge::home_from_bed(std::uint32_t id) {
  if (held(id, home_from_bed_)) return;
  leave_bed(id);
  ctx_.services.after_discharge->home(id);
}

void Discharge::medically_fit(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  p.medically_fit_at = ctx_.sim.now();
  p.assessed = false;
  if (p.episode.pathway == Pathway::P0) return home_from_bed(id);
  // Medically fit but still in an acute bed: a delayed transfer of care from now until the bed is left.
  ctx_.patients.set_stage(p, Stage::Delayed);
  if (p.episode.assessment_delay > 0) ctx_.sim.schedule_in(p.episode.assessment_delay, assessed_, id);
  else assessed(id);
}

void Discharge::assessed(std::uint32_t id) {
  if (held(id, assessed_)) return;  // weekend / bank-holiday dip: the pathway starts on the next working morning
  start_pathway(id);
}

void Discharge::resume_assessment(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  const auto& discharge = ctx_.scenario.discharge;
  const auto* delay = discharge ? &discharge->assessment_delay[static_cast<std::size_t>(p.episode.pathway)] : nullptr;
  const double remaining = delay && *delay ? (*delay)->sample_residual(p.rng, ctx_.sim.now() - p.medically_fit_at) : 0.0;
  p.episode.assessment_delay = ctx_.sim.now() - p.medically_fit_at + remaining;
  ctx_.sim.schedule_in(remaining, assessed_, id);
}

void Discharge::start_pathway(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  p.assessed = true;
  switch (p.episode.pathway) {
    case Pathway::P1:
      if (ctx_.services.reablement) return ctx_.services.reablement->request(id);
      break;
    case Pathway::P2:
      if (ctx_.services.intermediate_care) return ctx_.services.intermediate_care->request(id);
      break;
    case Pathway::P3:
      if (ctx_.services.care_homes) return ctx_.services.care_homes->request(id);
      break;
    case Pathway::P0: break;
  }
  // The pathway's service is not modelled: no capacity limit, home once assessed.
  leave_bed(id);
  ctx_.services.after_discharge->home(id);
}

void Discharge::leave_bed(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  const double now = ctx_.sim.now();
  if (p.stage() == Stage::Delayed && ctx_.scenario.discharge)
    ctx_.recorder.delayed_period(p.medically_fit_at, now, ctx_.scenario.discharge->attribution[static_cast<std::size_t>(p.episode.pathway)],
                                 p.site, p.locality);
  ctx_.services.beds_by_site[p.site]->leave(id);
  ctx_.recorder.bed_stay(p.admitted_at, now, p.locality);
  ctx_.recorder.discharge(now, p.site, p.locality);
  p.discharged_at = now;
  ctx_.patients.set_stage(p, Stage::AtHome);
}

}  // namespace pfsim::models
