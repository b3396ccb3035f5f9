#pragma once
// KPI catalogue (DESIGN §5: the names and definitions are contracts) and one replication's results.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

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
  Count
};
inline constexpr std::size_t kDailyCount = static_cast<std::size_t>(Daily::Count);
const std::array<KpiInfo, kDailyCount>& daily_catalogue();

enum class BySite : std::size_t { AeAttendances, Ae4hPct, Nea, BedOccupancyPct, DtocDailyDelays, Count };
inline constexpr std::size_t kBySiteCount = static_cast<std::size_t>(BySite::Count);
const std::array<KpiInfo, kBySiteCount>& by_site_catalogue();

enum class ByLocality : std::size_t {
  AeAttendances,
  NeaPer100k,
  DtocDailyDelays,
  CareHomeAdmissionsPer100k65plus,
  GpUnmetAppointments,
  Count
};
inline constexpr std::size_t kByLocalityCount = static_cast<std::size_t>(ByLocality::Count);
const std::array<KpiInfo, kByLocalityCount>& by_locality_catalogue();

/// Everything one replication produces (measured period only).
struct ReplicationResult {
  std::array<double, kKpiCount> kpi{};
  std::array<std::vector<float>, kDailyCount> daily;            // [measured day]
  std::array<std::vector<double>, kBySiteCount> by_site;        // [site]
  std::array<std::vector<double>, kByLocalityCount> by_locality;  // [locality]
  std::uint64_t events = 0;
  std::uint64_t patients_created = 0;

  double& operator[](Kpi k) { return kpi[static_cast<std::size_t>(k)]; }
  double operator[](Kpi k) const { return kpi[static_cast<std::size_t>(k)]; }
};

}  // namespace pfsim::models
