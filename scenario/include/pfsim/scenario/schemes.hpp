#pragma once
// Savings schemes (QIPP / BCF, DESIGN §3): named, costed changes to model parameters with an uncertain delivered
// fraction. Plain data: the loader fills SchemeSettings; the models sample and apply it.
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pfsim/scenario/condition.hpp"

namespace pfsim::scenario {

/// What a scheme's effect changes. Rates thin the arrivals they target (each person avoided or not, keyed by their
/// own arrival index so everybody else keeps their draws); probabilities, durations and pathway shares change the
/// value used at the person's existing draw; capacities change in whole units at weekly steps.
enum class SchemeTarget : std::uint8_t {
  AeAttendances,            // rate: A&E attendances (filters: locality, age_band); multiplier ≤ 1
  DirectAdmissions,         // rate: direct/GP emergency admissions (locality, age_band); multiplier ≤ 1
  CareHomeCommunity,        // rate: community permanent care-home admissions (locality, age_band); multiplier ≤ 1
  AdmitProbability,         // probability: P(admitted | A&E attendance) (locality, age_band, site)
  Readmission30d,           // probability: 30-day readmission after a home discharge (locality, age_band, site)
  Los,                      // duration: stay until medically fit (locality, age_band, site)
  AssessmentDelay,          // duration: medically fit → assessment done (age_band, site, pathway)
  PathwayShare,             // share of `pathway` (one of P1–P3), the difference moved to/from `to` (age_band, site)
  WeekendDischarge,         // probability: the Saturday and Sunday discharge factors, discharge.timing.weekday[5, 6] and
                            // winter.discharge.weekend_factor (site)
  DischargeBeforeNoon,      // probability: the share of discharge.timing.hour before 12:00 (locality, age_band, site)
  ReablementHazards,        // multiplier on the 91-day readmit / care-home / death hazards of reablement (age_band)
  IntermediateCareHazards,  // the same for intermediate care
  GeneralBeds,              // capacity: sites[].beds.general (site)
  ReablementCapacity,       // capacity: reablement.capacity
  IntermediateCareCapacity, // capacity: intermediate_care.capacity
  CareHomeBeds,             // capacity: care_homes.beds
  VirtualWardCapacity,      // capacity: virtual_wards.capacity (site)
  ElectiveReferrals,        // rate: planned-care referrals, RTT clock starts (locality, age_band); multiplier ≤ 1
  ElectiveAdmittedShare,    // probability: P(admitted | referral), the conversion to treatment (locality, age_band, site)
  AmbulanceConveyance,      // probability: ambulance.conveyed_share.not_admitted; the rest are seen and treated at the
                            // scene instead of attending A&E (locality, age_band, site); multiplier ≤ 1
  Count
};
inline constexpr std::size_t kSchemeTargetCount = static_cast<std::size_t>(SchemeTarget::Count);

/// Scenario-file names of the targets, indexed by SchemeTarget (header-only: the scenario loader uses it).
inline constexpr std::array<std::string_view, kSchemeTargetCount> kSchemeTargetNames = {
    "ae.attendances", "admission.direct", "care_homes.community_admissions", "ae.admit", "readmission.within_30d",
    "admission.los", "discharge.assessment_delay", "discharge.pathway_share", "discharge.weekend_factor",
    "discharge.before_noon", "reablement.hazards", "intermediate_care.hazards", "beds.general", "reablement.capacity",
    "intermediate_care.capacity", "care_homes.beds", "virtual_wards.capacity", "planned_care.referrals",
    "planned_care.admitted_share", "ambulance.conveyed_share"};

/// Which people or places an effect applies to; an empty list means all.
struct SchemeFilter {
  std::vector<std::size_t> localities, bands, sites;
  std::vector<int> pathways;  // 1–3 (P1–P3)
  std::vector<Condition> conditions;  // ae.admit and admission.direct only: the person's condition (DESIGN §3 Conditions)
  [[nodiscard]] bool matches(std::size_t locality, std::size_t band, std::size_t site, int pathway,
                             Condition condition = Condition::Other) const;
};

/// One change: value × (1 + s·(multiplier − 1)), or value + s·delta, with s = delivered fraction × ramp(t).
struct SchemeEffect {
  SchemeTarget target = SchemeTarget::AeAttendances;
  SchemeFilter filter;
  bool is_delta = false;
  double multiplier = 1.0;
  double delta = 0.0;         // in the target's units (minutes for durations, whole units for capacities)
  int to_pathway = 0;         // PathwayShare: where the share taken from (or given to) `pathway` comes from
};

/// Beta(a, b) over the delivered fraction; a == b == 0 means the degenerate prior at `fixed`.
struct DeliveryPrior {
  double a = 0, b = 0;
  double fixed = 1.0;
  [[nodiscard]] bool degenerate() const { return a <= 0 || b <= 0; }
  [[nodiscard]] double mean() const { return degenerate() ? fixed : a / (a + b); }
};

struct Scheme {
  std::string name, owner, area, source;  // source: the file it came from
  double cost_gbp = 0;                   // cost of running the scheme (reported, not netted)
  double value_gbp = 0;                  // money saving at full delivery with no flow effect (prescribing, ...)
  std::chrono::year_month_day start{std::chrono::year{2019} / 4 / 1};
  double ramp_up = 0;                    // minutes from start to full effect (linear)
  DeliveryPrior prior;
  std::string delivery_label;            // e.g. "stage in_progress", "rag amber", "beta(2, 3)"
  int group = -1;                        // index into SchemeSettings::groups, -1 = none
  std::vector<SchemeEffect> effects;     // empty = money only
};

/// Schemes sharing an enabler: their delivered fractions come from a Gaussian copula whose normals have
/// pairwise correlation `correlation` (a shared draw from stream "scheme-group/<name>").
struct SchemeGroup {
  std::string name;
  double correlation = 0.5;
};

/// £ per unit of activity changed, applied to (run without schemes − run with schemes) in each replication.
struct SchemeTariff {
  double per_attendance_avoided = 0;
  double per_admission_avoided = 0;
  double per_bed_day_saved = 0;
};

/// A target on a KPI: met in a replication when the KPI is ≤ max (or ≥ min).
/// The loader checks the KPI name against kpi_catalogue(); `file:line:column` locate it for later messages.
struct KpiTarget {
  std::string kpi;
  double value = 0;
  bool at_most = true;
  std::string file;
  int line = 0, column = 0;
};

struct SchemeSettings {
  std::vector<Scheme> schemes;
  std::vector<SchemeGroup> groups;
  SchemeTariff tariff;
  std::optional<double> qipp_target_gbp;
  std::vector<KpiTarget> kpi_targets;
};

/// The KPI tornados and the flow savings per scheme come from a least-squares regression of per-replication results
/// on the delivered fractions of the schemes whose delivery varies between replications. It is fitted only with at
/// least this many replications more than those schemes; with fewer, /qipp/tornado/<kpi> holds zeros and the report
/// says so instead of drawing empty bars.
inline constexpr std::size_t kRegressionSpareReplications = 3;

/// Activity changed by the schemes in one replication: run without schemes minus run with them.
enum class SchemeActivity : std::size_t { AttendancesAvoided, AdmissionsAvoided, BedDaysSaved, DtocDaysSaved, Count };
inline constexpr std::size_t kSchemeActivityCount = static_cast<std::size_t>(SchemeActivity::Count);
const std::array<std::string_view, kSchemeActivityCount>& scheme_activity_names();


}  // namespace pfsim::scenario
