#pragma once
// Counts what the KPIs need, only inside the measured window (warm-up excluded, DESIGN §4).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "pfsim/engine/time.hpp"
#include "pfsim/models/kpis.hpp"
#include "pfsim/models/scenario.hpp"

namespace pfsim::models {

class Recorder {
 public:
  Recorder(double measure_from, int days, std::size_t sites, std::size_t localities, MeasuredMonths months)
      : from_(measure_from), to_(measure_from + days * engine::kMinutesPerDay), days_(static_cast<std::size_t>(days)),
        site_ae_(sites), site_ae_4h_(sites), site_ae_left_(sites), site_nea_(sites), site_delayed_(sites),
        site_opel4_(sites), site_escalation_bed_days_(sites), loc_ae_(localities), loc_nea_(localities),
        loc_delayed_(localities), loc_care_home_65_(localities), loc_gp_unmet_(localities), day_ae_4h_(days_),
        day_ae_left_(days_), day_opel4_(days_), day_occupied_area_(days_), day_available_area_(days_),
        months_(std::move(months)) {
    for (auto& d : daily_) d.assign(days_, 0.0);
  }

  [[nodiscard]] bool measured(double t) const { return t >= from_ && t < to_; }
  [[nodiscard]] std::size_t day(double t) const {
    return std::min(days_ - 1, static_cast<std::size_t>(std::max(0.0, (t - from_) / engine::kMinutesPerDay)));
  }
  [[nodiscard]] std::size_t days() const { return days_; }

  void ae_arrival(double t, std::size_t site, std::size_t locality) {
    if (!measured(t)) return;
    ++ae_attendances_;
    ++site_ae_[site];
    ++loc_ae_[locality];
    daily(Daily::AeAttendances, t) += 1;
  }
  /// A patient leaves A&E; counted against the arrival (4-hour standard is per attendance).
  void ae_departure(double arrived, double left, std::size_t site) {
    if (!measured(arrived)) return;
    const double minutes = left - arrived;
    const bool within = minutes <= 240.0;
    ++ae_left_;
    ae_time_sum_ += minutes;
    ae_within_4h_ += within;
    ++site_ae_left_[site];
    site_ae_4h_[site] += within;
    const std::size_t d = day(arrived);
    ++day_ae_left_[d];
    day_ae_4h_[d] += within;
  }
  void admission(double t, std::size_t site, std::size_t locality) {
    if (!measured(t)) return;
    ++nea_;
    ++site_nea_[site];
    ++loc_nea_[locality];
    daily(Daily::Nea, t) += 1;
  }
  void sdec(double t) { sdec_ += measured(t); }
  void bed_wait(double requested, double granted) {
    if (!measured(requested)) return;
    ++bed_waits_;
    bed_wait_sum_ += granted - requested;
  }
  /// Bed-time from medically fit until leaving the bed, clipped to the window, split by attribution.
  void delayed_period(double from, double to, const DelayAttribution& who) {
    const double a = std::max(from, from_), b = std::min(to, to_);
    if (b <= a) return;
    const double bed_days = (b - a) / engine::kMinutesPerDay;
    dtoc_nhs_ += bed_days * who.nhs;
    dtoc_social_ += bed_days * who.social_care;
    dtoc_both_ += bed_days * who.both;
  }
  void reablement_cohort(double discharged, bool at_home_91d) {
    if (!measured(discharged)) return;
    ++reablement_cohort_;
    reablement_home_ += at_home_91d;
  }
  void care_home_admission(double t, std::size_t locality, bool aged_65plus) {
    if (!measured(t) || !aged_65plus) return;
    ++care_home_65_;
    ++loc_care_home_65_[locality];
    daily(Daily::CareHomeAdmissions65plus, t) += 1;
  }
  void discharge(double t) { discharges_ += measured(t); }
  void readmission_within_30d(double discharged) { readmissions_30d_ += measured(discharged); }
  /// Escalation beds `beds` open at `site` over [from, to), clipped to the measured window.
  void escalation_open(double from, double to, std::size_t site, double beds) {
    const double a = std::max(from, from_), b = std::min(to, to_);
    if (b <= a || beds <= 0) return;
    site_escalation_bed_days_[site] += beds * (b - a) / engine::kMinutesPerDay;
  }
  void gp_unmet(double t, std::size_t locality, double appointments) {
    if (!measured(t)) return;
    gp_unmet_ += appointments;
    loc_gp_unmet_[locality] += appointments;
    daily(Daily::GpUnmetAppointments, t) += appointments;
  }

