#pragma once
// The KPI catalogue (DESIGN §5: the names and definitions are contracts): the one list every layer names KPIs from.
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pfsim/scenario/routing.hpp"
#include "pfsim/scenario/schemes.hpp"

namespace pfsim::scenario {

/// Which way a KPI improves, for reports and comparisons that colour or rank a change.
enum class Better : std::uint8_t { Neither, Higher, Lower };

struct Scenario;

/// The optional module a catalogue entry belongs to: its KPI, daily series and by-site / by-locality tables are
/// written only when the scenario has that module, so scenarios without it keep exactly their old datasets.
enum class KpiModule : std::uint8_t { Always, VirtualWards, PlannedCare, Conditions, Ambulance };

/// One entry of the catalogue. `title` is the plain-language name a commissioner knows it by (empty: the report
/// uses the description); `headline` puts it first in reports (charts in catalogue order); `skewed` marks a KPI
/// whose values over replications are long-tailed (waits near capacity), so tables add a median and its bootstrap CI.
struct KpiInfo {
  std::string_view name, units, description;
  std::string_view title = {};
  bool headline = false;
  Better better = Better::Neither;
  KpiModule module = KpiModule::Always;
  bool skewed = false;
};

/// True when the scenario has the module `info` belongs to (its results are then written and compared).
bool kpi_written(const KpiInfo& info, const Scenario& scenario);

/// The entry named `name` in any catalogue (whole-system, daily, monthly, travel), or nullptr.
const KpiInfo* find_kpi_info(std::string_view name);

/// Whole-system KPIs, one value per replication.
enum class Kpi : std::size_t {
  AeAttendances,
  Ae4hPct,
  AeMeanTimeMin,
  Ae4hType1Pct,
  AeTimeMedianMin,
  AeTimeP95Min,
  Ae12hFromArrivalPct,
  AeLeftWithoutBeingSeenPct,
  Nea,
  NeaPer100k,
  SdecAdmissions,
  NeaAll,           // BCF / MAR non-elective admissions: bedded + same-day emergency care
  NeaAllPer100k,
  NeaZeroLos,       // same calendar day: SDEC and same-day bed stays
  NeaLos1PlusDays,  // bedded stays past at least one midnight
  BedOccupancyPct,
  BedOccupancyMidnightPct,  // KH03: occupied / available beds at midnight, averaged over the measured days
  TrolleyWaitMeanH,
  TrolleyWaits12h,
  DtocDays,
  DtocDaysNhs,
  DtocDaysSocialCare,
  DtocDaysBoth,
  DtocDaysNonAcute,
  DtocDailyDelays,
  DtocDailyDelaysNhs,
  DtocDailyDelaysSocialCare,
  DtocDailyDelaysBoth,
  DtocDailyDelaysNonAcute,
  DtocDailyDelaysPer100k18plus,
  Reablement91dHomePct,
  CareHomeAdmissionsPer100k65plus,
  CareHomeAdmissionsPer100k18to64,
  LosOver21d,
  Readmission30dPct,
  HospitalDeaths,
  HospitalDeathsPct,
  DischargesBeforeNoonPct,
  WeekendDischargesPct,
  DischargedOnReadyDatePct,         // adults 18+, stays of one night or more (DESIGN §5.2 "Discharge-ready date")
  DischargeDelayDaysMean,           // days from discharge-ready date to discharge, 0 on the date
  DischargeDelayDaysMeanDelayed,    // the same, those not discharged on the date
  NctrMidnight,                     // adults in acute beds past their discharge-ready time, midnight mean
  NctrMidnightP0,
  NctrMidnightP1,
  NctrMidnightP2,
  NctrMidnightP3,
  DischargedUsualResidencePct,      // to own home (with or without support) or back to their care home
  DischargedUsualResidence65plusPct,
  GpUnmetAppointments,
  Opel4Days,
  EscalationBedDays,
  AeStillInDepartmentAtEnd,  // measured arrivals still in A&E when the follow-up cap is reached
  AwaitingBedAtEnd,          // measured bed requests still waiting for a bed at the cap
  VirtualWardOccupancyPct,       // KpiModule::VirtualWards (these three)
  VirtualWardAdmissionsAvoided,
  VirtualWardBedDaysSaved,
  ElectiveReferrals,             // KpiModule::PlannedCare (these fourteen)
  ElectiveAdmissions,            // ordinary (inpatient) elective admissions
  DayCaseAdmissions,
  ElectiveCancelledOnDay,        // for a non-clinical reason: no bed
  ElectiveCancelledOnDayPct,     // of elective admissions (ordinary + day case)
  ElectiveNotRebooked28d,        // cancelled on the day and not treated within 28 days
  RttIncomplete18wPct,           // month-end incomplete pathways within 18 weeks
  RttWaitingList,                // month-end incomplete pathways, mean over month-ends
  Rtt52wWaiters,
  RttAdmitted18wPct,             // admitted clock stops within 18 weeks
  ElectiveWithinPriorityTargetPct,
  TheatreUtilisationPct,
  ElectiveBedDays,
  ElectiveWardOccupancyPct,
  FallsAdmissions65plus,         // KpiModule::Conditions (these six): emergency admissions, bedded and same-day
  FallsAdmissions65plusPer100k,
  AcscChronicAdmissions,         // the BCF "avoidable admissions"
  AcscChronicAdmissionsPer100k,
  AcscUrgentAdmissions,
  AcscUrgentAdmissionsPer100k,
  AmbulanceIncidents,            // KpiModule::Ambulance (these thirteen), DESIGN §5.2
  AmbulanceConveyedPct,          // AQI: incidents with a patient conveyed to an emergency department
  AmbulanceSeeAndTreatPct,
  AmbulanceHearAndTreatPct,
  Cat1MeanResponseMin,
  Cat2MeanResponseMin,
  Cat1P90ResponseMin,
  Cat2P90ResponseMin,
  HandoverMeanMin,               // arrival at hospital to handover (a cubicle or a cohort space)
  HandoversOver30Min,
  HandoversOver60Min,
  HandoverHoursLost,             // handover time beyond 15 minutes, summed
  AmbulanceJobCycleMeanMin,      // dispatch to clear, vehicles that attended
  Count
};
inline constexpr std::size_t kKpiCount = static_cast<std::size_t>(Kpi::Count);
const std::array<KpiInfo, kKpiCount>& kpi_catalogue();
/// The whole-system KPI names in catalogue order (for "did you mean" hints and name checks).
std::vector<std::string> kpi_names();

/// Daily series, one value per measured day.
enum class Daily : std::size_t {
  AeAttendances,
  Ae4hPct,
  Nea,
  BedsOccupied,         // midnight census, all sites
  BedOccupancyPct,      // midnight census / available beds
  DtocDelayedPatients,  // midnight census
  NctrMidnight,         // midnight census: adults past their discharge-ready time in acute beds
  DischargedOnReadyDatePct,  // of the day's adult discharges after one night or more
  ReablementInUse,
  IntermediateCareInUse,
  CareHomeResidents,
  CareHomeAdmissions65plus,
  GpUnmetAppointments,
  OpelLevel,            // highest OPEL level over sites (0 when winter.opel is off)
  BedsClosed,           // general beds closed by outbreaks at midnight, all sites
  EscalationBedsOpen,   // at midnight, all sites
  BedsAvailable,        // open acute beds at midnight (general − closed + escalation open), all sites
  VirtualWardInUse,     // virtual-ward slots in use at midnight, all sites (KpiModule::VirtualWards)
  ElectiveWaitingList,  // admitted waiting list at midnight, all sites (KpiModule::PlannedCare)
  ElectiveInBeds,       // elective inpatients in a bed at midnight, all sites (KpiModule::PlannedCare)
  Count
};
inline constexpr std::size_t kDailyCount = static_cast<std::size_t>(Daily::Count);
const std::array<KpiInfo, kDailyCount>& daily_catalogue();

/// Every KPI cut by site (the patient's treating site) and by locality (the patient's home locality), one value
/// per site or locality, indexed like `Kpi`. Names match kpi_catalogue(); the descriptions say how each KPI is
/// attributed and which population a per-100k rate uses (README "By site and by locality").
const std::array<KpiInfo, kKpiCount>& by_site_catalogue();
const std::array<KpiInfo, kKpiCount>& by_locality_catalogue();

/// KPIs by calendar month of the measured period, one value per month ([replication × month] in the results).
/// The planned-care ones (KpiModule::PlannedCare) are written only with `planned_care`.
enum class Monthly : std::size_t {
  AeAttendances,
  Ae4hPct,
  BedOccupancyPct,
  DtocDailyDelays,
  Opel4Days,
  RttWaitingList,       // incomplete pathways at the month's end
  RttIncomplete18wPct,
  Rtt52wWaiters,
  ElectiveCancelledOnDay,
  Count
};
inline constexpr std::size_t kMonthlyCount = static_cast<std::size_t>(Monthly::Count);
const std::array<KpiInfo, kMonthlyCount>& monthly_catalogue();

/// The calendar months the measured period touches, in order: labels ("2019-12") and each measured day's month.
struct MeasuredMonths {
  std::vector<std::string> labels;
  std::vector<std::uint16_t> month_of_day;  // [measured day] → index into labels
};
MeasuredMonths measured_months(const std::chrono::year_month_day& start_date, int days);


}  // namespace pfsim::scenario
