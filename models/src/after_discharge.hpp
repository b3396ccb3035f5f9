#pragma once
// What follows a discharge home: 30-day readmissions and the 91-day outcomes of reablement/intermediate care.
#include <cstdint>

#include "context.hpp"

namespace pfsim::models {

class AcuteSites;
class CareHomes;
class SchemeEffects;

class AfterDischarge {
 public:
  /// What a person at home is still waiting for (census warm start).
  enum class Pending : std::uint8_t {
    Readmission30d,  // the 30-day readmission after a discharge straight home
    Readmission91d,  // the 91-day outcome of reablement or intermediate care: readmitted
    CareHome91d,     // the 91-day outcome: moves to a care home
  };

  /// Readmissions go back to the site that discharged them in `sites`; care-home moves to `care_homes` (null when
  /// not modelled: the person leaves the model). `schemes` (may be null) can change the 30-day readmission rate.
  AfterDischarge(Context& ctx, AcuteSites& sites, CareHomes* care_homes, const SchemeEffects* schemes);
  /// Discharged home (P0, or a pathway whose service is not modelled).
  void home(std::uint32_t id);
  /// Applies a 91-day outcome now, or schedules it for when it falls due.
  void outcome(std::uint32_t id);
  /// Census warm start: discharged from an acute bed at `discharged_at` with `pending` still to come, drawn from
  /// the event's time distribution given that it has not happened yet (uniform over what is left of 30 days; the
  /// 91-day events by outcome_delay_91d).
  void resume(std::uint32_t id, double discharged_at, Pending pending);

 private:
  void readmit(std::uint32_t id);

  Context& ctx_;
  AcuteSites& sites_;
  CareHomes* care_homes_;
  const SchemeEffects* schemes_;
  engine::HandlerId readmit_, outcome_due_;
};

}  // namespace pfsim::models
