#pragma once
// The services of the local system. Each owns its capacity and the steps of the pathway that happen in it;
// a patient moves between them by method calls and scheduled events, all on one Context.
#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "pfsim/engine/arrivals.hpp"
#include "pfsim/engine/resource.hpp"

namespace pfsim::models {

/// Non-homogeneous Poisson demand of one locality whose rate is Σ_band people(t) × rate_band × profile(t).
/// The engine's thinning runs against an envelope with the locality's largest band growth; a second exact
/// thinning step accepts each candidate with probability actual / envelope.
class LocalityDemand {
 public:
  /// `month_multiplier` ([month][band], winter) scales the rate on top of the profile; the thinning envelope
  /// includes its largest value so the process stays exact. nullptr = no multiplier (and no extra work).
  LocalityDemand(Context& ctx, std::size_t locality, std::vector<double> per_person_per_year, const engine::RateProfile& profile,
                 const std::string& stream_name,
                 const std::array<std::vector<double>, kMonths>* month_multiplier = nullptr);
  /// Time of the next arrival after `after` (+inf when there is no demand).
  double next(double after);
  /// Age band of an arrival at time t, chosen in proportion to the band's share of the rate.
  std::size_t pick_band(double t) { return pick_band(t, stream_); }
  std::size_t pick_band(double t, engine::Stream& rng) const;
  [[nodiscard]] bool active() const { return base_per_minute_ > 0; }

 private:
  Context& ctx_;
  std::size_t locality_;
  /// Rate per minute at `t` for these people per band, without the hour/weekday/month profile (that is in the
  /// engine's thinning).
  [[nodiscard]] double rate_without_profile(const std::vector<double>& people, double t) const;
  /// People per band at t (PopulationProjection::people, same values), memoised for the last t: next() and then
  /// pick_band() ask at the same accepted time, and a band growing at the envelope's rate shares its pow.
  const std::vector<double>& people_at(double t) const;
  /// people_at(t) from GrowthFactor::approx (relative error < 1e-13), for decisions that fall back to people_at
  /// when too close to call (engine/growth.hpp); memoised for the last t too.
  const std::vector<double>& approx_people_at(double t) const;
  std::vector<double> per_person_per_minute_;
  std::vector<double> band_base_, band_growth_;
  std::vector<engine::GrowthFactor> band_factor_;
  /// Some band grows and every growing band (and the envelope) has a usable approximation.
  bool approximate_ = false;
  mutable std::vector<double> people_, approx_people_;
  mutable double people_t_ = std::numeric_limits<double>::quiet_NaN(), approx_people_t_ = std::numeric_limits<double>::quiet_NaN();
  const std::array<std::vector<double>, kMonths>* month_multiplier_;
  double base_per_minute_ = 0, max_growth_ = 0, max_multiplier_ = 1.0;
  engine::NhppArrivals nhpp_;
  engine::Stream stream_;
};

/// Emergency demand: A&E attendances and direct (GP-referred) admissions from every locality.
class EmergencyDemand {
 public:
  explicit EmergencyDemand(Context& ctx);
  void start();
  /// An A&E attendance now from `locality`, displaced from primary care.
  void displaced_attendance(std::size_t locality);

 private:
  enum class Origin : std::size_t { Ae, Direct, Displaced };
  /// An A&E attendance; `route_origin` and `index` key the person's routing stream (unused without routing).
  void attend(std::uint32_t id, const engine::StreamFamily* route_origin, std::uint64_t index);
  /// The routing streams of an origin ("route/<origin>"); nullptr without routing.
  [[nodiscard]] const engine::StreamFamily* route_origin(std::size_t locality, Origin origin) const;

  Context& ctx_;
  std::vector<LocalityDemand> ae_, direct_;
  std::vector<std::string> ae_origin_, direct_origin_, displaced_origin_;
  std::vector<engine::StreamFamily> ae_family_, direct_family_, displaced_family_;  // [locality], of the origins above
  std::vector<engine::StreamFamily> route_family_;  // [locality][Origin] of "route/<origin>"; empty without routing
  std::vector<std::uint64_t> ae_count_, direct_count_, displaced_count_;
  engine::HandlerId ae_handler_ = 0, direct_handler_ = 0, transferred_handler_ = 0;
};

/// One site's emergency department: triage, then a clinician (hour-of-week rota), then an outcome.
class EmergencyDepartment {
 public:
  EmergencyDepartment(Context& ctx, std::size_t site, const SiteAe& settings);
  void arrive(std::uint32_t id);

