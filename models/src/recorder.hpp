#pragma once
// Counts what the KPIs need for the measured period (warm-up excluded, DESIGN §4): events inside the window, and the
// A&E and bed-request cohorts that arrive in it followed until they leave or the follow-up cap (kFollowUpDays); for
// the whole system, per site (where the patient was treated) and per locality (where they live).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

#include "pfsim/engine/time.hpp"
#include "pfsim/models/replication_result.hpp"
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

/// The A&E standard: admitted, transferred or discharged within four hours of arrival.
inline constexpr double kFourHours = 4.0 * engine::kMinutesPerHour;
/// The arrival-cohort KPIs (DESIGN §5) follow the measured period's attendances and bed requests until they leave
/// A&E / get a bed, at most this long after the period ends; whoever is still there then is counted as still waiting.
inline constexpr double kFollowUpDays = 90.0;
/// Time-in-department percentiles come from a histogram of 10-minute bins up to 24 hours; longer stays share the
/// last bin, so a percentile that falls there reads 24 hours ("24 hours or more").
inline constexpr double kAeTimeBinMinutes = 10.0;
inline constexpr std::size_t kAeTimeBins = 24 * 6 + 1;
/// The twelve-hour measures: total time in A&E from arrival, and the trolley wait from decision to admit.
inline constexpr double kTwelveHours = 12.0 * engine::kMinutesPerHour;
/// Response-time centiles come from a histogram of 1-minute bins up to 4 hours; longer waits share the last bin.
inline constexpr double kResponseBinMinutes = 1.0;
inline constexpr std::size_t kResponseBins = 4 * 60 + 1;
/// Handover delays count from 15 minutes after arrival at hospital (the handover standard, DESIGN §5.2).
inline constexpr double kHandoverStandardMinutes = 15.0;
/// The RTT standards: incomplete pathways within 18 weeks, and waits of 52 weeks or more.
inline constexpr double kEighteenWeeks = 18.0 * 7.0 * engine::kMinutesPerDay;
inline constexpr double kFiftyTwoWeeks = 52.0 * 7.0 * engine::kMinutesPerDay;

/// How an attendance ended, beyond its times: which type of department treated it, and whether the patient left
/// without being seen.
struct AeExit {
  bool type1 = true;
  bool left_without_being_seen = false;
};

