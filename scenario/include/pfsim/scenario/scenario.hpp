#pragma once
// A parsed and validated scenario (DESIGN §4): plain immutable data, no YAML. The loader (pfsim/loader)
// builds it; System (pfsim/models/system.hpp) is built from it once per replication.
// Every time is in minutes; every rate is per year unless its name says otherwise.
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pfsim/engine/arrivals.hpp"
#include "pfsim/engine/distribution.hpp"
#include "pfsim/engine/invariants.hpp"
#include "pfsim/scenario/census.hpp"
#include "pfsim/scenario/condition.hpp"
#include "pfsim/scenario/pathway.hpp"
#include "pfsim/scenario/routing.hpp"
#include "pfsim/scenario/schemes.hpp"

namespace pfsim::scenario {

using engine::Distribution;

struct RunSettings {
  std::chrono::year_month_day start_date{std::chrono::year{2019} / 4 / 1};  // first measured day
  int days = 365;                 // measured period
  int warmup_days = 0;            // simulated before start_date, excluded from every KPI
  bool warmup_auto = false;       // `warmup_days: auto`: choose_warmup() sets warmup_days from a pilot run (MSER-5)
  int replications = 10;
  std::uint64_t seed = 1;
  // Not a scenario key: set by `pfsim run --check` (on by default in debug builds). Checks never change results.
  bool check_invariants = engine::kInvariantChecksByDefault;
};

struct Locality {
  std::string name;
  std::string area;                 // e.g. the CCG or council; free text
  std::vector<double> people;       // by age band
  std::vector<double> growth;       // annual fractional growth by age band (0.02 = +2 %/yr); empty = none
};

struct Population {
  std::vector<std::string> age_bands;   // labels as written, e.g. "0-17", "85+", or "all"
  std::vector<int> band_min_age;        // lower age of each band ("all" → 0)
  std::vector<bool> band_is_adult;      // band counts towards 18+ denominators ("all" → true)
  std::vector<bool> band_is_65plus;     // band counts towards 65+ denominators ("all" → true)
  std::vector<Locality> localities;
};

/// Clinicians on duty: 24 hourly values for weekdays (Mon–Fri) and weekends, or one constant.
struct ClinicianRota {
  std::array<int, 24> weekday{};
  std::array<int, 24> weekend{};
};

/// A&E minors / urgent treatment centre stream with its own clinicians (ae.minors_share says who belongs to it).
struct MinorsStream {
  ClinicianRota clinicians;
  Distribution treatment;                 // clinician time per minors attendance
  /// 1: a minors stream inside the type 1 emergency department; 3: a co-located urgent treatment centre / minor
  /// injuries unit that reports as its own (type 3) department, so its patients count in the all-types 4-hour %
  /// but not in the type 1 one (NHS England A&E attendances and emergency admissions statistics, definitions).
  int department_type = 1;
};

struct SiteAe {
  ClinicianRota clinicians;
  Distribution treatment;                 // clinician time per attendance
  std::optional<Distribution> triage;     // delay before joining the clinician queue (not capacity-limited)
  /// Treatment spaces (cubicles, trolleys, chairs): each patient holds one from the end of triage until they leave
  /// A&E, admitted patients until a bed is found, so a full hospital slows everyone. Unset: no limit.
  std::optional<int> cubicles;
  /// Minors patients are seen by these clinicians instead (unset: by `clinicians`, still without a cubicle).
  std::optional<MinorsStream> minors;
};

struct Site {
  std::string name;
  std::optional<SiteAe> ae;               // a site without `ae` has no emergency department
  int general_beds = 0;
  int escalation_beds = 0;                // closed unless winter.escalation opens them
};

struct AeSettings {
  std::vector<double> attendances_per_1000_per_year;   // by age band
  engine::RateProfile arrival_profile = engine::RateProfile::flat();  // normalised to mean 1
  std::vector<std::vector<double>> site_choice;        // [locality][site] shares, each row sums to 1
  std::vector<double> admit_probability;               // by age band: P(admitted | attendance)
  double sdec_share = 0.0;                             // share of admissions that are same-day (no bed)
  /// By age band: P(treated in minors / an urgent treatment centre stream | not admitted). Minors patients need no
  /// cubicle (SiteAe::cubicles). Empty: everyone is treated in majors.
  std::vector<double> minors_share;
  /// Patients who will be admitted (the sicker ones: triage categories 1-2 in the main) are seen before the rest,
  /// each group in arrival order; false: everyone in arrival order.
  bool acuity_priority = false;
  /// How long a patient who will not be admitted waits for a cubicle or a clinician (from the end of triage) before
  /// leaving without being seen; unset: nobody leaves.
  std::optional<Distribution> patience;
};

struct AdmissionSettings {
  std::vector<double> direct_per_1000_per_year;        // by age band; empty = no direct admissions
  std::vector<Distribution> los;                       // by age band: bed stay until medically fit
  /// By age band: P(the stay ends in death in hospital) for a bedded admission; empty = nobody dies in hospital.
  /// The death falls where the stay would have ended (medically fit).
  std::vector<double> died_in_hospital;
  /// Why people are admitted (DESIGN §3 *Conditions*): by condition (Condition, Falls first), the share of emergency
  /// admissions of each age band; the rest are Other. Empty = no condition is drawn and its KPIs are not written.
  std::vector<std::vector<double>> condition_shares;
};

/// Who a delayed day is attributed to (shares sum to 1).
struct DelayAttribution {
  double nhs = 1.0, social_care = 0.0, both = 0.0;
};

/// Why a medically fit patient is still in a bed (NHS England DToC sitrep reasons, DESIGN §5.2): waiting for the
/// pathway's assessment (reason A), for a reablement or home-care start (E), for intermediate care (C, further
/// non-acute NHS care) or for a care-home place (D).
enum class DelayReason : std::uint8_t { Assessment, Reablement, IntermediateCare, CareHome };

/// Who a delayed day is attributed to, by its reason: the sitrep attributes each delayed day by the reason the
/// patient is waiting, not by who they are. Defaults follow the usual responsibility for each reason.
struct DelayAttributionRules {
  std::array<DelayAttribution, kPathways> assessment{};  // by pathway; P0 unused (a P0 patient is never delayed)
  DelayAttribution reablement{0.0, 1.0, 0.0};
  DelayAttribution intermediate_care{1.0, 0.0, 0.0};
  DelayAttribution care_home{0.0, 1.0, 0.0};

