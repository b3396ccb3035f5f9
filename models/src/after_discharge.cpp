#include "after_discharge.hpp"

#include <algorithm>

#include "acute_sites.hpp"
#include "care_homes.hpp"
#include "care_pathway.hpp"
#include "scheme_effects.hpp"

namespace pfsim::models {

AfterDischarge::AfterDischarge(Context& ctx, AcuteSites& sites, CareHomes* care_homes, const SchemeEffects* schemes)
    : ctx_(ctx), sites_(sites), care_homes_(care_homes), schemes_(schemes),
      readmit_(ctx.sim.add_handler([this](std::uint32_t id) { readmit(id); })),
      outcome_due_(ctx.sim.add_handler([this](std::uint32_t id) { outcome(id); })) {}

void AfterDischarge::home(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  // A care-home resident goes back to their home; their next emergency comes from their own attendances there.
  if (p.holds_care_home_place && care_homes_) return care_homes_->return_home(id);
  const auto& readmission = ctx_.scenario.readmission;
  double within_30d = readmission ? readmission->within_30d[p.band] : 0.0;
  if (readmission && schemes_ && schemes_->has(SchemeTarget::Readmission30d))
    within_30d = std::clamp(schemes_->change(SchemeTarget::Readmission30d, ctx_.sim.now(), p.locality, p.band, p.site).apply(within_30d), 0.0, 1.0);
  if (readmission && p.episode.readmit_u < within_30d) {
    ctx_.patients.set_stage(p, Stage::AtHome);
    ctx_.recorder.readmission_within_30d(p.discharged_at, p.site, p.locality);
    ctx_.sim.schedule_at(p.discharged_at + p.episode.readmit_time_u * k30Days, readmit_, id);
    return;
  }
  ctx_.remove_patient(id, Leaving::Home);
}

void AfterDischarge::outcome(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  if (ctx_.sim.now() < p.outcome_at) {
    ctx_.sim.schedule_at(p.outcome_at, outcome_due_, id);
    return;
  }
  switch (p.outcome) {
    case Outcome91d::Readmit:
      // Counted when it happens inside the measured period only, as before the arrival-cohort follow-up (DESIGN §5):
      // the follow-up after the period must not change this KPI.
      if (p.outcome_at - p.discharged_at <= k30Days && ctx_.measured(ctx_.sim.now()))
        ctx_.recorder.readmission_within_30d(p.discharged_at, p.site, p.locality);
      readmit(id);
      return;
    case Outcome91d::CareHome:
      if (care_homes_) {
        ctx_.patients.set_stage(p, Stage::AwaitingCareHome);
        care_homes_->request(id);
        return;
      }
      break;
    case Outcome91d::Death:
    case Outcome91d::NoEvent: break;
  }
  ctx_.remove_patient(id, p.outcome == Outcome91d::Death      ? Leaving::Died
                          : p.outcome == Outcome91d::CareHome ? Leaving::ToCareHome  // no care homes modelled
                                                              : Leaving::Home);
}

void AfterDischarge::resume(std::uint32_t id, double discharged_at, Pending pending) {
  Patient& p = ctx_.patients[id];
  const double now = ctx_.sim.now(), elapsed = now - discharged_at;
  double due = 0;
  if (pending == Pending::Readmission30d) {
    due = discharged_at + std::max(elapsed, elapsed + (k30Days - elapsed) * p.rng.uniform());
  } else {  // the 91-day event's uniform, given that its time is past `elapsed`
    const double u0 = outcome_u_at(elapsed);
    due = discharged_at + std::max(elapsed, outcome_delay_91d(u0 + (1.0 - u0) * p.rng.uniform()));
  }
  ctx_.patients.set_stage(p, Stage::AtHome);
  p.discharged_at = discharged_at;
  if (pending == Pending::Readmission30d) {
    p.outcome = Outcome91d::NoEvent;  // a home discharge has no 91-day outcome
    ctx_.sim.schedule_at(std::max(now, due), readmit_, id);
    return;
  }
  p.outcome = pending == Pending::Readmission91d ? Outcome91d::Readmit : Outcome91d::CareHome;
  p.outcome_at = std::max(now, due);
  ctx_.sim.schedule_at(p.outcome_at, outcome_due_, id);
}

void AfterDischarge::readmit(std::uint32_t id) {
  // An emergency readmission: same person and stream, straight to a bed at the site that discharged them.
  Patient& p = ctx_.patients[id];
  p.outcome = Outcome91d::NoEvent;
  sites_[p.site].request(id);
}

}  // namespace pfsim::models