/// The raw numerators and denominators behind every KPI. One is kept for the whole system, one per site and one per
/// locality, and kpi_values() turns any of them into KPIs, so a KPI has one definition however it is cut.
struct KpiCounters {
  // Arrival cohorts: A&E times count per measured arrival and trolley waits per measured bed request, followed
  // after the period; `*_unfinished` are still waiting at the follow-up cap (their time so far is in the sums).
  double ae_attendances = 0, ae_left = 0, ae_within_4h = 0, ae_time_sum = 0, ae_unfinished = 0;
  double ae_type1 = 0, ae_type1_within_4h = 0, ae_over_12h = 0, ae_lwbs = 0, trolley_over_12h = 0;
  std::array<double, kAeTimeBins> ae_time_bins{};  // attendances by time in department (unfinished: last bin)
  double nea = 0, sdec = 0, nea_same_day_beds = 0, bed_waits = 0, bed_wait_sum = 0, bed_unfinished = 0;
  double dtoc_nhs = 0, dtoc_social = 0, dtoc_both = 0, dtoc_non_acute = 0;     // bed-days (acute + non-acute)
  double reablement_cohort = 0, reablement_home = 0;
  double care_home_65 = 0, care_home_18to64 = 0, discharges = 0, readmissions_30d = 0, hospital_deaths = 0, gp_unmet = 0;
  double discharges_before_noon = 0, discharges_at_weekend = 0;
  // Discharge-ready dates (adults 18+, stays of one night or more): discharges counted, on their date, days after it.
  double drd_discharges = 0, drd_on_date = 0, drd_delay_days = 0;
  double discharges_65 = 0, usual_residence = 0, usual_residence_65 = 0;  // usual place of residence
  std::array<double, 4> nctr_sum{};  // midnight census: adults past their discharge-ready time, by pathway P0-P3
  double falls_65 = 0, acsc_chronic = 0, acsc_urgent = 0;  // emergency admissions by condition (bedded and same-day)
  // Midnight census sums: adults delayed (acute + non-acute), split by attribution, and the non-acute ones.
  double delayed_sum = 0, delayed_nhs_sum = 0, delayed_social_sum = 0, delayed_both_sum = 0, delayed_non_acute_sum = 0;
  double los21_sum = 0;
  double occupied_area = 0, available_area = 0;                               // bed-minutes
  double midnight_occupied = 0, midnight_available = 0;                       // beds, summed over midnights
  double opel4_days = 0, escalation_bed_days = 0;
  double vw_step_ups = 0, vw_bed_days_saved = 0;                              // virtual wards
  double vw_occupied_area = 0, vw_available_area = 0;                         // virtual-ward slot-minutes
  // Planned care: referrals (clock starts), treated (day cases and ordinary admissions) and their clock stops.
  double el_referrals = 0, el_day_cases = 0, el_ordinary = 0, el_stops_18w = 0, el_within_target = 0;
  double el_cancelled = 0, el_not_rebooked = 0, el_bed_days = 0;
  double theatre_used = 0, theatre_available = 0;                             // theatre minutes
  double ward_occupied_area = 0, ward_available_area = 0;                     // elective-ward bed-minutes
  // Month-end snapshots of incomplete RTT pathways, summed over the measured month-ends (rtt_snapshots of them).
  double rtt_open = 0, rtt_open_18w = 0, rtt_open_52w = 0, rtt_snapshots = 0;
  // Ambulances (KpiModule::Ambulance, DESIGN §5.2): incidents by outcome, responses by category (minutes summed; a
  // call still waiting for a vehicle at the follow-up cap counts its wait so far), handovers and job cycles.
  double amb_incidents = 0, amb_conveyed = 0, amb_see_treat = 0, amb_hear_treat = 0;
  double cat1_responses = 0, cat1_response_sum = 0, cat2_responses = 0, cat2_response_sum = 0, responses_unfinished = 0;
  std::array<double, kResponseBins> cat1_response_bins{}, cat2_response_bins{};  // responses by minutes (last: 4 h+)
  double handovers = 0, handover_sum = 0, handovers_30 = 0, handovers_60 = 0, handover_lost = 0;
  double amb_jobs = 0, amb_job_sum = 0;
};

/// The people a cut of the system serves (mean over the measured period) and the measured days. Adults include the
/// people aged 65+.
struct KpiPeople {
  double population = 0, adults = 0, aged_65plus = 0;
};

/// How a person leaves the model (Context::remove_patient): the ASCOF 2B day-91 status of someone who leaves before
/// day 91 follows from it.
enum class Leaving : std::uint8_t { Home, Died, ToCareHome };
std::array<double, kKpiCount> kpi_values(const KpiCounters& c, const KpiPeople& people, double days, double census_days);

class Recorder {
 public:
  /// Marks an event with no treating site (a community care-home referral, GP demand): it is shared out over sites
  /// by the locality's ae.site_choice shares.
  static constexpr std::size_t kNoSite = std::numeric_limits<std::size_t>::max();

  Recorder(double measure_from, int days, std::size_t sites, const std::vector<std::vector<double>>& site_choice,
           MeasuredMonths months);

  [[nodiscard]] bool measured(double t) const { return t >= from_ && t < to_; }
  [[nodiscard]] std::size_t day(double t) const {
    return std::min(days_ - 1, static_cast<std::size_t>(std::max(0.0, (t - from_) / engine::kMinutesPerDay)));
  }
  [[nodiscard]] std::size_t days() const { return days_; }