  [[nodiscard]] const DelayAttribution& of(DelayReason reason, Pathway pathway) const {
    switch (reason) {
      case DelayReason::Assessment: return assessment[static_cast<std::size_t>(pathway)];
      case DelayReason::Reablement: return reablement;
      case DelayReason::IntermediateCare: return intermediate_care;
      case DelayReason::CareHome: break;
    }
    return care_home;
  }
};

/// When people leave an acute bed (DESIGN §3 Discharge timing): the stay decides the day and `hour` the time of day
/// (relative weights, hour 0 = 00:00–01:00); on a day whose `weekday` factor (Monday first, the busiest day 1) is
/// below 1, only that share of the day's leavers go and the rest leave on the next day that takes them.
struct DischargeTimingSettings {
  std::array<double, 24> hour{};
  std::array<double, 7> weekday{1, 1, 1, 1, 1, 1, 1};
};

struct DischargeSettings {
  using PathwayShares = std::array<double, kPathways>;
  PathwayShares pathway_share{1.0, 0.0, 0.0, 0.0};    // every adult band, unless given by band; under-18s always P0
  std::vector<PathwayShares> pathway_share_by_band;  // by age band (under-18 rows unused); empty = pathway_share
  std::array<std::optional<Distribution>, kPathways> assessment_delay{};  // P0 entry unused
  DelayAttributionRules attribution;
  std::optional<DischargeTimingSettings> timing;  // absent: people leave the moment they are ready

  [[nodiscard]] const PathwayShares& shares(std::size_t band) const {
    return pathway_share_by_band.empty() ? pathway_share : pathway_share_by_band[band];
  }
};

/// Outcome probabilities within 91 days of hospital discharge; the rest are at home.
struct Hazards91d {
  double readmit = 0.0, care_home = 0.0, death = 0.0;
};

/// Reablement (P1, packages) or intermediate care (P2, beds).
struct DownstreamService {
  int capacity = 0;
  Distribution duration;
  Hazards91d hazards;                      // every band, unless given by band
  std::vector<Hazards91d> hazards_by_band; // by age band; empty = hazards

