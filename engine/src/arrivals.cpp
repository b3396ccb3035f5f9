#include "pfsim/engine/arrivals.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace pfsim::engine {
namespace {
template <std::size_t N>
bool normalise_array(std::array<double, N>& a) {
  double sum = 0;
  for (double v : a) {
    if (!(v >= 0) || !std::isfinite(v)) return false;
    sum += v;
  }
  if (sum <= 0) return false;
  for (double& v : a) v *= static_cast<double>(N) / sum;
  return true;
}
}  // namespace

RateProfile RateProfile::flat() {
  RateProfile p;
  p.hour.fill(1.0);
  p.weekday.fill(1.0);
  p.month.fill(1.0);
  return p;
}

bool RateProfile::normalise() { return normalise_array(hour) && normalise_array(weekday) && normalise_array(month); }

NhppArrivals::NhppArrivals(double base_per_minute, RateProfile profile, Calendar calendar, double annual_growth,
                           double horizon_minutes)
    : base_(base_per_minute), profile_(profile), calendar_(calendar), growth_(annual_growth), horizon_(horizon_minutes),
      growth_factor_(annual_growth) {
  const double hmax = *std::max_element(profile_.hour.begin(), profile_.hour.end());
  const double dmax = *std::max_element(profile_.weekday.begin(), profile_.weekday.end());
  const double mmax = *std::max_element(profile_.month.begin(), profile_.month.end());
  const double years = horizon_ / kMinutesPerYear;
  const double trend_max = growth_ >= 0 ? std::pow(1.0 + growth_, years) : 1.0;
  max_rate_ = base_ * hmax * dmax * mmax * trend_max;
}

double NhppArrivals::new_hour(double t) const {
  // The calendar lookups change once a day, so they are cached by day; the product is formed in the same order
  // either way, so results do not depend on the caches.
  const std::int64_t day = Calendar::day_index(t);
  if (day != cached_day_) {
    cached_day_ = day;
    cached_weekday_ = profile_.weekday[static_cast<std::size_t>(calendar_.weekday(t))];
    cached_month_ = profile_.month[static_cast<std::size_t>(calendar_.month(t))];
  }
  const int hour = Calendar::hour(t);
  const double value = base_ * profile_.hour[static_cast<std::size_t>(hour)] * cached_weekday_ * cached_month_;
  // Every time at least kEdge inside this (day, hour) slot gets the same day and hour from the floating-point
  // formulas of Calendar: t / 1440 is then >= 7e-8 from an integer while it errs by < 1e-9 (t < 2^30 minutes), and
  // the minute of the day is >= 1e-4 from an hour boundary while it errs by < 1e-6. So such times reuse the value.
  constexpr double kEdge = 1e-4;
  const double slot = static_cast<double>(day) * kMinutesPerDay + hour * kMinutesPerHour;
  hour_from_ = slot + kEdge;
  hour_to_ = slot + kMinutesPerHour - kEdge;
  hour_seasonal_ = value;
  return value;
}

double NhppArrivals::rate(double t) const {
  const double seasonal_rate = seasonal(t);
  if (growth_ == 0.0) return seasonal_rate;  // pow(1, y) is exactly 1
  return seasonal_rate * trend(t);
}

double NhppArrivals::trend(double t) const {
  if (growth_ == 0.0) return 1.0;
  if (t != trend_t_) {
    trend_t_ = t;
    trend_ = growth_factor_.exact(t);
  }
  return trend_;
}

double NhppArrivals::next(double after, Stream& stream, double margin) const {
  if (max_rate_ <= 0) return std::numeric_limits<double>::infinity();
  double t = after;
  for (;;) {
    t += stream.exponential(1.0 / max_rate_);
    if (t > horizon_) return std::numeric_limits<double>::infinity();
    // Accept when u × max rate <= rate(t). The growth factor's pow is only needed when the approximate rate cannot
    // tell (growth.hpp), so the accepted times are exactly those of the exact test.
    const double lhs = stream.uniform() * max_rate_;
    const double seasonal_rate = seasonal(t);
    if (growth_ == 0.0) {
      if (lhs <= seasonal_rate) return t;
      continue;
    }
    if (growth_factor_.approximable()) {
      const Decision d = decide_le(lhs, seasonal_rate * growth_factor_.approx(t), margin);
      if (d == Decision::Yes) return t;
      if (d == Decision::No) continue;
    }
    if (lhs <= seasonal_rate * trend(t)) return t;
  }
}

}  // namespace pfsim::engine
