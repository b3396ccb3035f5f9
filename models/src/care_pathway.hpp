#pragma once
// The care pathway of one person (DESIGN §3): which stage can follow which, and the per-episode draws that decide
// where an admission goes after the acute bed. Every service moves patients only along the table below, and every
// hospital episode is drawn here, in one fixed order, from the patient's own stream (common random numbers).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "pfsim/engine/time.hpp"
#include "pfsim/models/patient.hpp"
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

class Context;
class SchemeEffects;
class WinterFlow;

/// One allowed change of Stage, the event that makes it and the code that makes it.
struct StageTransition {
  Stage from, to;
  std::string_view event, by;
};

/// Every stage change the services make. Leaving a bed always passes through AtHome (the discharge is recorded
/// there) before the next service takes the person at the same instant; a census warm start places people
/// straight from Free.
inline constexpr std::array kStageTransitions = {
    StageTransition{Stage::Free, Stage::InAe, "A&E attendance", "EmergencyDemand::attend"},
    StageTransition{Stage::Free, Stage::AwaitingBed, "direct (GP-referred) admission asks for a bed", "AcuteBeds::request"},
    StageTransition{Stage::InAe, Stage::AwaitingBed, "decision to admit after treatment", "AcuteBeds::request"},
    StageTransition{Stage::InAe, Stage::Free, "leaves A&E, not admitted or same-day emergency care",
                    "EmergencyDepartment::finish_treatment"},
    StageTransition{Stage::AwaitingBed, Stage::InBed, "bed granted", "AcuteBeds::admit"},
    StageTransition{Stage::InBed, Stage::Delayed, "medically fit on P1–P3 (a P0 patient held by the winter discharge dip stays InBed)",
                    "Discharge::medically_fit"},
    StageTransition{Stage::InBed, Stage::AtHome, "medically fit on P0: leaves the bed", "AcuteBeds::leave"},
    StageTransition{Stage::InBed, Stage::Free, "dies in hospital (where the stay would have reached medically fit)",
                    "AcuteBeds::die"},
    StageTransition{Stage::Delayed, Stage::Delayed, "assessed, held by the winter discharge dip", "Discharge::held"},
    StageTransition{Stage::Delayed, Stage::AtHome, "leaves the bed: home, or a place on the pathway is granted",
                    "AcuteBeds::leave"},
    StageTransition{Stage::AtHome, Stage::AtHome, "discharged home with a 30-day readmission to come", "AfterDischarge::home"},
    StageTransition{Stage::AtHome, Stage::InReablement, "reablement place granted (P1), same instant as leaving the bed",
                    "DownstreamCare::start"},
    StageTransition{Stage::AtHome, Stage::InIntermediateCare, "intermediate-care place granted (P2), same instant as leaving the bed",
                    "DownstreamCare::start"},
    StageTransition{Stage::AtHome, Stage::InCareHome, "care-home bed granted (P3), same instant as leaving the bed",
                    "CareHomes::admit"},
    StageTransition{Stage::AtHome, Stage::AwaitingCareHome, "91-day outcome: moves to a care home", "AfterDischarge::outcome"},
    StageTransition{Stage::AtHome, Stage::AwaitingBed, "readmission (30-day, or the 91-day outcome) asks for a bed",
                    "AcuteBeds::request"},
    StageTransition{Stage::AtHome, Stage::Free, "nothing more to come: no readmission, a 91-day death, or no care homes modelled",
                    "AfterDischarge::home, AfterDischarge::outcome"},
    StageTransition{Stage::InReablement, Stage::AtHome, "package ends with a 91-day outcome to come", "DownstreamCare::finish"},
    StageTransition{Stage::InReablement, Stage::Free, "package ends, at home at 91 days", "DownstreamCare::finish"},
    StageTransition{Stage::InIntermediateCare, Stage::AtHome, "stay ends with a 91-day outcome to come",
                    "DownstreamCare::finish"},
    StageTransition{Stage::InIntermediateCare, Stage::Free, "stay ends, at home at 91 days", "DownstreamCare::finish"},
    StageTransition{Stage::InIntermediateCare, Stage::DelayedNonAcute,
                    "stay ends in a care-home move: waits in the bed for the place (a non-acute delay)", "DownstreamCare::finish"},
    StageTransition{Stage::DelayedNonAcute, Stage::InCareHome, "care-home bed granted; the intermediate-care place is freed",
                    "CareHomes::admit"},
    StageTransition{Stage::Free, Stage::DelayedNonAcute, "census warm start", "DownstreamCare::resume_waiting"},
    StageTransition{Stage::Free, Stage::AwaitingCareHome, "community referral to a care home (or a census row waiting for one)",
                    "CareHomes::community_arrival, place_census"},
    StageTransition{Stage::AwaitingCareHome, Stage::InCareHome, "care-home bed granted", "CareHomes::admit"},
    StageTransition{Stage::InCareHome, Stage::Free, "dies", "CareHomes::stay_ends"},
    StageTransition{Stage::InCareHome, Stage::InAe, "a resident attends A&E, keeping their place (care_homes.residents_ae)",
                    "EmergencyDemand::resident_attends"},
    StageTransition{Stage::InAe, Stage::InCareHome, "a resident not admitted (or SDEC, or left without being seen) goes back",
                    "CareHomes::return_home"},
    StageTransition{Stage::AtHome, Stage::InCareHome, "a resident discharged from their stay goes back to their home",
                    "CareHomes::return_home"},
    StageTransition{Stage::Free, Stage::InCareHome, "initial resident, or census warm start",
                    "CareHomes::start, CareHomes::resume"},
    StageTransition{Stage::Free, Stage::InBed, "census warm start", "AcuteBeds::resume_stay"},
    StageTransition{Stage::Free, Stage::InReablement, "census warm start", "DownstreamCare::resume"},
    StageTransition{Stage::Free, Stage::InIntermediateCare, "census warm start", "DownstreamCare::resume"},
    StageTransition{Stage::Free, Stage::AtHome, "census warm start", "AfterDischarge::resume"},
    StageTransition{Stage::InAe, Stage::InVirtualWard, "step-up: a would-be admission treated on the virtual ward instead of a bed",
                    "VirtualWards::step_up"},
    StageTransition{Stage::AtHome, Stage::InVirtualWard, "step-down: virtual-ward slot taken, same instant as leaving the bed",
                    "VirtualWards::step_down"},
    StageTransition{Stage::InVirtualWard, Stage::AtHome, "step-down stay ends: home on the P0 path (30-day readmission to come or not)",
                    "VirtualWards::finish"},
    StageTransition{Stage::InVirtualWard, Stage::Free, "step-up stay ends: home, nothing more modelled", "VirtualWards::finish"},
};

