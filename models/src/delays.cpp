#include "delays.hpp"

#include <algorithm>
#include <cmath>

namespace pfsim::models {

namespace {
DelayReason service_of(Pathway pathway) {
  switch (pathway) {
    case Pathway::P1: return DelayReason::Reablement;
    case Pathway::P2: return DelayReason::IntermediateCare;
    case Pathway::P3: return DelayReason::CareHome;
    case Pathway::P0: break;
  }
  return DelayReason::Assessment;  // a P0 patient waits for nothing but their own discharge
}

const DelayAttributionRules kDefaultRules{};
const DelayAttributionRules& rules(const Scenario& s) { return s.discharge ? s.discharge->attribution : kDefaultRules; }
}  // namespace

DelayReason acute_delay_reason(const Patient& p, double t) {
  return std::isnan(p.assessed_at) || t < p.assessed_at ? DelayReason::Assessment : service_of(p.episode.pathway);
}

const DelayAttribution& delay_attribution(const Scenario& s, const Patient& p, double t) {
  if (p.stage() == Stage::DelayedNonAcute) return rules(s).care_home;
  return rules(s).of(acute_delay_reason(p, t), p.episode.pathway);
}

void record_delay(Context& ctx, const Patient& p, double to) {
  const DelayAttributionRules& r = rules(ctx.scenario);
  if (p.stage() == Stage::DelayedNonAcute) {
    ctx.recorder.delayed_period(p.medically_fit_at, to, r.care_home, p.site, p.locality, true);
    return;
  }
  const double assessed = std::isnan(p.assessed_at) ? to : std::clamp(p.assessed_at, p.medically_fit_at, to);
  ctx.recorder.delayed_period(p.medically_fit_at, assessed, r.of(DelayReason::Assessment, p.episode.pathway), p.site, p.locality, false);
  ctx.recorder.delayed_period(assessed, to, r.of(service_of(p.episode.pathway), p.episode.pathway), p.site, p.locality, false);
}

}  // namespace pfsim::models