 private:
  void join_queue(std::uint32_t id);
  void start_treatment(std::uint32_t id);
  void finish_treatment(std::uint32_t id);

  Context& ctx_;
  std::size_t site_;
  engine::HandlerId triaged_, granted_, treated_;
  engine::Resource clinicians_;
};

/// One site's acute beds: admission (with a trolley wait when full), stay until medically fit.
class AcuteBeds {
 public:
  AcuteBeds(Context& ctx, std::size_t site, int beds);
  /// Asks for a bed now (decision to admit, direct admission or readmission).
  void request(std::uint32_t id);
  /// Frees the patient's bed.
  void leave(std::uint32_t id);
  [[nodiscard]] const engine::Resource& beds() const { return beds_; }
  engine::Resource& beds() { return beds_; }
  /// Census warm start: the patient has held a bed here since `admitted_at` (< 0: before the run). Draws the
  /// episode as an admission would (with `pathway` fixed when given); the stay until medically fit is the time
  /// already spent plus the residual of the LOS distribution. With `fit_at` the patient is medically fit since then
  /// (a delayed transfer of care) and the caller continues the discharge.
  void resume_stay(std::uint32_t id, double admitted_at, std::optional<Pathway> pathway, std::optional<double> fit_at);

 private:
  void admit(std::uint32_t id);
  void draw_episode(Patient& p, std::optional<Pathway> pathway = std::nullopt);

  Context& ctx_;
  std::size_t site_;
  engine::HandlerId granted_, medically_fit_;
  engine::Resource beds_;
};

/// From medically fit to leaving the acute bed: pathway, assessment, waiting for the pathway (DToC).
class Discharge {
 public:
  explicit Discharge(Context& ctx);
  void medically_fit(std::uint32_t id);
  /// The patient leaves the acute bed now (delayed days, if any, are recorded).
  void leave_bed(std::uint32_t id);
  /// Census warm start: a delayed patient still waiting for assessment; what is left of it is the residual of the
  /// assessment-delay distribution given the time since medically fit.
  void resume_assessment(std::uint32_t id);
  /// Assessed: asks for a place on the pathway now (or goes home when the pathway's service is not modelled).
  void start_pathway(std::uint32_t id);

 private:
  void assessed(std::uint32_t id);
  void home_from_bed(std::uint32_t id);
  /// True when the winter discharge dip holds the patient until a working morning (the event is then scheduled).
  bool held(std::uint32_t id, engine::HandlerId retry);
  Context& ctx_;
  engine::HandlerId assessed_, home_from_bed_;
};

/// Reablement (P1, packages at home) or intermediate care (P2, beds): capacity, duration, 91-day outcomes.
class DownstreamCare {
 public:
  DownstreamCare(Context& ctx, const DownstreamService& settings, Stage stage, const char* name);
  void request(std::uint32_t id);
  [[nodiscard]] const engine::Resource& capacity() const { return capacity_; }
  engine::Resource& capacity() { return capacity_; }
  /// Census warm start: the person has been in the service since `started_at` (< 0: before the run). The rest of the
  /// package is the residual of the duration distribution; the 91-day outcome is drawn given that nothing has
  /// ended it yet.
  void resume(std::uint32_t id, double started_at);

 private:
  void start(std::uint32_t id);
  void finish(std::uint32_t id);

  Context& ctx_;
  const DownstreamService& settings_;
  Stage stage_;
  engine::HandlerId granted_, finished_;
  engine::Resource capacity_;
};

/// Permanent care homes: admissions from hospital (P3), after reablement and from the community; stays end by death.
class CareHomes {
 public:
  CareHomes(Context& ctx, const CareHomeSettings& settings);
  void start();
  void request(std::uint32_t id);
  [[nodiscard]] const engine::Resource& beds() const { return beds_; }
  engine::Resource& beds() { return beds_; }
  /// Census warm start: a resident since `admitted_at` (NaN: not known). The remaining stay is the residual of the
  /// stay distribution, or its forward-recurrence time when the admission date is not known.
  void resume(std::uint32_t id, double admitted_at);

 private:
  void admit(std::uint32_t id);
  void community_arrival(std::size_t locality);
  [[nodiscard]] double forward_recurrence(engine::Stream& rng) const;