  void ae_arrival(double t, std::size_t site, std::size_t locality) {
    if (!measured(t)) return;
    add(site, locality, [](KpiCounters& c) { ++c.ae_attendances; });
    daily(Daily::AeAttendances, t) += 1;
    ++open_;
  }
  /// A patient leaves A&E; counted against the arrival (4-hour standard is per attendance), however long after the
  /// measured period that is.
  void ae_departure(double arrived, double left, std::size_t site, std::size_t locality, AeExit exit = {}) {
    if (!measured(arrived)) return;
    const double minutes = left - arrived;
    const bool within = minutes <= kFourHours;
    const std::size_t bin = time_bin(minutes);
    add(site, locality, [&](KpiCounters& c) {
      ++c.ae_left;
      c.ae_time_sum += minutes;
      c.ae_within_4h += within;
      c.ae_type1 += exit.type1;
      c.ae_type1_within_4h += exit.type1 && within;
      c.ae_over_12h += minutes > kTwelveHours;
      c.ae_lwbs += exit.left_without_being_seen;
      ++c.ae_time_bins[bin];
    });
    const std::size_t d = day(arrived);
    ++day_ae_cohort_[d];
    day_ae_4h_[d] += within;
    close_one();
  }
  /// A measured attendance still in A&E at the follow-up cap `at`: a 4-hour breach, its time so far in the mean.
  void ae_unfinished(double arrived, double at, std::size_t site, std::size_t locality, bool type1) {
    if (!measured(arrived)) return;
    add(site, locality, [&](KpiCounters& c) {
      ++c.ae_unfinished;
      c.ae_time_sum += at - arrived;
      c.ae_type1 += type1;
      c.ae_over_12h += at - arrived > kTwelveHours;
      ++c.ae_time_bins[time_bin(at - arrived)];
    });
    ++day_ae_cohort_[day(arrived)];
  }
  void admission(double t, std::size_t site, std::size_t locality) {
    if (!measured(t)) return;
    add(site, locality, [](KpiCounters& c) { ++c.nea; });
    daily(Daily::Nea, t) += 1;
  }
  /// A bedded stay admitted at `admitted` that ended (discharge or death) at `left`: a zero-LOS stay when both fall on
  /// the same calendar day. Counted against the admission, like `nea`.
  void stay_ended(double admitted, double left, std::size_t site, std::size_t locality) {
    if (!measured(admitted)) return;
    if (std::floor(admitted / engine::kMinutesPerDay) == std::floor(left / engine::kMinutesPerDay))
      add(site, locality, [](KpiCounters& c) { ++c.nea_same_day_beds; });
  }
  /// An emergency admission at `t` (bed granted or same-day emergency care) with its condition (DESIGN §5.2).
  void admission_condition(double t, std::size_t site, std::size_t locality, scenario::Condition condition, bool aged_65plus) {
    if (!measured(t) || condition == scenario::Condition::Other) return;
    add(site, locality, [&](KpiCounters& c) {
      c.falls_65 += condition == scenario::Condition::Falls && aged_65plus;
      c.acsc_chronic += condition == scenario::Condition::AcscChronic;
      c.acsc_urgent += condition == scenario::Condition::AcscUrgent;
    });
  }
  void sdec(double t, std::size_t site, std::size_t locality) {
    if (measured(t)) add(site, locality, [](KpiCounters& c) { ++c.sdec; });
  }
  /// A bed is asked for at `t` (decision to admit, direct referral, readmission): a measured request joins the cohort
  /// the trolley wait follows.
  void bed_request(double t) {
    if (measured(t)) ++open_;
  }
  /// `from_ae`: the request is a decision to admit in A&E, so a wait over 12 hours is a 12-hour trolley wait.
  void bed_wait(double requested, double granted, std::size_t site, std::size_t locality, bool from_ae) {
    if (!measured(requested)) return;
    const bool trolley_12h = from_ae && granted - requested > kTwelveHours;
    add(site, locality, [&](KpiCounters& c) {
      ++c.bed_waits;
      c.bed_wait_sum += granted - requested;
      c.trolley_over_12h += trolley_12h;
    });
    close_one();
  }
  /// A measured bed request still waiting at the follow-up cap `at`: its wait so far counts in the mean.
  void bed_unfinished(double requested, double at, std::size_t site, std::size_t locality, bool from_ae) {
    if (!measured(requested)) return;
    const bool trolley_12h = from_ae && at - requested > kTwelveHours;
    add(site, locality, [&](KpiCounters& c) {
      ++c.bed_unfinished;
      c.bed_wait_sum += at - requested;
      c.trolley_over_12h += trolley_12h;
    });
  }
  /// Measured attendances still in A&E plus measured bed requests still waiting (a patient from A&E waiting for a
  /// bed counts in both).
  [[nodiscard]] std::int64_t cohort_open() const { return open_; }
  /// Called once when all_followed() becomes true (set after the measured period, to end the
  /// follow-up); empty: none.
  void on_cohort_done(std::function<void()> done) { on_cohort_done_ = std::move(done); }
  /// The whole-system counters so far (conservation checks).
  [[nodiscard]] const KpiCounters& totals() const { return total_; }
  /// Delayed bed-time over [from, to) for one reason, clipped to the window and split by that reason's attribution;
  /// `non_acute`: in an intermediate-care bed rather than an acute one.
  void delayed_period(double from, double to, const DelayAttribution& who, std::size_t site, std::size_t locality, bool non_acute) {
    const double a = std::max(from, from_), b = std::min(to, to_);
    if (b <= a) return;
    const double bed_days = (b - a) / engine::kMinutesPerDay;
    add(site, locality, [&](KpiCounters& c) {
      c.dtoc_nhs += bed_days * who.nhs;
      c.dtoc_social += bed_days * who.social_care;
      c.dtoc_both += bed_days * who.both;
      if (non_acute) c.dtoc_non_acute += bed_days;
    });
  }
  /// A stay in an acute bed over [admitted, left), clipped to the window. Only localities need it: a site's (and the
  /// system's) occupied bed-time comes from its bed resource.
  void bed_stay(double admitted, double left, std::size_t locality) {
    const double a = std::max(admitted, from_), b = std::min(left, to_);
    if (b > a) locality_[locality].occupied_area += b - a;
  }
  /// ASCOF 2B(1)'s cohort: people 65+ discharged into reablement or rehabilitation at `discharged` count when it is
  /// from 1 October to 31 December (any year the window covers); a window with no such day takes everyone discharged
  /// at least 91 days before it ends, so that day 91 is inside it.
  [[nodiscard]] bool in_home_at_91d_cohort(double discharged) const {
    if (!measured(discharged)) return false;
    return october_to_december_.empty() ? discharged + 91.0 * engine::kMinutesPerDay <= to_ : october_to_december_[day(discharged)];
  }
  /// A cohort member joins: their day-91 status is still to come, so the follow-up after the window waits for it.
  void home_at_91d_pending() { ++home_at_91d_open_; }
  /// A cohort member's status on day 91 after their discharge (or, if the follow-up stopped first, when it stopped).
  void home_at_91d(bool at_home, std::size_t site, std::size_t locality) {
    add(site, locality, [&](KpiCounters& c) {
      ++c.reablement_cohort;
      c.reablement_home += at_home;
    });
    --home_at_91d_open_;
    check_done();
  }
  [[nodiscard]] std::int64_t home_at_91d_open() const { return home_at_91d_open_; }
  /// `site` is the acute site that discharged the person, or kNoSite for a referral from the community. ASCOF 2A
  /// counts 18-64s (2A(1)) and 65+ (2A(2)) apart; under-18s are not in it.
  void care_home_admission(double t, std::size_t site, std::size_t locality, bool adult, bool aged_65plus) {
    if (!measured(t) || !adult) return;
    if (!aged_65plus) {
      add(site, locality, [](KpiCounters& c) { ++c.care_home_18to64; }, [](KpiCounters& c, double share) { c.care_home_18to64 += share; });
      return;
    }
    add(site, locality, [](KpiCounters& c) { ++c.care_home_65; }, [](KpiCounters& c, double share) { c.care_home_65 += share; });
    daily(Daily::CareHomeAdmissions65plus, t) += 1;
  }
  /// What a discharge from an acute bed (alive) counts in: its timing, its delay from the discharge-ready date, and
  /// where the person goes.
  struct DischargeFacts {
    bool before_noon = false, weekend = false;
    bool ready_date_counted = false;  // an adult after a stay of one night or more (the discharge-ready-date measures)
    double days_after_ready = 0;      // calendar days from the discharge-ready date to the discharge date
    bool usual_residence = false;     // to their own home (with or without support) or back to their care home
    bool aged_65plus = false;
  };
  void discharge(double t, std::size_t site, std::size_t locality, const DischargeFacts& f) {
    if (!measured(t)) return;
    add(site, locality, [&](KpiCounters& c) {
      ++c.discharges;
      c.discharges_before_noon += f.before_noon;
      c.discharges_at_weekend += f.weekend;
      c.usual_residence += f.usual_residence;
      c.discharges_65 += f.aged_65plus;
      c.usual_residence_65 += f.aged_65plus && f.usual_residence;
      if (!f.ready_date_counted) return;
      ++c.drd_discharges;
      c.drd_on_date += f.days_after_ready == 0;
      c.drd_delay_days += f.days_after_ready;
    });
    if (!f.ready_date_counted) return;
    const std::size_t d = day(t);
    ++day_drd_discharges_[d];
    day_drd_on_date_[d] += f.days_after_ready == 0;
  }
  /// An acute stay that ends in death at `t` (not a discharge).
  void hospital_death(double t, std::size_t site, std::size_t locality) {
    if (measured(t)) add(site, locality, [](KpiCounters& c) { ++c.hospital_deaths; });
  }
  /// Counted against the discharge it follows, at the site that discharged the person.
  void readmission_within_30d(double discharged, std::size_t site, std::size_t locality) {
    if (measured(discharged)) add(site, locality, [](KpiCounters& c) { ++c.readmissions_30d; });
  }
  /// Escalation beds `beds` open at `site` over [from, to), clipped to the measured window.
  void escalation_open(double from, double to, std::size_t site, double beds) {
    const double a = std::max(from, from_), b = std::min(to, to_);
    if (b <= a || beds <= 0) return;
    site_[site].escalation_bed_days += beds * (b - a) / engine::kMinutesPerDay;
  }
  void gp_unmet(double t, std::size_t locality, double appointments) {
    if (!measured(t)) return;
    add(kNoSite, locality, [&](KpiCounters& c) { c.gp_unmet += appointments; },
        [&](KpiCounters& c, double share) { c.gp_unmet += appointments * share; });
    daily(Daily::GpUnmetAppointments, t) += appointments;
  }
  /// Virtual-ward step-up at time t (counted if measured): an admission avoided, and the ward stay as bed-days saved.
  void virtual_ward_step_up(double t, std::size_t site, std::size_t locality, double stay) {
    if (!measured(t)) return;
    add(site, locality, [&](KpiCounters& c) {
      ++c.vw_step_ups;
      c.vw_bed_days_saved += stay / engine::kMinutesPerDay;
    });
  }
  /// Virtual-ward step-down at time t (counted if measured): the acute stay shortened by `shortening`.
  void virtual_ward_step_down(double t, std::size_t site, std::size_t locality, double shortening) {
    if (measured(t)) add(site, locality, [&](KpiCounters& c) { c.vw_bed_days_saved += shortening / engine::kMinutesPerDay; });
  }
  /// A virtual-ward stay over [from, to), clipped to the window (localities only, as bed_stay).
  void virtual_ward_stay(double from, double to, std::size_t locality) {
    const double a = std::max(from, from_), b = std::min(to, to_);
    if (b > a) locality_[locality].vw_occupied_area += b - a;
  }
  // Ambulances (KpiModule::Ambulance, DESIGN §5.2) ---------------------------------------------------------------
  enum class IncidentOutcome : std::uint8_t { HearAndTreat, SeeAndTreat, Conveyed };
  /// An incident at `t` (the call); `site` is where a conveyed patient is taken, kNoSite otherwise. `needs_vehicle`:
  /// a measured call joins the cohort the follow-up waits for until a vehicle reaches it.
  void ambulance_incident(double t, std::size_t site, std::size_t locality, IncidentOutcome outcome) {
    if (!measured(t)) return;
    const auto count = [outcome](KpiCounters& c, double share) {
      c.amb_incidents += share;
      (outcome == IncidentOutcome::Conveyed ? c.amb_conveyed : outcome == IncidentOutcome::SeeAndTreat ? c.amb_see_treat : c.amb_hear_treat) += share;
    };
    add(site, locality, [&](KpiCounters& c) { count(c, 1.0); }, count);
    if (outcome != IncidentOutcome::HearAndTreat) ++open_;
  }
  /// A vehicle reached the scene of the call made at `called` after `minutes`; category 1-4.
  void ambulance_response(double called, double minutes, int category, std::size_t locality) {
    if (!measured(called)) return;
    add_response(minutes, category, locality);
    close_one();
  }
  /// A measured call still waiting for a vehicle at the follow-up cap: its wait so far counts in the mean.
  void ambulance_response_unfinished(double called, double at, int category, std::size_t locality) {
    if (!measured(called)) return;
    add_response(at - called, category, locality);
    add(kNoSite, locality, [](KpiCounters& c) { ++c.responses_unfinished; },
        [](KpiCounters& c, double share) { c.responses_unfinished += share; });
  }
  /// An ambulance that arrived at `site` at `arrived` handed its patient over after `minutes` (counted against the
  /// arrival, as A&E times are; a handover still waiting at the follow-up cap counts its time so far).
  void handover(double arrived, double minutes, std::size_t site, std::size_t locality) {
    if (!measured(arrived)) return;
    add(site, locality, [&](KpiCounters& c) {
      ++c.handovers;
      c.handover_sum += minutes;
      c.handovers_30 += minutes > 30.0;
      c.handovers_60 += minutes > 60.0;
      c.handover_lost += std::max(0.0, minutes - kHandoverStandardMinutes);
    });
  }
  /// A vehicle dispatched at `dispatched` cleared after `minutes`; `site` as for ambulance_incident.
  void ambulance_job(double dispatched, double minutes, std::size_t site, std::size_t locality) {
    if (!measured(dispatched)) return;
    const auto count = [minutes](KpiCounters& c, double share) {
      c.amb_jobs += share;
      c.amb_job_sum += minutes * share;
    };
    add(site, locality, [&](KpiCounters& c) { count(c, 1.0); }, count);
  }
  // Planned care (KpiModule::PlannedCare, DESIGN §5.6) ---------------------------------------------------------
  /// An RTT clock start (a referral) at `t`, at the site that will treat it.
  void elective_referral(double t, std::size_t site, std::size_t locality) {
    if (measured(t)) add(site, locality, [](KpiCounters& c) { ++c.el_referrals; });
  }
  /// Treated at `t` (a day case, or an ordinary admission to a bed): the admitted clock stop of a pathway that
  /// started at `clock_start`; `minutes` of theatre time used.
  void elective_treated(double t, double clock_start, bool day_case, bool within_target, double minutes, std::size_t site,
                        std::size_t locality) {
    if (!measured(t)) return;
    const bool within_18w = t - clock_start < kEighteenWeeks;
    add(site, locality, [&](KpiCounters& c) {
      (day_case ? c.el_day_cases : c.el_ordinary) += 1;
      c.el_stops_18w += within_18w;
      c.el_within_target += within_target;
    });
    site_[site].theatre_used += minutes;
  }
  /// Theatre minutes planned at `site` on the day of `t`. Theatre time is the site's: the system sums it and localities
  /// get their catchment's part in finish(), for the minutes used (elective_treated) as for these.
  void theatre_sessions(double t, std::size_t site, double minutes) {
    if (measured(t)) site_[site].theatre_available += minutes;
  }
  /// An operation cancelled on the day at `t` for a non-clinical reason (no bed).
  void elective_cancelled(double t, std::size_t site, std::size_t locality) {
    if (!measured(t)) return;
    add(site, locality, [](KpiCounters& c) { ++c.el_cancelled; });
    month_cancelled_[months_.month_of_day[day(t)]] += 1;
  }
  /// The operation cancelled at `cancelled` was not done within the rebooking standard (counted against the cancellation).
  void elective_not_rebooked(double cancelled, std::size_t site, std::size_t locality) {
    if (measured(cancelled)) add(site, locality, [](KpiCounters& c) { ++c.el_not_rebooked; });
  }
  /// An elective stay in a bed over [admitted, left), clipped to the window: bed-days, and the locality's G&A bed-time.
  void elective_stay(double admitted, double left, std::size_t site, std::size_t locality) {
    const double a = std::max(admitted, from_), b = std::min(left, to_);
    if (b <= a) return;
    add(site, locality, [&](KpiCounters& c) { c.el_bed_days += (b - a) / engine::kMinutesPerDay; });
    locality_[locality].occupied_area += b - a;
  }
  /// One incomplete RTT pathway at the end of measured month `month`, open for `waited` minutes.
  void rtt_open_at_month_end(std::size_t month, double waited, std::size_t site, std::size_t locality) {
    const bool within_18w = waited < kEighteenWeeks, over_52w = waited >= kFiftyTwoWeeks;
    add(site, locality, [&](KpiCounters& c) {
      ++c.rtt_open;
      c.rtt_open_18w += within_18w;
      c.rtt_open_52w += over_52w;
    });
    month_rtt_open_[month] += 1;
    month_rtt_18w_[month] += within_18w;
    month_rtt_52w_[month] += over_52w;
  }
  /// The month-end snapshot of `month` is complete.
  void rtt_snapshot_taken(std::size_t /*month*/) { ++rtt_snapshots_; }
  /// A check still to come about something measured (a rebooking deadline): the follow-up waits for it.
  void follow_up_pending() { ++follow_ups_open_; }
  void follow_up_done() {
    --follow_ups_open_;
    check_done();
  }
  /// Every measured cohort and pending check is settled.
  [[nodiscard]] bool all_followed() const { return open_ == 0 && home_at_91d_open_ == 0 && follow_ups_open_ == 0; }
  [[nodiscard]] const MeasuredMonths& months() const { return months_; }