  [[nodiscard]] const Hazards91d& hazards_for(std::size_t band) const {
    return hazards_by_band.empty() ? hazards : hazards_by_band[band];
  }
};

/// Care-home residents' own emergency demand: A&E attendances per resident-year (a Poisson process while in the
/// home) and the share of them admitted. A resident keeps their place while away and goes back to it.
struct CareHomeResidentsAe {
  double attendances_per_year = 0.0;
  double admit = 0.0;
};

struct CareHomeSettings {
  int beds = 0;
  int initial_residents = 0;
  double community_admissions_per_1000_65plus = 0.0;   // per year
  Distribution stay;                                   // permanent stay, ended by death
  std::optional<CareHomeResidentsAe> residents_ae;     // absent: residents never go to hospital
};

struct ReadmissionSettings {
  std::vector<double> within_30d;                      // by age band
};

struct PrimaryCareSettings {
  std::vector<double> appointments_per_person_per_year;  // by age band (demand)
  std::vector<double> slots_per_week;                    // by locality (capacity)
  double daily_cv = 0.0;                                 // coefficient of variation of daily demand
  double unmet_to_ae = 0.0;                              // share of unmet demand that attends A&E the same day
};

inline constexpr std::size_t kMonths = 12;

/// Weekend and bank-holiday discharge dip: on such a day a patient ready to leave the acute bed (P0: medically
/// fit; P1–P3: assessment complete) leaves with probability `factor`, otherwise at the next working morning.
struct WinterDischarge {
  double weekend_factor = 1.0;                              // Saturdays and Sundays
  double bank_holiday_factor = 1.0;                         // the dates below, whatever the weekday
  std::vector<std::chrono::year_month_day> bank_holidays;
};

/// Norovirus/flu outbreaks at one site: starts are a Poisson process with a rate per calendar month; each closes a
/// number of beds for a duration, then they reopen.
struct WinterOutbreaks {
  std::size_t site = 0;
  std::array<double, kMonths> per_month{};  // expected outbreak starts in each month (January first)
  Distribution duration;                    // minutes
  Distribution beds_closed;                 // count (rounded to a whole number, at least 0)
};

/// Escalation beds (sites[].beds.escalation) open when occupancy of the open general beds is above
/// `open_above_pct` at `for_hours` consecutive hourly checks, and close when it falls below `close_below_pct`.
struct EscalationSettings {
  double open_above_pct = 95.0;
  double close_below_pct = 90.0;
  int for_hours = 4;
};

/// OPEL level 1–4 per site per day: 1 + the number of thresholds reached by the midnight occupancy of the open
/// general beds (and, optionally, by the number of patients waiting for a bed); the higher level wins.
struct OpelSettings {
  std::array<double, 3> occupancy_pct{85.0, 92.0, 97.0};
  std::optional<std::array<double, 3>> trolley_waits;
};

/// Winter pressures (DESIGN §3). Every part is optional; a part left out has no effect and draws nothing.
struct WinterSettings {
  std::optional<std::array<std::vector<double>, kMonths>> arrival_multiplier;  // [month][band], A&E and direct
  std::optional<std::array<double, kMonths>> los_multiplier;                   // by month of admission
  std::optional<WinterDischarge> discharge;
  std::vector<WinterOutbreaks> outbreaks;
  std::optional<EscalationSettings> escalation;
  std::optional<OpelSettings> opel;
};

/// The ordinary English year (DESIGN §3): multipliers by calendar month (January first; 1 where left out) on what
/// changes with the seasons, and the outbreaks an ordinary winter brings. A `winter` section multiplies on top of it
/// (a bad winter). Every part is optional; a part left out has no effect and draws nothing.
struct SeasonSettings {
  std::optional<std::array<std::vector<double>, kMonths>> admit;              // [month][band] × ae.outcomes.admit
  std::optional<std::array<std::vector<double>, kMonths>> direct_admissions;  // [month][band], replaces ae.arrival_profile.month
  std::optional<std::array<std::vector<double>, kMonths>> los;                // [month of admission][band] × admission.los
  std::optional<std::array<double, kMonths>> ae_clinicians;                   // × every A&E rota (majors and minors)
  std::optional<std::array<double, kMonths>> assessment_delay;                // × P1–P3 assessment delays, month of readiness
  std::vector<WinterOutbreaks> outbreaks;                                     // drawn from "seasons/outbreaks/<site>"
};

/// Virtual wards (hospital at home, DESIGN §3): a loss system of slots per site. Step-down takes eligible patients
/// out of an acute bed early; step-up treats some would-be A&E admissions on the ward instead of a bed. A patient
/// who finds no free slot carries on as without the ward (stays in the bed / is admitted).
struct VirtualWardStepDown {
  std::vector<double> eligible;   // by age band: share of admissions on pathway P0 (home when fit) that may step down
  Distribution shortening;        // acute stay shortened by this (capped at the stay), spent on the virtual ward
};
struct VirtualWardStepUp {
  std::vector<double> share;      // by age band: share of A&E admissions (decision to admit, not SDEC) offered the ward
  Distribution los;               // stay on the virtual ward, then home (leaves the model)
};
struct VirtualWardSettings {
  std::vector<int> capacity;                    // slots by site (scenario order); 0 = no virtual ward at that site
  std::optional<VirtualWardStepDown> step_down; // absent → no step-down
  std::optional<VirtualWardStepUp> step_up;     // absent → no step-up
};

/// Planned (elective) care (DESIGN §3 Planned care): referral-to-treatment (RTT) pathways by locality and specialty,
/// admitted waiting lists served by theatre sessions in clinical-priority-then-date order, elective beds, and
/// operations cancelled on the day when no bed is free.
inline constexpr std::size_t kElectivePriorities = 4;  // P1 (most urgent) .. P4 (routine): the surgical prioritisation
struct ElectiveSpecialty {
  std::string name;
  std::vector<double> referrals_per_1000_per_year;  // by age band: RTT clock starts
  double admitted_share = 0.0;      // clock starts that end in an elective admission; the rest stop non-admitted
  Distribution non_admitted_wait;   // clock start to a non-admitted clock stop (treated in outpatients, or discharged)
  Distribution decision_to_list;    // clock start to joining the admitted waiting list (outpatients, diagnostics)
  std::array<double, kElectivePriorities> priority_share{0.0, 0.0, 0.0, 1.0};  // of listed patients
  double day_case_share = 0.0;      // of listed patients: treated and home the same day, no bed
  Distribution case_minutes;        // theatre time per case
  Distribution los;                 // ordinary elective (inpatient) stay
};
/// A site's elective capacity. Theatre time is shared by every specialty the site lists.
struct ElectiveSite {
  std::array<int, 7> sessions{};    // theatre sessions by weekday, Monday first
  double session_minutes = 240.0;
  /// The bed plan of the lists: at most this many inpatients booked a day, by weekday (Monday first); the rest of
  /// the sessions go to day cases. Empty: no limit (inpatients are booked as theatre time allows).
  std::vector<int> inpatients_per_day;
  /// > 0: inpatients take these beds (an elective ward no emergency patient uses); 0: they take the site's general
  /// beds, which emergency patients waiting for a bed get first.
  int ring_fenced_beds = 0;
  /// With ring-fenced beds: when the ward is full, take a free general bed before cancelling.
  bool overflow_to_general_beds = false;
  /// With ring-fenced beds: winter escalation beds (sites[].beds.escalation) are opened on the elective ward, which
  /// loses as many beds while they are open (the usual source of escalation beds in English trusts).
  bool escalation_beds_from_ward = false;

