#include "pfsim/models/kpis.hpp"

#include <fmt/format.h>

namespace pfsim::models {

const std::array<KpiInfo, kKpiCount>& kpi_catalogue() {
  static const std::array<KpiInfo, kKpiCount> catalogue = {{
      {"ae_attendances", "attendances", "A&E arrivals in the measured period"},
      {"ae_4h_pct", "%", "attendances leaving A&E (discharge, SDEC or to a bed) within 240 min of arrival"},
      {"ae_mean_time_min", "min", "mean time from A&E arrival to leaving the department"},
      {"nea", "admissions", "emergency admissions to a bed (A&E, direct, readmissions), excluding SDEC same-day"},
      {"nea_per_100k", "per year per 100k", "emergency admissions per year per 100,000 population"},
      {"sdec_admissions", "admissions", "same-day emergency care admissions (zero LOS, no bed)"},
      {"bed_occupancy_pct", "%", "time-average occupied / available acute beds, all sites"},
      {"trolley_wait_mean_h", "h", "mean wait from decision to admit (or direct referral) to a bed"},
      {"dtoc_days", "bed-days", "bed-days after medically fit while waiting for assessment or a pathway"},
      {"dtoc_days_nhs", "bed-days", "delayed bed-days attributed to the NHS"},
      {"dtoc_days_social_care", "bed-days", "delayed bed-days attributed to social care"},
      {"dtoc_days_both", "bed-days", "delayed bed-days attributed to both"},
      {"dtoc_daily_delays", "patients", "mean patients aged 18+ delayed at midnight (BCF 2019/20 metric)"},
      {"dtoc_daily_delays_per_100k_18plus", "per 100k 18+", "daily delays per 100,000 population aged 18+"},
      {"reablement_91d_home_pct", "%", "people 65+ discharged into reablement/rehab (P1/P2) at home 91 days later (ASCOF 2B)"},
      {"care_home_admissions_per_100k_65plus", "per year per 100k 65+", "permanent care-home admissions of people 65+ (ASCOF 2A)"},
      {"los_over_21d", "patients", "patients in acute beds with LOS >= 21 days (midnight census mean)"},
      {"readmission_30d_pct", "%", "discharges followed by an emergency readmission within 30 days"},
      {"gp_unmet_appointments", "appointments", "GP appointment demand above available slots"},
      {"opel4_days", "site-days", "days at OPEL 4 (midnight), summed over sites; 0 when winter.opel is off"},
      {"escalation_bed_days", "bed-days", "escalation beds open (time integral), all sites"},
  }};
  return catalogue;
}

const std::array<KpiInfo, kDailyCount>& daily_catalogue() {
  static const std::array<KpiInfo, kDailyCount> catalogue = {{
      {"ae_attendances", "attendances", "A&E arrivals on the day"},
      {"ae_4h_pct", "%", "4-hour performance of the day's arrivals"},
      {"nea", "admissions", "emergency admissions to a bed on the day"},
      {"beds_occupied", "beds", "occupied acute beds at midnight, all sites"},
      {"bed_occupancy_pct", "%", "occupied / available acute beds at midnight"},
      {"dtoc_delayed_patients", "patients", "patients aged 18+ delayed at midnight"},
      {"reablement_in_use", "packages", "reablement packages in use at midnight"},
      {"intermediate_care_in_use", "beds", "intermediate-care beds in use at midnight"},
      {"care_home_residents", "residents", "permanent care-home residents at midnight"},
      {"care_home_admissions_65plus", "admissions", "permanent care-home admissions of people 65+ on the day"},
      {"gp_unmet_appointments", "appointments", "GP demand above available slots on the day"},
      {"opel_level", "level", "highest OPEL level (1-4) over sites at midnight; 0 when winter.opel is off"},
      {"beds_closed", "beds", "general beds closed by outbreaks at midnight, all sites"},
      {"escalation_beds_open", "beds", "escalation beds open at midnight, all sites"},
      {"beds_available", "beds", "open acute beds at midnight (general - closed + escalation open), all sites"},
  }};
  return catalogue;
}

const std::array<KpiInfo, kBySiteCount>& by_site_catalogue() {
  static const std::array<KpiInfo, kBySiteCount> catalogue = {{
      {"ae_attendances", "attendances", "A&E arrivals at the site"},
      {"ae_4h_pct", "%", "4-hour performance at the site"},
      {"nea", "admissions", "emergency admissions to a bed at the site"},
      {"bed_occupancy_pct", "%", "time-average occupied / available beds at the site"},
      {"dtoc_daily_delays", "patients", "mean patients 18+ delayed at midnight at the site"},
      {"opel4_days", "days", "days at OPEL 4 (midnight) at the site"},
      {"escalation_bed_days", "bed-days", "escalation beds open at the site (time integral)"},
  }};
  return catalogue;
}

const std::array<KpiInfo, kByLocalityCount>& by_locality_catalogue() {
  static const std::array<KpiInfo, kByLocalityCount> catalogue = {{
      {"ae_attendances", "attendances", "A&E arrivals from the locality"},
      {"nea_per_100k", "per year per 100k", "emergency admissions of the locality's residents per 100,000"},
      {"dtoc_daily_delays", "patients", "mean residents 18+ delayed at midnight"},
      {"care_home_admissions_per_100k_65plus", "per year per 100k 65+", "permanent care-home admissions 65+ per 100,000 65+"},
      {"gp_unmet_appointments", "appointments", "GP demand above available slots"},
  }};
  return catalogue;
}

const std::array<KpiInfo, kMonthlyCount>& monthly_catalogue() {
  static const std::array<KpiInfo, kMonthlyCount> catalogue = {{
      {"ae_attendances", "attendances", "A&E arrivals in the month"},
      {"ae_4h_pct", "%", "4-hour performance of the month's arrivals"},
      {"bed_occupancy_pct", "%", "time-average occupied / available acute beds in the month, all sites"},
      {"dtoc_daily_delays", "patients", "mean patients 18+ delayed at midnight in the month"},
      {"opel4_days", "site-days", "days at OPEL 4 in the month, summed over sites"},
  }};
  return catalogue;
}

MeasuredMonths measured_months(const std::chrono::year_month_day& start_date, int days) {
  MeasuredMonths months;
  const std::chrono::sys_days first{start_date};
  std::chrono::year_month current{};
  for (int d = 0; d < days; ++d) {
    const std::chrono::year_month_day date{first + std::chrono::days{d}};
    const std::chrono::year_month ym{date.year(), date.month()};
    if (months.labels.empty() || ym != current) {
      current = ym;
      months.labels.push_back(fmt::format("{:04}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month())));
    }
    months.month_of_day.push_back(static_cast<std::uint16_t>(months.labels.size() - 1));
  }
  return months;
}

}  // namespace pfsim::models
