#include "downstream_care.hpp"

#include <algorithm>
#include <stdexcept>

#include "acute_sites.hpp"
#include "after_discharge.hpp"
#include "care_homes.hpp"
#include "care_pathway.hpp"
#include "delays.hpp"
#include "home_at_91_days.hpp"
#include "scheme_effects.hpp"

namespace pfsim::models {

DownstreamCare::DownstreamCare(Context& ctx, const DownstreamService& settings, Stage stage, const char* name, AcuteSites& sites,
                               AfterDischarge& after_discharge, const SchemeEffects* schemes)
    : ctx_(ctx), settings_(settings), stage_(stage), sites_(sites), after_discharge_(after_discharge), schemes_(schemes),
      granted_(ctx.sim.add_handler([this](std::uint32_t id) { start(id); })),
      finished_(ctx.sim.add_handler([this](std::uint32_t id) { finish(id); })),
      capacity_(ctx.sim, name, settings.capacity, granted_) {}

void DownstreamCare::request(std::uint32_t id) {
  if (capacity_.request(id)) start(id);
}

void DownstreamCare::start(std::uint32_t id) {
  sites_.leave(id);  // the place is what the person was delayed in the acute bed for
  Patient& p = ctx_.patients[id];
  const double now = ctx_.sim.now();
  ctx_.patients.set_stage(p, stage_);
  // The 91-day outcome (ASCOF 2B) is fixed at discharge from the person's own draws.
  Hazards91d h = settings_.hazards_for(p.band);
  const SchemeTarget hazards_target = stage_ == Stage::InReablement ? SchemeTarget::ReablementHazards : SchemeTarget::IntermediateCareHazards;
  if (schemes_ && schemes_->has(hazards_target)) {
    // One multiplier on all three hazards (what is left is "at home at 91 days"), bounded so they sum to at most 1.
    const double m = std::max(0.0, schemes_->change(hazards_target, now, p.locality, p.band, p.site).apply(1.0));
    const double total = (h.readmit + h.care_home + h.death) * m;
    const double scale = total > 1.0 ? m / total : m;
    h.readmit *= scale;
    h.care_home *= scale;
    h.death *= scale;
  }
  p.outcome = outcome_91d(h, p.episode.outcome_u);
  p.outcome_at = now + outcome_delay_91d(p.episode.outcome_time_u);
  if (ctx_.home_at_91d) ctx_.home_at_91d->discharged(id);
  // An event that falls during the package or stay ends it early.
  double end = now + p.episode.downstream_duration;
  if (p.outcome != Outcome91d::NoEvent) end = std::min(end, p.outcome_at);
  ctx_.sim.schedule_at(end, finished_, id);
}

void DownstreamCare::leave_for_care_home(std::uint32_t id) {
  record_delay(ctx_, ctx_.patients[id], ctx_.sim.now());
  capacity_.release();
}

void DownstreamCare::resume_waiting(std::uint32_t id, double waiting_since) {
  if (!capacity_.try_acquire()) throw std::logic_error("census: more people than places in " + capacity_.name());
  Patient& p = ctx_.patients[id];
  p.outcome = Outcome91d::NoEvent;
  p.medically_fit_at = waiting_since;
  ctx_.patients.set_stage(p, Stage::DelayedNonAcute);
}

void DownstreamCare::resume(std::uint32_t id, double started_at) {
  if (!capacity_.try_acquire()) throw std::logic_error("census: more people than places in " + capacity_.name());
  Patient& p = ctx_.patients[id];
  const double now = ctx_.sim.now(), elapsed = now - started_at;
  ctx_.patients.set_stage(p, stage_);
  p.discharged_at = started_at;  // the package began when the person left the acute bed
  const double remaining = settings_.duration.sample_residual(p.rng, elapsed);
  p.episode.downstream_duration = elapsed + remaining;
  // The package began before the run, so no scheme changes its hazards. Someone still in it has had no 91-day
  // event yet: draw (outcome, time) again until the pair is one that has not already ended the package. The
  // duration is independent of the pair, so this is exact conditioning, and P(no event) bounds the rejection rate.
  const Hazards91d& h = settings_.hazards_for(p.band);
  for (int tries = 0;; ++tries) {
    p.episode.outcome_u = p.rng.uniform();
    p.episode.outcome_time_u = p.rng.uniform();
    p.outcome = outcome_91d(h, p.episode.outcome_u);
    if (p.outcome == Outcome91d::NoEvent || outcome_delay_91d(p.episode.outcome_time_u) > elapsed) break;
    // Past 91 days every event would have happened already: the person is one who stays at home.
    if (elapsed >= k91Days || tries == 10000) {
      p.outcome = Outcome91d::NoEvent;
      break;
    }
  }
  p.outcome_at = started_at + outcome_delay_91d(p.episode.outcome_time_u);
  double end = now + remaining;
  if (p.outcome != Outcome91d::NoEvent) end = std::max(now, std::min(end, p.outcome_at));
  ctx_.sim.schedule_at(end, finished_, id);
}

void DownstreamCare::finish(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  // An intermediate-care stay that ends in a care-home move: the person waits in the bed for the place, a non-acute
  // delayed transfer, so full care homes block intermediate care as they block acute beds.
  if (stage_ == Stage::InIntermediateCare && p.outcome == Outcome91d::CareHome && ctx_.care_homes && ctx_.sim.now() >= p.outcome_at) {
    p.outcome = Outcome91d::NoEvent;  // the move is happening now
    p.medically_fit_at = ctx_.sim.now();
    ctx_.patients.set_stage(p, Stage::DelayedNonAcute);
    ctx_.care_homes->request(id);
    return;
  }
  capacity_.release();
  if (p.outcome == Outcome91d::NoEvent) {
    ctx_.remove_patient(id, Leaving::Home);
    return;
  }
  ctx_.patients.set_stage(p, Stage::AtHome);
  after_discharge_.outcome(id);
}

}  // namespace pfsim::models
