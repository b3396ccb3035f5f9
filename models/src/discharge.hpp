#pragma once
// From medically fit to leaving the acute bed: pathway, assessment, waiting for the pathway (DToC).
#include <cstdint>

#include "context.hpp"

namespace pfsim::models {

class AcuteSites;
class AfterDischarge;
class CareHomes;
class DischargeTiming;
class DownstreamCare;
class WinterFlow;

class Discharge {
 public:
  /// The pathway services (reablement P1, intermediate care P2, care homes P3) are null when not modelled: that
  /// pathway then goes home once assessed. `winter` (may be null) holds discharges on reduced days; `timing` (may be
  /// null) sets the departure time of a census patient still waiting for assessment.
  Discharge(Context& ctx, AcuteSites& sites, DownstreamCare* reablement, DownstreamCare* intermediate_care, CareHomes* care_homes,
            AfterDischarge& after_discharge, const WinterFlow* winter, const DischargeTiming* timing);
  void medically_fit(std::uint32_t id);
  /// Census warm start: a delayed patient still waiting for assessment; what is left of it is the residual of the
  /// assessment-delay distribution given the time since medically fit.
  void resume_assessment(std::uint32_t id);
  /// Assessed: asks for a place on the pathway now (or goes home when the pathway's service is not modelled).
  void start_pathway(std::uint32_t id);

 private:
  void assessed(std::uint32_t id);
  void home_from_bed(std::uint32_t id);
  /// True when the winter discharge dip holds the patient until a working morning (the event is then scheduled).
  bool held(std::uint32_t id, engine::HandlerId retry);

  Context& ctx_;
  AcuteSites& sites_;
  DownstreamCare* reablement_;
  DownstreamCare* intermediate_care_;
  CareHomes* care_homes_;
  AfterDischarge& after_discharge_;
  const WinterFlow* winter_;
  const DischargeTiming* timing_;
  engine::HandlerId assessed_, home_from_bed_;
};

}  // namespace pfsim::models