  [[nodiscard]] bool has_sessions() const {
    for (int n : sessions)
      if (n > 0) return true;
    return false;
  }
};
/// Routine inpatient electives not booked on given dates (winter escalation: national direction to defer them);
/// day cases go ahead.
struct ElectiveDeferral {
  std::vector<std::pair<std::chrono::year_month_day, std::chrono::year_month_day>> periods;  // first and last day
  std::array<bool, kElectivePriorities> priorities{false, false, true, true};                // deferred: P3, P4
};
struct PlannedCareSettings {
  std::vector<ElectiveSpecialty> specialties;
  std::vector<std::optional<ElectiveSite>> sites;   // by site; empty optional: no elective work there
  std::vector<std::vector<double>> site_choice;     // [locality][site], each row sums to 1 over sites with theatres
  std::array<double, kElectivePriorities> target_days{3.0, 28.0, 90.0, 365.0};  // treat within, from listing
  double admit_hour = 7.0;          // inpatients arrive on the morning of surgery, before most of the day's discharges
  double rebook_within_days = 28.0; // the standard for operations cancelled on the day
  double rebook_after_days = 7.0;   // a cancelled patient's new date is at the earliest this long after (first in line then)
  std::optional<ElectiveDeferral> defer;

  /// The site has theatre sessions (so a waiting list and a theatres capacity).
  [[nodiscard]] bool has_theatres(std::size_t site) const { return sites[site] && sites[site]->has_sessions(); }
};

/// The ambulance service (DESIGN §3 Ambulances): who of the A&E attenders arrives by ambulance, the incidents it
/// attends without conveying, its fleet and job cycle, and where a crew can hand a patient over.
struct AmbulanceSettings {
  std::vector<double> conveyed_share_admitted, conveyed_share_not_admitted;  // [band]: of A&E attenders, by outcome
  std::vector<double> not_conveyed_per_1000_per_year;  // [band]: see-and-treat and hear-and-treat incidents
  double hear_and_treat_share = 0;                     // of the not-conveyed incidents: advice by phone, no vehicle
  double category1_share = 0.1, category2_share = 0.6; // of incidents a vehicle attends; the rest are categories 3-4
  ClinicianRota vehicles;                              // vehicles on shift by hour (weekday / weekend)
  Distribution response_drive, on_scene, see_and_treat_on_scene, to_hospital, clear;
  std::vector<int> cohort_spaces;                      // [site]: corridor / cohorting spaces that take a handover
};

/// The whole scenario. Optional modules that are absent are off (DESIGN §4).
struct Scenario {
  std::string name;
  std::string source_file;       // path as given on the command line
  std::string resolved_yaml;     // after `extends:` and `--set`, embedded in the results
  RunSettings run;
  Population population;
  std::vector<Site> sites;
  AeSettings ae;
  AdmissionSettings admission;
  std::optional<DischargeSettings> discharge;          // absent → every discharge is P0
  std::optional<DownstreamService> reablement;         // absent → P1 leaves after assessment, no capacity limit
  std::optional<DownstreamService> intermediate_care;  // absent → P2 likewise
  std::optional<CareHomeSettings> care_homes;          // absent → P3 likewise, no community admissions
  std::optional<ReadmissionSettings> readmission;
  std::optional<PrimaryCareSettings> primary_care;
  std::optional<SeasonSettings> seasons;               // absent → no seasonal effects but ae.arrival_profile.month
  std::optional<WinterSettings> winter;                // absent → no winter effects, bit-identical to no section
  std::optional<SchemeSettings> schemes;               // absent → no schemes, nothing sampled or changed
  /// KPIs a planner is held to, shown first by `pfsim run`, `pfsim info` and the report (`headline_kpis:`; empty =
  /// the catalogue's headline KPIs lead the report as before).
  std::vector<std::string> headline_kpis;
  std::optional<Census> census;                        // absent → the run starts empty (care homes: initial_residents)
  std::optional<RoutingSettings> routing;              // absent → every patient is treated at their first-choice site
  std::optional<VirtualWardSettings> virtual_wards;    // absent → no virtual wards, bit-identical to no section
  std::optional<PlannedCareSettings> planned_care;     // absent → no elective activity, bit-identical to no section
  std::optional<AmbulanceSettings> ambulance;          // absent → everyone walks in, bit-identical to no section

  [[nodiscard]] std::size_t bands() const { return population.age_bands.size(); }
  [[nodiscard]] std::size_t localities() const { return population.localities.size(); }
};

}  // namespace pfsim::scenario
