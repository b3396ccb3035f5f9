#include "recorder.hpp"

namespace pfsim::models {
namespace {
double pct(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }
double per_100k_per_year(double count, double people, double days) {
  return people > 0 ? count / people * 1e5 * (engine::kDaysPerYear / days) : 0.0;
}
}  // namespace

ReplicationResult Recorder::finish(const Denominators& den) const {
  ReplicationResult r;
  const double days = static_cast<double>(days_);
  const double census = census_days_ > 0 ? census_days_ : 1.0;
  r[Kpi::AeAttendances] = ae_attendances_;
  r[Kpi::Ae4hPct] = pct(ae_within_4h_, ae_left_);
  r[Kpi::AeMeanTimeMin] = ae_left_ > 0 ? ae_time_sum_ / ae_left_ : 0.0;
  r[Kpi::Nea] = nea_;
  r[Kpi::NeaPer100k] = per_100k_per_year(nea_, den.population, days);
  r[Kpi::SdecAdmissions] = sdec_;
  r[Kpi::BedOccupancyPct] = den.bed_occupancy_pct;
  r[Kpi::TrolleyWaitMeanH] = bed_waits_ > 0 ? bed_wait_sum_ / bed_waits_ / 60.0 : 0.0;
  r[Kpi::DtocDaysNhs] = dtoc_nhs_;
  r[Kpi::DtocDaysSocialCare] = dtoc_social_;
  r[Kpi::DtocDaysBoth] = dtoc_both_;
  r[Kpi::DtocDays] = dtoc_nhs_ + dtoc_social_ + dtoc_both_;
  r[Kpi::DtocDailyDelays] = delayed_sum_ / census;
  r[Kpi::DtocDailyDelaysPer100k18plus] = den.adults > 0 ? r[Kpi::DtocDailyDelays] / den.adults * 1e5 : 0.0;
  r[Kpi::Reablement91dHomePct] = pct(reablement_home_, reablement_cohort_);
  r[Kpi::CareHomeAdmissionsPer100k65plus] = per_100k_per_year(care_home_65_, den.aged_65plus, days);
  r[Kpi::LosOver21d] = los21_sum_ / census;
  r[Kpi::Readmission30dPct] = pct(readmissions_30d_, discharges_);
  r[Kpi::GpUnmetAppointments] = gp_unmet_;
  double opel4 = 0, escalation_bed_days = 0;
  for (double v : site_opel4_) opel4 += v;
  for (double v : site_escalation_bed_days_) escalation_bed_days += v;
  r[Kpi::Opel4Days] = opel4;
  r[Kpi::EscalationBedDays] = escalation_bed_days;

  for (std::size_t k = 0; k < kDailyCount; ++k) r.daily[k].assign(daily_[k].begin(), daily_[k].end());
  auto& day4h = r.daily[static_cast<std::size_t>(Daily::Ae4hPct)];
  for (std::size_t d = 0; d < days_; ++d) day4h[d] = static_cast<float>(pct(day_ae_4h_[d], day_ae_left_[d]));

  const std::size_t sites = site_ae_.size(), localities = loc_ae_.size();
  for (auto& v : r.by_site) v.assign(sites, 0.0);
  for (auto& v : r.by_locality) v.assign(localities, 0.0);
  for (std::size_t s = 0; s < sites; ++s) {
    r.by_site[static_cast<std::size_t>(BySite::AeAttendances)][s] = site_ae_[s];
    r.by_site[static_cast<std::size_t>(BySite::Ae4hPct)][s] = pct(site_ae_4h_[s], site_ae_left_[s]);
    r.by_site[static_cast<std::size_t>(BySite::Nea)][s] = site_nea_[s];
    r.by_site[static_cast<std::size_t>(BySite::BedOccupancyPct)][s] = den.site_bed_occupancy_pct[s];
    r.by_site[static_cast<std::size_t>(BySite::DtocDailyDelays)][s] = site_delayed_[s] / census;
    r.by_site[static_cast<std::size_t>(BySite::Opel4Days)][s] = site_opel4_[s];
    r.by_site[static_cast<std::size_t>(BySite::EscalationBedDays)][s] = site_escalation_bed_days_[s];
  }
  for (std::size_t l = 0; l < localities; ++l) {
    r.by_locality[static_cast<std::size_t>(ByLocality::AeAttendances)][l] = loc_ae_[l];
    r.by_locality[static_cast<std::size_t>(ByLocality::NeaPer100k)][l] = per_100k_per_year(loc_nea_[l], den.locality_population[l], days);
    r.by_locality[static_cast<std::size_t>(ByLocality::DtocDailyDelays)][l] = loc_delayed_[l] / census;
    r.by_locality[static_cast<std::size_t>(ByLocality::CareHomeAdmissionsPer100k65plus)][l] =
        per_100k_per_year(loc_care_home_65_[l], den.locality_65plus[l], days);
    r.by_locality[static_cast<std::size_t>(ByLocality::GpUnmetAppointments)][l] = loc_gp_unmet_[l];
  }
  finish_monthly(r);
  return r;
}

void Recorder::finish_monthly(ReplicationResult& r) const {
  const std::size_t months = months_.labels.size();
  std::vector<double> attendances(months), within_4h(months), left(months), occupied(months), available(months),
      delayed(months), opel4(months), days_in(months);
  const auto& daily_ae = daily_[static_cast<std::size_t>(Daily::AeAttendances)];
  const auto& daily_delayed = daily_[static_cast<std::size_t>(Daily::DtocDelayedPatients)];
  for (std::size_t d = 0; d < days_; ++d) {
    const std::size_t m = months_.month_of_day[d];
    attendances[m] += daily_ae[d];
    within_4h[m] += day_ae_4h_[d];
    left[m] += day_ae_left_[d];
    occupied[m] += day_occupied_area_[d];
    available[m] += day_available_area_[d];
    delayed[m] += daily_delayed[d];
    opel4[m] += day_opel4_[d];
    days_in[m] += 1;
  }
  for (auto& v : r.monthly) v.assign(months, 0.0);
  for (std::size_t m = 0; m < months; ++m) {
    r.monthly[static_cast<std::size_t>(Monthly::AeAttendances)][m] = attendances[m];
    r.monthly[static_cast<std::size_t>(Monthly::Ae4hPct)][m] = pct(within_4h[m], left[m]);
    r.monthly[static_cast<std::size_t>(Monthly::BedOccupancyPct)][m] = pct(occupied[m], available[m]);
    r.monthly[static_cast<std::size_t>(Monthly::DtocDailyDelays)][m] = days_in[m] > 0 ? delayed[m] / days_in[m] : 0.0;
    r.monthly[static_cast<std::size_t>(Monthly::Opel4Days)][m] = opel4[m];
  }
}

}  // namespace pfsim::models