  /// Midnight census taken at the end of measured day `d`.
  struct Census {
    double beds_occupied = 0, beds_available = 0, delayed = 0, los_over_21d = 0;
    double reablement = 0, intermediate_care = 0, care_home = 0;
    double beds_closed = 0, escalation_open = 0, opel_level = 0;
    double occupied_area = 0, available_area = 0;   // bed-minutes since the measured period began, all sites
    std::vector<double> delayed_by_site, delayed_by_locality;
    std::vector<int> opel_by_site;                  // empty when winter.opel is off
  };
  void census(std::size_t d, const Census& c) {
    daily_[static_cast<std::size_t>(Daily::BedsOccupied)][d] = c.beds_occupied;
    daily_[static_cast<std::size_t>(Daily::BedOccupancyPct)][d] = c.beds_available > 0 ? 100.0 * c.beds_occupied / c.beds_available : 0.0;
    daily_[static_cast<std::size_t>(Daily::DtocDelayedPatients)][d] = c.delayed;
    daily_[static_cast<std::size_t>(Daily::ReablementInUse)][d] = c.reablement;
    daily_[static_cast<std::size_t>(Daily::IntermediateCareInUse)][d] = c.intermediate_care;
    daily_[static_cast<std::size_t>(Daily::CareHomeResidents)][d] = c.care_home;
    daily_[static_cast<std::size_t>(Daily::OpelLevel)][d] = c.opel_level;
    daily_[static_cast<std::size_t>(Daily::BedsClosed)][d] = c.beds_closed;
    daily_[static_cast<std::size_t>(Daily::EscalationBedsOpen)][d] = c.escalation_open;
    daily_[static_cast<std::size_t>(Daily::BedsAvailable)][d] = c.beds_available;
    for (std::size_t s = 0; s < c.opel_by_site.size(); ++s)
      if (c.opel_by_site[s] >= 4) {
        site_opel4_[s] += 1;
        day_opel4_[d] += 1;
      }
    // Per-day bed-minutes, so monthly occupancy has the same time-average definition as the KPI.
    day_occupied_area_[d] = c.occupied_area - occupied_area_so_far_;
    day_available_area_[d] = c.available_area - available_area_so_far_;
    occupied_area_so_far_ = c.occupied_area;
    available_area_so_far_ = c.available_area;
    ++census_days_;
    delayed_sum_ += c.delayed;
    los21_sum_ += c.los_over_21d;
    for (std::size_t s = 0; s < site_delayed_.size(); ++s) site_delayed_[s] += c.delayed_by_site[s];
    for (std::size_t l = 0; l < loc_delayed_.size(); ++l) loc_delayed_[l] += c.delayed_by_locality[l];
  }

  /// Site bed occupancy (time-average %) is measured by the bed resources and passed in.
  struct Denominators {
    double population = 0, adults = 0, aged_65plus = 0;
    std::vector<double> locality_population, locality_65plus;
    std::vector<double> site_bed_occupancy_pct;
    double bed_occupancy_pct = 0;
  };
  ReplicationResult finish(const Denominators& den) const;

 private:
  void finish_monthly(ReplicationResult& r) const;
  double& daily(Daily which, double t) { return daily_[static_cast<std::size_t>(which)][day(t)]; }

  double from_, to_;
  std::size_t days_;
  double ae_attendances_ = 0, ae_left_ = 0, ae_within_4h_ = 0, ae_time_sum_ = 0;
  double nea_ = 0, sdec_ = 0, bed_waits_ = 0, bed_wait_sum_ = 0;
  double dtoc_nhs_ = 0, dtoc_social_ = 0, dtoc_both_ = 0;
  double reablement_cohort_ = 0, reablement_home_ = 0;
  double care_home_65_ = 0, discharges_ = 0, readmissions_30d_ = 0, gp_unmet_ = 0;
  double census_days_ = 0, delayed_sum_ = 0, los21_sum_ = 0;
  std::vector<double> site_ae_, site_ae_4h_, site_ae_left_, site_nea_, site_delayed_, site_opel4_, site_escalation_bed_days_;
  std::vector<double> loc_ae_, loc_nea_, loc_delayed_, loc_care_home_65_, loc_gp_unmet_;
  std::vector<double> day_ae_4h_, day_ae_left_, day_opel4_, day_occupied_area_, day_available_area_;
  double occupied_area_so_far_ = 0, available_area_so_far_ = 0;
  MeasuredMonths months_;
  std::array<std::vector<double>, kDailyCount> daily_;
};

}  // namespace pfsim::models
