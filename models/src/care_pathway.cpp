#include "care_pathway.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "context.hpp"
#include "discharge_timing.hpp"
#include "pfsim/models/system.hpp"
#include "scheme_effects.hpp"
#include "winter_flow.hpp"

namespace pfsim::models {

std::string_view stage_name(Stage stage) {
  switch (stage) {
    case Stage::Free: return "Free";
    case Stage::InAe: return "InAe";
    case Stage::AwaitingBed: return "AwaitingBed";
    case Stage::InBed: return "InBed";
    case Stage::Delayed: return "Delayed";
    case Stage::InReablement: return "InReablement";
    case Stage::InIntermediateCare: return "InIntermediateCare";
    case Stage::AtHome: return "AtHome";
    case Stage::AwaitingCareHome: return "AwaitingCareHome";
    case Stage::InCareHome: return "InCareHome";
    case Stage::InVirtualWard: return "InVirtualWard";
    case Stage::DelayedNonAcute: return "DelayedNonAcute";
  }
  return "?";
}

void check_stage_transition(Stage from, Stage to, std::uint32_t id) {
  if (!transition_allowed(from, to))
    throw ModelError(fmt::format("patient {} moved from {} to {}, which the pathway's transition table does not allow", id,
                                 stage_name(from), stage_name(to)));
}

std::string stage_transitions_markdown() {
  std::string out = "| From | To | Event | Made by |\n|---|---|---|---|\n";
  for (const StageTransition& t : kStageTransitions)
    out += fmt::format("| {} | {} | {} | `{}` |\n", stage_name(t.from), stage_name(t.to), t.event, t.by);
  return out;
}

Outcome91d outcome_91d(const Hazards91d& h, double u) {
  constexpr std::array<Outcome91d, 4> kByIndex = {Outcome91d::Readmit, Outcome91d::CareHome, Outcome91d::Death, Outcome91d::NoEvent};
  return kByIndex[first_cumulative_above(u, std::array<double, 3>{h.readmit, h.care_home, h.death})];
}

CarePathway::CarePathway(const Context& ctx, const WinterFlow* winter, const DischargeTiming* timing, const SchemeEffects* schemes)
    : ctx_(ctx), winter_(winter), timing_(timing), schemes_(schemes) {}

void CarePathway::draw_episode(Patient& p, std::size_t site, std::optional<Pathway> pathway) const {
  const Scenario& s = ctx_.scenario;
  const double now = ctx_.sim.now();
  Episode& e = p.episode;
  e.los = s.admission.los[p.band].sample(p.rng);
  e.los *= ctx_.seasons.los(now, p.band);  // × 1 (exactly the same stay) outside any season
  if (schemes_ && schemes_->has(SchemeTarget::Los))
    e.los = std::max(0.0, schemes_->change(SchemeTarget::Los, now, p.locality, p.band, site).apply(e.los));
  // Drawn for everyone, children included, so an adult's later draws do not depend on the shares.
  const double pathway_u = p.rng.uniform();
  e.pathway = Pathway::P0;
  if (s.discharge && s.population.band_is_adult[p.band]) {
    std::array<double, kPathways> shares = s.discharge->shares(p.band);
    if (schemes_ && schemes_->has(SchemeTarget::PathwayShare)) schemes_->adjust_pathway_shares(shares, now, p.locality, p.band, site);
    if (const std::size_t k = first_cumulative_above(pathway_u, shares); k < shares.size()) e.pathway = static_cast<Pathway>(k);
  }
  if (p.from_care_home) e.pathway = Pathway::P0;  // a care-home resident goes back to their own home
  if (pathway) e.pathway = *pathway;  // a census row that names the pathway
  const auto idx = static_cast<std::size_t>(e.pathway);
  e.assessment_delay = (s.discharge && s.discharge->assessment_delay[idx]) ? s.discharge->assessment_delay[idx]->sample(p.rng) : 0.0;
  e.assessment_delay *= ctx_.seasons.assessment_delay(now + e.los);  // discharge staffing in the month the patient is fit
  if (schemes_ && idx > 0 && schemes_->has(SchemeTarget::AssessmentDelay))
    e.assessment_delay = std::max(
        0.0, schemes_->change(SchemeTarget::AssessmentDelay, now, p.locality, p.band, site, static_cast<int>(idx)).apply(e.assessment_delay));
  const DownstreamService* service = e.pathway == Pathway::P1 ? (s.reablement ? &*s.reablement : nullptr)
                                     : e.pathway == Pathway::P2 ? (s.intermediate_care ? &*s.intermediate_care : nullptr)
                                                                : nullptr;
  e.downstream_duration = service ? service->duration.sample(p.rng) : 0.0;
  e.outcome_u = p.rng.uniform();
  e.outcome_time_u = p.rng.uniform();
  e.readmit_u = p.rng.uniform();
  e.readmit_time_u = p.rng.uniform();
  // Drawn only when the scenario has hospital deaths, so a scenario without them keeps every draw it had.
  e.dies_in_hospital = !s.admission.died_in_hospital.empty() && p.rng.uniform() < s.admission.died_in_hospital[p.band];
  if (timing_) {
    e.leave_hour_u = p.rng.uniform();
    e.leave_day_u = p.rng.uniform();
  }
  // Drawn last and only when a dip exists, so every earlier draw matches a run without it.
  e.discharge_u = winter_ && winter_->has_discharge_dip() ? p.rng.uniform() : 0.0;
}

void CarePathway::time_departure(Patient& p, double fit_at, double not_before) const {
  Episode& e = p.episode;
  if (!timing_ || e.dies_in_hospital) return;
  // The stay sets the day and the profile the hour, for the whole bed stay: home without support (P0), the stay runs
  // to the departure; on a pathway, the assessment does, so a wait past medically fit is a delayed transfer of care,
  // and a departure before the drawn medically-fit moment ends the stay there, with no delay.
  const double admitted = fit_at - e.los;
  const double ready = e.pathway == Pathway::P0 ? fit_at : fit_at + e.assessment_delay;
  const double leave = timing_->departure(ready, not_before, p);
  if (e.pathway == Pathway::P0 || leave < fit_at) {
    e.los = leave - admitted;
    e.assessment_delay = 0;
  } else {
    e.assessment_delay = leave - fit_at;
  }
}

}  // namespace pfsim::models
