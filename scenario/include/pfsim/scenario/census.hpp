#pragma once
// A census: who is where at the moment a run starts (DESIGN §2 "warm start"). A run given a census starts with
// these people in place; their remaining stays are drawn from the stay distributions conditioned on the time
// already spent (residual life), not restarted. `pfsim run --save-census` writes the simulated state in the
// same form, so a long run can seed short forecasts.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "pfsim/scenario/pathway.hpp"

namespace pfsim::scenario {

/// Where a person is.
enum class CensusKind : std::uint8_t { Acute, Reablement, IntermediateCare, CareHome, AtHome };

/// What they are doing there. Acute: InBed (not yet medically fit), DelayedAssessment (medically fit, pathway
/// assessment not yet done), DelayedPathway (assessed, waiting for a place on the pathway). Reablement and
/// intermediate care: InService. Care homes: Resident, or Waiting in the community for a place. At home, discharged
/// from an acute bed, with an event still to come: Readmission30d (emergency readmission within 30 days of a home
/// discharge), Readmission91d or CareHome91d (the 91-day outcome of reablement or intermediate care).
enum class CensusStatus : std::uint8_t { InBed, DelayedAssessment, DelayedPathway, InService, Resident, Waiting,
                                         Readmission30d, Readmission91d, CareHome91d };

struct CensusPerson {
  CensusKind kind = CensusKind::Acute;
  CensusStatus status = CensusStatus::InBed;
  std::size_t site = 0;            // acute site; for the others the site a readmission goes to
  std::size_t locality = 0;
  std::size_t band = 0;
  /// Minutes since admission (acute, care home), since the package or stay began, or since the acute discharge
  /// (at home); NaN = not known (care-home
  /// residents only: their remaining stay is then the forward-recurrence time of the stay distribution).
  double elapsed = std::numeric_limits<double>::quiet_NaN();
  double delayed = 0;              // minutes since medically fit (DelayedAssessment / DelayedPathway)
  std::optional<Pathway> pathway;  // acute: the planned or awaited pathway (absent = drawn as for an admission)
};

/// Everyone holding a bed or a place is placed first; then those waiting (DelayedPathway, care-home Waiting) ask
/// for their place in the order they appear here, which is their order in each queue.
struct Census {
  std::vector<CensusPerson> people;
  std::string source;              // where it came from (file name or "census section"), for messages
};

/// Text of the census enums, as written in census files (inline: the scenario loader is built without the models).
inline const char* census_kind_name(CensusKind kind) {
  switch (kind) {
    case CensusKind::Acute: return "acute";
    case CensusKind::Reablement: return "reablement";
    case CensusKind::IntermediateCare: return "intermediate_care";
    case CensusKind::CareHome: return "care_home";
    case CensusKind::AtHome: return "at_home";
  }
  return "?";
}

inline const char* census_status_name(CensusStatus status) {
  switch (status) {
    case CensusStatus::InBed: return "in_bed";
    case CensusStatus::DelayedAssessment: return "delayed_assessment";
    case CensusStatus::DelayedPathway: return "delayed_pathway";
    case CensusStatus::InService: return "in_service";
    case CensusStatus::Resident: return "resident";
    case CensusStatus::Waiting: return "waiting";
    case CensusStatus::Readmission30d: return "readmission_30d";
    case CensusStatus::Readmission91d: return "readmission_91d";
    case CensusStatus::CareHome91d: return "care_home_91d";
  }
  return "?";
}

}  // namespace pfsim::scenario