  /// One patient in an acute bed at the midnight census of a measured day; `delay` is the attribution of an adult's
  /// delay (nullptr: not delayed, or under 18).
  /// `nctr_pathway`: an adult past their discharge-ready time (no criteria to reside), on pathway 0-3; -1 otherwise.
  void in_bed_at_midnight(std::size_t site, std::size_t locality, const DelayAttribution* delay, bool adult_over_21d,
                          int nctr_pathway = -1) {
    add(site, locality, [&](KpiCounters& c) {
      if (delay) add_delayed(c, *delay);
      c.los21_sum += adult_over_21d;
      ++c.midnight_occupied;
      if (nctr_pathway >= 0) ++c.nctr_sum[static_cast<std::size_t>(nctr_pathway)];
    });
  }
  /// One adult delayed in an intermediate-care bed at the midnight census (a non-acute delay), with its attribution.
  void delayed_non_acute_at_midnight(std::size_t site, std::size_t locality, const DelayAttribution& delay) {
    add(site, locality, [&](KpiCounters& c) {
      add_delayed(c, delay);
      ++c.delayed_non_acute_sum;
    });
  }

  /// Midnight census taken at the end of measured day `d` (after in_bed_at_midnight for each patient in a bed).
  struct Census {
    double beds_occupied = 0, beds_available = 0, delayed = 0, no_criteria_to_reside = 0;
    double reablement = 0, intermediate_care = 0, care_home = 0;
    double beds_closed = 0, escalation_open = 0, opel_level = 0;
    double virtual_ward = 0;                        // virtual-ward slots in use, all sites
    double elective_in_beds = 0, elective_waiting = 0;  // planned care: inpatients in a bed, admitted waiting list
    double occupied_area = 0, available_area = 0;   // bed-minutes since the measured period began, all sites
    std::vector<int> opel_by_site;                  // empty when winter.opel is off
    std::vector<double> beds_available_by_site;     // open acute beds at each site
    std::vector<double> queues;                     // waiting for each capacity, in capacity_names() order
  };
  void census(std::size_t d, const Census& c);

