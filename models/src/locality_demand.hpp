#pragma once
// Arrivals from one locality's population (A&E, direct admissions, care-home referrals).
#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "context.hpp"
#include "pfsim/engine/arrivals.hpp"

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
  /// One day's rates with bounds that hold at every instant of it, for the thinning and band decisions: they are
  /// settled from these unless too close to call, and then from the exact values (engine/growth.hpp, decide_le).
  /// Why per day: growth moves a rate by < 1e-4 in a day, so a day's midpoint is close enough to settle all but a
  /// few in 10^4 decisions, and it is formed once a day instead of a band-by-band product for every candidate.
  struct Day {
    double start = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> weight;  // per band: midpoint over the day of people × rate per person (× month multiplier)
    double rate = 0;             // Σ weight: rate_without_profile's midpoint
    double envelope = 0;         // the thinning envelope's midpoint (base × largest multiplier × trend)
    double accept_margin = 0;    // decide_le margin covering both rate and envelope over the day
    double band_margin = 0;      // pick_by_weight_approx margin covering every weight over the day
  };
  /// The day holding t (formed when t leaves the previous one). Inline: it is asked twice per arrival.
  const Day& day_at(double t) const {
    return t >= day_.start && t < day_.start + engine::kMinutesPerDay ? day_ : form_day(t);
  }
  const Day& form_day(double t) const;
  std::vector<double> per_person_per_minute_;
  std::vector<double> band_base_, band_growth_;
  std::vector<engine::GrowthFactor> band_factor_;
  /// Some band grows and every growing band (and the envelope) grows slowly enough for the day bounds.
  bool approximate_ = false;
  mutable std::vector<double> people_;
  mutable double people_t_ = std::numeric_limits<double>::quiet_NaN();
  mutable Day day_;
  const std::array<std::vector<double>, kMonths>* month_multiplier_;
  double base_per_minute_ = 0, max_growth_ = 0, max_multiplier_ = 1.0;
  /// The next candidate of the envelope process after `after`: nhpp_ up to its horizon (the day after the measured
  /// period, so the measured period's arrivals are those of a run without follow-up), then follow_nhpp_ (to
  /// Context::follow_to) from there on, both on stream_ (a Poisson process restarted at a fixed time is the same
  /// process).
  double candidate(double after);
  [[nodiscard]] const engine::NhppArrivals& nhpp_at(double t) const { return t > window_horizon_ ? follow_nhpp_ : nhpp_; }
  engine::NhppArrivals nhpp_, follow_nhpp_;
  double window_horizon_;
  engine::Stream stream_;
};

}  // namespace pfsim::models
