#include "recorder.hpp"

namespace pfsim::models {
namespace {
double pct(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }
double per_100k_per_year(double count, double people, double days) {
  return people > 0 ? count / people * 1e5 * (engine::kDaysPerYear / days) : 0.0;
}

std::vector<double> normalised_rows(const std::vector<std::vector<double>>& site_choice, std::size_t sites) {
  std::vector<double> flat(site_choice.size() * sites, 0.0);
  for (std::size_t l = 0; l < site_choice.size(); ++l) {
    double sum = 0;
    for (double share : site_choice[l]) sum += share;
    // Rows sum to 1 within the loader's tolerance; exact rows make shared-out counts add up to the total exactly.
    for (std::size_t s = 0; s < sites && s < site_choice[l].size(); ++s) flat[l * sites + s] = sum > 0 ? site_choice[l][s] / sum : 0.0;
  }
  return flat;
}
/// The q-quantile of a histogram of times (`width` minutes a bin), linear within the bin; the last bin reads as its
/// lower edge (24 hours or more for A&E times, 4 hours or more for responses).
template <std::size_t N>
double time_quantile(const std::array<double, N>& bins, double q, double width = kAeTimeBinMinutes) {
  double total = 0;
  for (double b : bins) total += b;
  if (total <= 0) return 0.0;
  const double target = q * total;
  double below = 0;
  for (std::size_t i = 0; i < bins.size(); ++i) {
    if (below + bins[i] >= target && bins[i] > 0) {
      if (i == bins.size() - 1) return static_cast<double>(i) * width;
      return (static_cast<double>(i) + (target - below) / bins[i]) * width;
    }
    below += bins[i];
  }
  return static_cast<double>(bins.size() - 1) * width;
}
}  // namespace

std::array<double, kKpiCount> kpi_values(const KpiCounters& c, const KpiPeople& people, double days, double census_days) {
  std::array<double, kKpiCount> kpi{};
  const auto set = [&kpi](Kpi k, double v) { kpi[static_cast<std::size_t>(k)] = v; };
  const double census = census_days > 0 ? census_days : 1.0;
  const double daily_delays = c.delayed_sum / census;
  const double aged_18to64 = std::max(0.0, people.adults - people.aged_65plus);
  set(Kpi::AeAttendances, c.ae_attendances);
  // Arrival cohorts (DESIGN §5): the ones still waiting at the follow-up cap are breaches and count their time so far.
  const double ae_counted = c.ae_left + c.ae_unfinished, bed_counted = c.bed_waits + c.bed_unfinished;
  set(Kpi::Ae4hPct, pct(c.ae_within_4h, ae_counted));
  set(Kpi::AeMeanTimeMin, ae_counted > 0 ? c.ae_time_sum / ae_counted : 0.0);
  set(Kpi::Ae4hType1Pct, pct(c.ae_type1_within_4h, c.ae_type1));
  set(Kpi::AeTimeMedianMin, time_quantile(c.ae_time_bins, 0.5));
  set(Kpi::AeTimeP95Min, time_quantile(c.ae_time_bins, 0.95));
  set(Kpi::Ae12hFromArrivalPct, pct(c.ae_over_12h, ae_counted));
  set(Kpi::AeLeftWithoutBeingSeenPct, pct(c.ae_lwbs, ae_counted));
  set(Kpi::Nea, c.nea);
  set(Kpi::NeaPer100k, per_100k_per_year(c.nea, people.population, days));
  set(Kpi::SdecAdmissions, c.sdec);
  set(Kpi::NeaAll, c.nea + c.sdec);
  set(Kpi::NeaAllPer100k, per_100k_per_year(c.nea + c.sdec, people.population, days));
  set(Kpi::NeaZeroLos, c.sdec + c.nea_same_day_beds);
  set(Kpi::NeaLos1PlusDays, c.nea - c.nea_same_day_beds);
  set(Kpi::BedOccupancyPct, pct(c.occupied_area, c.available_area));
  set(Kpi::BedOccupancyMidnightPct, pct(c.midnight_occupied, c.midnight_available));
  set(Kpi::TrolleyWaitMeanH, bed_counted > 0 ? c.bed_wait_sum / bed_counted / engine::kMinutesPerHour : 0.0);
  set(Kpi::TrolleyWaits12h, c.trolley_over_12h);
  set(Kpi::DtocDaysNhs, c.dtoc_nhs);
  set(Kpi::DtocDaysSocialCare, c.dtoc_social);
  set(Kpi::DtocDaysBoth, c.dtoc_both);
  set(Kpi::DtocDays, c.dtoc_nhs + c.dtoc_social + c.dtoc_both);
  set(Kpi::DtocDaysNonAcute, c.dtoc_non_acute);
  set(Kpi::DtocDailyDelays, daily_delays);
  set(Kpi::DtocDailyDelaysNhs, c.delayed_nhs_sum / census);
  set(Kpi::DtocDailyDelaysSocialCare, c.delayed_social_sum / census);
  set(Kpi::DtocDailyDelaysBoth, c.delayed_both_sum / census);
  set(Kpi::DtocDailyDelaysNonAcute, c.delayed_non_acute_sum / census);
  set(Kpi::DtocDailyDelaysPer100k18plus, people.adults > 0 ? daily_delays / people.adults * 1e5 : 0.0);
  set(Kpi::Reablement91dHomePct, pct(c.reablement_home, c.reablement_cohort));
  set(Kpi::CareHomeAdmissionsPer100k65plus, per_100k_per_year(c.care_home_65, people.aged_65plus, days));
  set(Kpi::CareHomeAdmissionsPer100k18to64, per_100k_per_year(c.care_home_18to64, aged_18to64, days));
  set(Kpi::LosOver21d, c.los21_sum / census);
  set(Kpi::Readmission30dPct, pct(c.readmissions_30d, c.discharges));
  set(Kpi::HospitalDeaths, c.hospital_deaths);
  set(Kpi::HospitalDeathsPct, pct(c.hospital_deaths, c.discharges + c.hospital_deaths));
  set(Kpi::DischargesBeforeNoonPct, pct(c.discharges_before_noon, c.discharges));
  set(Kpi::WeekendDischargesPct, pct(c.discharges_at_weekend, c.discharges));
  set(Kpi::DischargedOnReadyDatePct, pct(c.drd_on_date, c.drd_discharges));
  set(Kpi::DischargeDelayDaysMean, c.drd_discharges > 0 ? c.drd_delay_days / c.drd_discharges : 0.0);
  const double drd_late = c.drd_discharges - c.drd_on_date;
  set(Kpi::DischargeDelayDaysMeanDelayed, drd_late > 0 ? c.drd_delay_days / drd_late : 0.0);
  double nctr = 0;
  for (std::size_t pathway = 0; pathway < c.nctr_sum.size(); ++pathway) {
    nctr += c.nctr_sum[pathway];
    set(static_cast<Kpi>(static_cast<std::size_t>(Kpi::NctrMidnightP0) + pathway), c.nctr_sum[pathway] / census);
  }
  set(Kpi::NctrMidnight, nctr / census);
  set(Kpi::DischargedUsualResidencePct, pct(c.usual_residence, c.discharges));
  set(Kpi::DischargedUsualResidence65plusPct, pct(c.usual_residence_65, c.discharges_65));
  set(Kpi::GpUnmetAppointments, c.gp_unmet);
  set(Kpi::Opel4Days, c.opel4_days);
  set(Kpi::EscalationBedDays, c.escalation_bed_days);
  set(Kpi::AeStillInDepartmentAtEnd, c.ae_unfinished);
  set(Kpi::AwaitingBedAtEnd, c.bed_unfinished);
  set(Kpi::VirtualWardOccupancyPct, pct(c.vw_occupied_area, c.vw_available_area));
  set(Kpi::VirtualWardAdmissionsAvoided, c.vw_step_ups);
  set(Kpi::VirtualWardBedDaysSaved, c.vw_bed_days_saved);
  const double elective = c.el_day_cases + c.el_ordinary, snapshots = c.rtt_snapshots > 0 ? c.rtt_snapshots : 1.0;
  set(Kpi::ElectiveReferrals, c.el_referrals);
  set(Kpi::ElectiveAdmissions, c.el_ordinary);
  set(Kpi::DayCaseAdmissions, c.el_day_cases);
  set(Kpi::ElectiveCancelledOnDay, c.el_cancelled);
  set(Kpi::ElectiveCancelledOnDayPct, pct(c.el_cancelled, elective));
  set(Kpi::ElectiveNotRebooked28d, c.el_not_rebooked);
  set(Kpi::RttIncomplete18wPct, pct(c.rtt_open_18w, c.rtt_open));
  set(Kpi::RttWaitingList, c.rtt_open / snapshots);
  set(Kpi::Rtt52wWaiters, c.rtt_open_52w / snapshots);
  set(Kpi::RttAdmitted18wPct, pct(c.el_stops_18w, elective));
  set(Kpi::ElectiveWithinPriorityTargetPct, pct(c.el_within_target, elective));
  set(Kpi::TheatreUtilisationPct, pct(c.theatre_used, c.theatre_available));
  set(Kpi::ElectiveBedDays, c.el_bed_days);
  set(Kpi::ElectiveWardOccupancyPct, pct(c.ward_occupied_area, c.ward_available_area));
  set(Kpi::FallsAdmissions65plus, c.falls_65);
  set(Kpi::FallsAdmissions65plusPer100k, per_100k_per_year(c.falls_65, people.aged_65plus, days));
  set(Kpi::AcscChronicAdmissions, c.acsc_chronic);
  set(Kpi::AcscChronicAdmissionsPer100k, per_100k_per_year(c.acsc_chronic, people.population, days));
  set(Kpi::AcscUrgentAdmissions, c.acsc_urgent);
  set(Kpi::AcscUrgentAdmissionsPer100k, per_100k_per_year(c.acsc_urgent, people.population, days));
  set(Kpi::AmbulanceIncidents, c.amb_incidents);
  set(Kpi::AmbulanceConveyedPct, pct(c.amb_conveyed, c.amb_incidents));
  set(Kpi::AmbulanceSeeAndTreatPct, pct(c.amb_see_treat, c.amb_incidents));
  set(Kpi::AmbulanceHearAndTreatPct, pct(c.amb_hear_treat, c.amb_incidents));
  set(Kpi::Cat1MeanResponseMin, c.cat1_responses > 0 ? c.cat1_response_sum / c.cat1_responses : 0.0);
  set(Kpi::Cat2MeanResponseMin, c.cat2_responses > 0 ? c.cat2_response_sum / c.cat2_responses : 0.0);
  set(Kpi::Cat1P90ResponseMin, time_quantile(c.cat1_response_bins, 0.9, kResponseBinMinutes));
  set(Kpi::Cat2P90ResponseMin, time_quantile(c.cat2_response_bins, 0.9, kResponseBinMinutes));
  set(Kpi::HandoverMeanMin, c.handovers > 0 ? c.handover_sum / c.handovers : 0.0);
  set(Kpi::HandoversOver30Min, c.handovers_30);
  set(Kpi::HandoversOver60Min, c.handovers_60);
  set(Kpi::HandoverHoursLost, c.handover_lost / engine::kMinutesPerHour);
  set(Kpi::AmbulanceJobCycleMeanMin, c.amb_jobs > 0 ? c.amb_job_sum / c.amb_jobs : 0.0);
  return kpi;
}

Recorder::Recorder(double measure_from, int days, std::size_t sites, const std::vector<std::vector<double>>& site_choice,
                   MeasuredMonths months)
    : from_(measure_from), to_(measure_from + days * engine::kMinutesPerDay), days_(static_cast<std::size_t>(days)),
      site_choice_(normalised_rows(site_choice, sites)), site_(sites), locality_(site_choice.size()), day_ae_4h_(days_),
      day_ae_cohort_(days_), day_opel4_(days_), day_occupied_area_(days_), day_available_area_(days_), day_drd_discharges_(days_),
      day_drd_on_date_(days_), months_(std::move(months)) {
  for (auto& d : daily_) d.assign(days_, 0.0);
  for (auto* m : {&month_cancelled_, &month_rtt_open_, &month_rtt_18w_, &month_rtt_52w_}) m->assign(months_.labels.size(), 0.0);
  // Labels are "YYYY-MM": October to December are months 10-12.
  std::vector<bool> quarter(days_, false);
  bool any = false;
  for (std::size_t d = 0; d < days_ && d < months_.month_of_day.size(); ++d) {
    const std::string& label = months_.labels[months_.month_of_day[d]];
    any |= quarter[d] = label.size() == 7 && label[5] == '1';
  }
  if (any) october_to_december_ = std::move(quarter);
}

void Recorder::census(std::size_t d, const Census& c) {
  daily_[static_cast<std::size_t>(Daily::BedsOccupied)][d] = c.beds_occupied;
  daily_[static_cast<std::size_t>(Daily::BedOccupancyPct)][d] = c.beds_available > 0 ? 100.0 * c.beds_occupied / c.beds_available : 0.0;
  daily_[static_cast<std::size_t>(Daily::DtocDelayedPatients)][d] = c.delayed;
  daily_[static_cast<std::size_t>(Daily::NctrMidnight)][d] = c.no_criteria_to_reside;
  daily_[static_cast<std::size_t>(Daily::ReablementInUse)][d] = c.reablement;
  daily_[static_cast<std::size_t>(Daily::IntermediateCareInUse)][d] = c.intermediate_care;
  daily_[static_cast<std::size_t>(Daily::CareHomeResidents)][d] = c.care_home;
  daily_[static_cast<std::size_t>(Daily::OpelLevel)][d] = c.opel_level;
  daily_[static_cast<std::size_t>(Daily::BedsClosed)][d] = c.beds_closed;
  daily_[static_cast<std::size_t>(Daily::EscalationBedsOpen)][d] = c.escalation_open;
  daily_[static_cast<std::size_t>(Daily::BedsAvailable)][d] = c.beds_available;
  daily_[static_cast<std::size_t>(Daily::VirtualWardInUse)][d] = c.virtual_ward;
  daily_[static_cast<std::size_t>(Daily::ElectiveWaitingList)][d] = c.elective_waiting;
  daily_[static_cast<std::size_t>(Daily::ElectiveInBeds)][d] = c.elective_in_beds;
  if (queues_.size() < c.queues.size()) queues_.resize(c.queues.size(), std::vector<float>(days_, 0.0F));
  for (std::size_t q = 0; q < c.queues.size(); ++q) queues_[q][d] = static_cast<float>(c.queues[q]);
  total_.midnight_available += c.beds_available;
  for (std::size_t s = 0; s < c.beds_available_by_site.size(); ++s) site_[s].midnight_available += c.beds_available_by_site[s];
  for (std::size_t s = 0; s < c.opel_by_site.size(); ++s)
    if (c.opel_by_site[s] >= 4) {
      site_[s].opel4_days += 1;
      day_opel4_[d] += 1;
    }
  // Per-day bed-minutes, so monthly occupancy has the same time-average definition as the KPI.
  day_occupied_area_[d] = c.occupied_area - occupied_area_so_far_;
  day_available_area_[d] = c.available_area - available_area_so_far_;
  occupied_area_so_far_ = c.occupied_area;
  available_area_so_far_ = c.available_area;
  ++census_days_;
}

ReplicationResult Recorder::finish(const Denominators& den) const {
  const std::size_t sites = site_.size(), localities = locality_.size();
  KpiCounters total = total_;
  std::vector<KpiCounters> site = site_, locality = locality_;
  // Site capacity is measured per site and summed in site order for the whole system.
  for (std::size_t s = 0; s < sites; ++s) {
    site[s].occupied_area = den.site_occupied_area[s];
    site[s].available_area = den.site_available_area[s];
    total.occupied_area += site[s].occupied_area;
    total.available_area += site[s].available_area;
    total.opel4_days += site[s].opel4_days;
    total.escalation_bed_days += site[s].escalation_bed_days;
    total.theatre_available += site[s].theatre_available;
    total.theatre_used += site[s].theatre_used;
    if (!den.site_ward_occupied_area.empty()) {
      site[s].ward_occupied_area = den.site_ward_occupied_area[s];
      site[s].ward_available_area = den.site_ward_available_area[s];
      total.ward_occupied_area += site[s].ward_occupied_area;
      total.ward_available_area += site[s].ward_available_area;
    }
    if (!den.site_vw_occupied_area.empty()) {
      site[s].vw_occupied_area = den.site_vw_occupied_area[s];
      site[s].vw_available_area = den.site_vw_available_area[s];
      total.vw_occupied_area += site[s].vw_occupied_area;
      total.vw_available_area += site[s].vw_available_area;
    }
  }
  // Catchments: a site serves each locality's population × its site_choice share. A locality's part of a site's
  // capacity is its part of that catchment; a site nobody chooses (no A&E) is shared by population.
  const KpiPeople everyone{den.population, den.adults, den.aged_65plus};
  std::vector<KpiPeople> catchment(sites), residents(localities);
  for (std::size_t l = 0; l < localities; ++l) {
    residents[l] = {den.locality_population[l], den.locality_adults[l], den.locality_65plus[l]};
    for (std::size_t s = 0; s < sites; ++s) {
      const double share = site_choice_[l * sites + s];
      catchment[s].population += residents[l].population * share;
      catchment[s].adults += residents[l].adults * share;
      catchment[s].aged_65plus += residents[l].aged_65plus * share;
    }
  }
  for (std::size_t s = 0; s < sites; ++s)
    for (std::size_t l = 0; l < localities; ++l) {
      const double part = catchment[s].population > 0 ? residents[l].population * site_choice_[l * sites + s] / catchment[s].population
                          : everyone.population > 0   ? residents[l].population / everyone.population
                                                      : 0.0;
      locality[l].available_area += part * site[s].available_area;
      locality[l].midnight_available += part * site[s].midnight_available;
      locality[l].opel4_days += part * site[s].opel4_days;
      locality[l].escalation_bed_days += part * site[s].escalation_bed_days;
      locality[l].vw_available_area += part * site[s].vw_available_area;
      locality[l].theatre_available += part * site[s].theatre_available;
      locality[l].theatre_used += part * site[s].theatre_used;
      locality[l].ward_occupied_area += part * site[s].ward_occupied_area;
      locality[l].ward_available_area += part * site[s].ward_available_area;
    }
  // Every cut saw the same month-ends.
  total.rtt_snapshots = rtt_snapshots_;
  for (auto& c : site) c.rtt_snapshots = rtt_snapshots_;
  for (auto& c : locality) c.rtt_snapshots = rtt_snapshots_;

  ReplicationResult r;
  const double days = static_cast<double>(days_);
  r.kpi = kpi_values(total, everyone, days, census_days_);
  for (auto& v : r.by_site) v.assign(sites, 0.0);
  for (auto& v : r.by_locality) v.assign(localities, 0.0);
  for (std::size_t s = 0; s < sites; ++s) {
    const auto values = kpi_values(site[s], catchment[s], days, census_days_);
    for (std::size_t k = 0; k < kKpiCount; ++k) r.by_site[k][s] = values[k];
  }
  for (std::size_t l = 0; l < localities; ++l) {
    const auto values = kpi_values(locality[l], residents[l], days, census_days_);
    for (std::size_t k = 0; k < kKpiCount; ++k) r.by_locality[k][l] = values[k];
  }

  for (std::size_t k = 0; k < kDailyCount; ++k) r.daily[k].assign(daily_[k].begin(), daily_[k].end());
  auto& day4h = r.daily[static_cast<std::size_t>(Daily::Ae4hPct)];
  for (std::size_t d = 0; d < days_; ++d) day4h[d] = static_cast<float>(pct(day_ae_4h_[d], day_ae_cohort_[d]));
  auto& day_drd = r.daily[static_cast<std::size_t>(Daily::DischargedOnReadyDatePct)];
  for (std::size_t d = 0; d < days_; ++d) day_drd[d] = static_cast<float>(pct(day_drd_on_date_[d], day_drd_discharges_[d]));
  finish_monthly(r);
  r.queues = queues_;
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
    left[m] += day_ae_cohort_[d];
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
    r.monthly[static_cast<std::size_t>(Monthly::RttWaitingList)][m] = month_rtt_open_[m];
    r.monthly[static_cast<std::size_t>(Monthly::RttIncomplete18wPct)][m] = pct(month_rtt_18w_[m], month_rtt_open_[m]);
    r.monthly[static_cast<std::size_t>(Monthly::Rtt52wWaiters)][m] = month_rtt_52w_[m];
    r.monthly[static_cast<std::size_t>(Monthly::ElectiveCancelledOnDay)][m] = month_cancelled_[m];
  }
}

}  // namespace pfsim::models