  /// Populations (mean over the measured period) and bed-minutes by site from the bed resources.
  struct Denominators {
    double population = 0, adults = 0, aged_65plus = 0;
    std::vector<double> locality_population, locality_adults, locality_65plus;
    std::vector<double> site_occupied_area, site_available_area;
    std::vector<double> site_vw_occupied_area, site_vw_available_area;  // empty without virtual wards
    std::vector<double> site_ward_occupied_area, site_ward_available_area;  // elective wards; empty without planned care
  };
  ReplicationResult finish(const Denominators& den) const;

 private:
  /// Adds an event to the system, its site and its locality; `share_out` takes a kNoSite event's site shares.
  template <typename Add>
  void add(std::size_t site, std::size_t locality, Add&& f) {
    f(total_);
    f(site_[site]);
    f(locality_[locality]);
  }
  template <typename Add, typename ShareOut>
  void add(std::size_t site, std::size_t locality, Add&& f, ShareOut&& share_out) {
    if (site != kNoSite) return add(site, locality, f);
    f(total_);
    f(locality_[locality]);
    const double* shares = &site_choice_[locality * site_.size()];
    for (std::size_t s = 0; s < site_.size(); ++s)
      if (shares[s] > 0) share_out(site_[s], shares[s]);
  }
  void finish_monthly(ReplicationResult& r) const;
  static void add_delayed(KpiCounters& c, const DelayAttribution& delay) {
    ++c.delayed_sum;
    c.delayed_nhs_sum += delay.nhs;
    c.delayed_social_sum += delay.social_care;
    c.delayed_both_sum += delay.both;
  }
  static std::size_t time_bin(double minutes) {
    return std::min(kAeTimeBins - 1, static_cast<std::size_t>(std::max(0.0, minutes) / kAeTimeBinMinutes));
  }
  double& daily(Daily which, double t) { return daily_[static_cast<std::size_t>(which)][day(t)]; }

