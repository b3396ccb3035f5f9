#pragma once
// Non-homogeneous Poisson arrivals by thinning (Lewis & Shedler 1979) against a piecewise-constant rate
// rate(t) = base × hour[h] × weekday[d] × month[m] × (1 + growth)^(years since start).
// Thinning is exact: no "rate per period then spread uniformly" approximation.
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "pfsim/engine/growth.hpp"
#include "pfsim/engine/rng.hpp"
#include "pfsim/engine/time.hpp"

namespace pfsim::engine {

/// Relative multipliers by hour of day, day of week (Monday first) and month (January first).
/// Each is normalised to mean 1 so `base` stays the long-run average rate.
struct RateProfile {
  std::array<double, 24> hour{};
  std::array<double, 7> weekday{};
  std::array<double, 12> month{};
  /// A flat profile (all multipliers 1).
  static RateProfile flat();
  /// Normalises each array to mean 1; returns false when an array has a negative entry or sums to 0.
  bool normalise();
};

class NhppArrivals {
 public:
  /// `base_per_minute` is the mean rate; `annual_growth` compounds continuously by elapsed years.
  NhppArrivals(double base_per_minute, RateProfile profile, Calendar calendar, double annual_growth = 0.0,
               double horizon_minutes = 10.0 * 365.25 * 1440.0);

  /// Instantaneous rate (per minute) at time t.
  [[nodiscard]] double rate(double t) const;
  /// The growth factor (1 + growth)^(t / minutes per year) in rate(t), exactly as rate(t) uses it (1 without growth).
  /// Memoised for the last t asked, so a caller thinning again at an accepted time gets it without another pow.
  [[nodiscard]] double trend(double t) const;
  /// Time of the first arrival strictly after `after`, or +infinity beyond the horizon. `margin` is the band within
  /// which a thinning test is redone with the exact growth factor (growth.hpp); any margin gives the same arrivals
  /// (tests force the exact path with a huge one).
  double next(double after, Stream& stream, double margin = kDecisionMargin) const;
  /// The growth factor, for callers that decide with its approximation.
  [[nodiscard]] const GrowthFactor& growth() const noexcept { return growth_factor_; }
  [[nodiscard]] double max_rate() const noexcept { return max_rate_; }

 private:
  double base_;
  RateProfile profile_;
  Calendar calendar_;
  double growth_;
  double horizon_;
  double max_rate_;
  GrowthFactor growth_factor_;
  /// rate(t) without the trend, formed once per hour: times inside [hour_from_, hour_to_) reuse it.
  [[nodiscard]] double seasonal(double t) const {
    if (t >= hour_from_ && t < hour_to_) return hour_seasonal_;
    return new_hour(t);
  }
  double new_hour(double t) const;
  mutable double hour_from_ = 0, hour_to_ = -1, hour_seasonal_ = 0;
  mutable std::int64_t cached_day_ = -1;
  mutable double cached_weekday_ = 0, cached_month_ = 0;
  mutable double trend_t_ = std::numeric_limits<double>::quiet_NaN(), trend_ = 1;  // trend(trend_t_) == trend_
};

}  // namespace pfsim::engine