  Context& ctx_;
  const CareHomeSettings& settings_;
  engine::HandlerId granted_, died_, community_;
  engine::Resource beds_;
  std::vector<LocalityDemand> community_demand_;
  std::vector<std::string> community_origin_;
  std::vector<engine::StreamFamily> community_family_;  // [locality], of community_origin_
  std::vector<std::uint64_t> community_count_;
};

/// What follows a discharge home: 30-day readmissions and the 91-day outcomes of reablement/intermediate care.
class AfterDischarge {
 public:
  explicit AfterDischarge(Context& ctx);
  /// Discharged home (P0, or a pathway whose service is not modelled).
  void home(std::uint32_t id);
  /// Applies a 91-day outcome now, or schedules it for when it falls due.
  void outcome(std::uint32_t id);
  /// Census warm start: discharged from an acute bed at `discharged_at` with `outcome` still to come (Home = a
  /// 30-day readmission after a home discharge; Readmit or CareHome = a 91-day outcome). Event times are uniform
  /// over their window, so given that it has not happened yet the time is uniform over what is left of it.
  void resume(std::uint32_t id, double discharged_at, Outcome91d outcome);

 private:
  void readmit(std::uint32_t id);
  Context& ctx_;
  engine::HandlerId readmit_, outcome_due_;
};

/// GP appointments: daily demand vs slots per locality; part of the unmet demand attends A&E that day.
class PrimaryCare {
 public:
  PrimaryCare(Context& ctx, const PrimaryCareSettings& settings);
  /// Called at each midnight for the day that starts.
  void new_day(double midnight);

 private:
  Context& ctx_;
  const PrimaryCareSettings& settings_;
  std::vector<engine::Stream> streams_;
  std::vector<double> hour_cumulative_;
  engine::HandlerId displaced_;
};

/// Winter pressures (DESIGN §3): monthly LOS multipliers, the weekend/bank-holiday discharge dip, outbreaks that
/// close beds, escalation beds and OPEL levels. Built only when the scenario has a `winter` section; each part
/// draws only from its own streams ("winter/outbreaks/<site>") or, for the dip, a uniform appended to the episode.
class Winter {
 public:
  Winter(Context& ctx, const WinterSettings& settings);
  /// Schedules the hourly escalation checks.
  void start();
  /// Called at each midnight for the day that starts: draws the day's outbreak starts.
  void new_day(double midnight);
  /// Ends the escalation bed-day integral at `end`.
  void finish(double end);

  /// LOS multiplier for an admission at `t` (1 when not set).
  [[nodiscard]] double los_multiplier(double t) const;
  [[nodiscard]] bool has_los_multiplier() const { return settings_.los_multiplier.has_value(); }
  /// True when some day has a discharge factor below 1 (episodes then draw one more uniform).
  [[nodiscard]] bool has_discharge_dip() const { return has_dip_; }
  /// When a patient ready to leave at `now` with uniform `u` is held by the dip: the working morning they leave;
  /// otherwise NaN.
  [[nodiscard]] double held_until(double now, double u, std::size_t site = 0) const;

  [[nodiscard]] int beds_closed(std::size_t site) const { return std::min(closed_[site], general_[site]); }
  [[nodiscard]] int escalation_open(std::size_t site) const { return escalation_open_[site]; }
  /// A scheme changed the site's general beds (closed and escalation beds still apply on top).
  void set_general_beds(std::size_t site, int beds);
  /// OPEL level 1–4 of `site` now, or 0 when winter.opel is off.
  [[nodiscard]] int opel_level(std::size_t site) const;

 private:
  struct Outbreak {
    std::size_t site;
    int beds;
    double duration;
  };
  [[nodiscard]] double core_occupancy_pct(std::size_t site) const;
  void apply_capacity(std::size_t site);
  void outbreak_start(std::uint32_t index);
  void outbreak_end(std::uint32_t index);
  void check_escalation(std::size_t site);
  void set_escalation(std::size_t site, int beds);

  Context& ctx_;
  const WinterSettings& settings_;
  std::vector<float> discharge_factor_;       // by simulated day
  std::vector<bool> weekend_only_;            // by simulated day: reduced because it is a weekend (not a bank holiday)
  bool has_dip_ = false;
  std::vector<int> general_, closed_, escalation_open_, hours_above_;
  std::vector<double> escalation_since_;
  std::vector<engine::Stream> outbreak_streams_;  // one per settings_.outbreaks entry
  std::vector<Outbreak> outbreaks_;
  engine::HandlerId outbreak_start_, outbreak_end_, escalation_check_;
};

}  // namespace pfsim::models