  double from_, to_;
  std::size_t days_;
  std::vector<double> site_choice_;  // [locality × site], each row normalised to sum to 1
  KpiCounters total_;
  std::vector<KpiCounters> site_, locality_;
  double census_days_ = 0;
  void add_response(double minutes, int category, std::size_t locality) {
    if (category > 2) return;
    const std::size_t bin = std::min(kResponseBins - 1, static_cast<std::size_t>(std::max(0.0, minutes) / kResponseBinMinutes));
    const auto count = [minutes, category, bin](KpiCounters& c, double share) {
      (category == 1 ? c.cat1_responses : c.cat2_responses) += share;
      (category == 1 ? c.cat1_response_sum : c.cat2_response_sum) += minutes * share;
      (category == 1 ? c.cat1_response_bins : c.cat2_response_bins)[bin] += share;
    };
    add(kNoSite, locality, [&](KpiCounters& c) { count(c, 1.0); }, count);
  }
  void close_one() {
    --open_;
    check_done();
  }
  void check_done() {
    if (all_followed() && on_cohort_done_) on_cohort_done_();
  }

  std::int64_t open_ = 0, home_at_91d_open_ = 0, follow_ups_open_ = 0;
  double rtt_snapshots_ = 0;
  std::vector<double> month_cancelled_, month_rtt_open_, month_rtt_18w_, month_rtt_52w_;  // planned care, [month]
  std::vector<bool> october_to_december_;  // [measured day]; empty when the window has no such day
  std::function<void()> on_cohort_done_;
  // day_ae_cohort_: the day's arrivals counted so far (left A&E, or still there at the follow-up cap).
  std::vector<double> day_ae_4h_, day_ae_cohort_, day_opel4_, day_occupied_area_, day_available_area_;
  std::vector<double> day_drd_discharges_, day_drd_on_date_;  // the day's adult discharges after a night or more
  double occupied_area_so_far_ = 0, available_area_so_far_ = 0;
  MeasuredMonths months_;
  std::array<std::vector<double>, kDailyCount> daily_;
  std::vector<std::vector<float>> queues_;  // [resource][day]
};

}  // namespace pfsim::models