[[nodiscard]] constexpr bool transition_allowed(Stage from, Stage to) {
  for (const StageTransition& t : kStageTransitions)
    if (t.from == from && t.to == to) return true;
  return false;
}

/// PatientPool::TransitionCheck for invariant checks: throws ModelError on a change the table does not allow.
void check_stage_transition(Stage from, Stage to, std::uint32_t id);

[[nodiscard]] std::string_view stage_name(Stage stage);
/// kStageTransitions as a markdown table (for docs/DESIGN.md).
[[nodiscard]] std::string stage_transitions_markdown();

/// A readmission after a discharge home falls uniformly within this window.
inline constexpr double k30Days = 30.0 * engine::kMinutesPerDay;
/// The follow-up of reablement and intermediate care (ASCOF 2B).
inline constexpr double k91Days = 91.0 * engine::kMinutesPerDay;
/// When a 91-day event falls, from its uniform `u`: 91 d × u², so P(within t) = √(t / 91 d). Readmissions and deaths
/// after discharge are most likely in the first weeks (the hazard falls as 1/√t): 57 % of the 91-day events fall in
/// the first 30 days, as about half or more of 90-day emergency readmissions do.
[[nodiscard]] constexpr double outcome_delay_91d(double u) { return k91Days * u * u; }
/// The inverse: the uniform whose event falls `t` after discharge.
[[nodiscard]] inline double outcome_u_at(double t) { return std::sqrt(std::clamp(t / k91Days, 0.0, 1.0)); }

/// Categorical draw by running sums: the first k with u < w[0] + … + w[k] (summed left to right), or N when u is
/// past them all.
template <std::size_t N>
[[nodiscard]] std::size_t first_cumulative_above(double u, const std::array<double, N>& weights) {
  double cumulative = 0;
  for (std::size_t k = 0; k < N; ++k) {
    cumulative += weights[k];
    if (u < cumulative) return k;
  }
  return N;
}

/// The 91-day outcome that uniform `u` picks from the hazards (what is left over is NoEvent).
[[nodiscard]] Outcome91d outcome_91d(const Hazards91d& hazards, double u);

/// The draws of a hospital episode, made at admission.
class DischargeTiming;

class CarePathway {
 public:
  /// `winter`, `timing` and `schemes` may be null (the scenario has none); they change the LOS, shares and delays drawn.
  CarePathway(const Context& ctx, const WinterFlow* winter, const DischargeTiming* timing, const SchemeEffects* schemes);
  /// Draws p.episode for an admission now at `site`, with `pathway` fixed when a census row names it. The order of
  /// draws is fixed: LOS, pathway uniform, assessment delay, downstream duration, four outcome uniforms, the
  /// death-in-hospital uniform only when the scenario has hospital deaths, the two discharge-timing uniforms only
  /// with discharge timing, then the discharge-dip uniform only when winter has a dip.
  void draw_episode(Patient& p, std::size_t site, std::optional<Pathway> pathway = std::nullopt) const;
  /// With discharge timing, moves the moment the patient is ready to leave the bed (P0: the end of the stay, fit at
  /// `fit_at`; P1–P3: the end of the assessment) to their departure time, never before `not_before` (admission, or
  /// now at a census); a departure before `fit_at` shortens the stay and leaves no assessment delay. A death is not
  /// retimed. Called once the stay is known: after draw_episode at admission, after the residual stay at a census.
  void time_departure(Patient& p, double fit_at, double not_before) const;

 private:
  const Context& ctx_;
  const WinterFlow* winter_;
  const DischargeTiming* timing_;
  const SchemeEffects* schemes_;
};

}  // namespace pfsim::models
