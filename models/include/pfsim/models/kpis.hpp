#pragma once
// KPI catalogue (DESIGN §5: the names and definitions are contracts) and one replication's results.
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pfsim/models/routing.hpp"
#include "pfsim/models/schemes.hpp"

namespace pfsim::models {

struct KpiInfo {
  std::string_view name, units, description;
};

/// Whole-system KPIs, one value per replication.
enum class Kpi : std::size_t {
  AeAttendances,
  Ae4hPct,
  AeMeanTimeMin,
  Nea,
  NeaPer100k,
  SdecAdmissions,
  BedOccupancyPct,
  TrolleyWaitMeanH,
  DtocDays,
  DtocDaysNhs,
  DtocDaysSocialCare,
  DtocDaysBoth,
  DtocDailyDelays,
  DtocDailyDelaysPer100k18plus,
  Reablement91dHomePct,
  CareHomeAdmissionsPer100k65plus,
  LosOver21d,
  Readmission30dPct,
  GpUnmetAppointments,
  Opel4Days,
  EscalationBedDays,
  Count
};
inline constexpr std::size_t kKpiCount = static_cast<std::size_t>(Kpi::Count);
const std::array<KpiInfo, kKpiCount>& kpi_catalogue();

/// Daily series, one value per measured day.
enum class Daily : std::size_t {
  AeAttendances,
  Ae4hPct,
  Nea,
  BedsOccupied,         // midnight census, all sites
  BedOccupancyPct,      // midnight census / available beds
  DtocDelayedPatients,  // midnight census
  ReablementInUse,
  IntermediateCareInUse,
  CareHomeResidents,
  CareHomeAdmissions65plus,
  GpUnmetAppointments,
  OpelLevel,            // highest OPEL level over sites (0 when winter.opel is off)
  BedsClosed,           // general beds closed by outbreaks at midnight, all sites
  EscalationBedsOpen,   // at midnight, all sites
  BedsAvailable,        // open acute beds at midnight (general − closed + escalation open), all sites
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
enum class Monthly : std::size_t { AeAttendances, Ae4hPct, BedOccupancyPct, DtocDailyDelays, Opel4Days, Count };
inline constexpr std::size_t kMonthlyCount = static_cast<std::size_t>(Monthly::Count);
const std::array<KpiInfo, kMonthlyCount>& monthly_catalogue();

/// The calendar months the measured period touches, in order: labels ("2019-12") and each measured day's month.
struct MeasuredMonths {
  std::vector<std::string> labels;
  std::vector<std::uint16_t> month_of_day;  // [measured day] → index into labels
};
MeasuredMonths measured_months(const std::chrono::year_month_day& start_date, int days);

/// Everything one replication produces (measured period only).
struct ReplicationResult {
  std::array<double, kKpiCount> kpi{};
  std::array<std::vector<float>, kDailyCount> daily;            // [measured day]
  std::array<std::vector<double>, kKpiCount> by_site;           // [kpi][site]
  std::array<std::vector<double>, kKpiCount> by_locality;       // [kpi][locality]
  std::array<std::vector<double>, kMonthlyCount> monthly;       // [measured month]
  std::uint64_t events = 0;
  std::uint64_t patients_created = 0;
  double bed_days = 0;                                          // acute bed-days occupied (measured period)
  SchemeOutcome schemes;                                        // empty without schemes
  TravelOutcome travel;                                         // empty without routing

  double& operator[](Kpi k) { return kpi[static_cast<std::size_t>(k)]; }
  double operator[](Kpi k) const { return kpi[static_cast<std::size_t>(k)]; }
  [[nodiscard]] const std::vector<double>& site_values(Kpi k) const { return by_site[static_cast<std::size_t>(k)]; }
  [[nodiscard]] const std::vector<double>& locality_values(Kpi k) const { return by_locality[static_cast<std::size_t>(k)]; }
};

}  // namespace pfsim::models
