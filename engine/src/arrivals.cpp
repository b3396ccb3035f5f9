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
    : base_(base_per_minute), profile_(profile), calendar_(calendar), growth_(annual_growth), horizon_(horizon_minutes) {
  const double hmax = *std::max_element(profile_.hour.begin(), profile_.hour.end());
  const double dmax = *std::max_element(profile_.weekday.begin(), profile_.weekday.end());
  const double mmax = *std::max_element(profile_.month.begin(), profile_.month.end());
  const double years = horizon_ / (kDaysPerYear * kMinutesPerDay);
  const double trend_max = growth_ >= 0 ? std::pow(1.0 + growth_, years) : 1.0;
  max_rate_ = base_ * hmax * dmax * mmax * trend_max;
}

double NhppArrivals::rate(double t) const {
  // The calendar lookups change once a day, so they are cached by day; the product is formed in the same order
  // either way, so results do not depend on the cache.
  const std::int64_t day = Calendar::day_index(t);
  if (day != cached_day_) {
    cached_day_ = day;
    cached_weekday_ = profile_.weekday[static_cast<std::size_t>(calendar_.weekday(t))];
    cached_month_ = profile_.month[static_cast<std::size_t>(calendar_.month(t))];
  }
  const double seasonal = base_ * profile_.hour[static_cast<std::size_t>(Calendar::hour(t))] * cached_weekday_ * cached_month_;
  if (growth_ == 0.0) return seasonal;  // pow(1, y) is exactly 1
  return seasonal * trend(t);
}

double NhppArrivals::trend(double t) const {
  if (growth_ == 0.0) return 1.0;
  if (t != trend_t_) {
    trend_t_ = t;
    trend_ = std::pow(1.0 + growth_, t / (kDaysPerYear * kMinutesPerDay));
  }
  return trend_;
}

double NhppArrivals::next(double after, Stream& stream) const {
  if (max_rate_ <= 0) return std::numeric_limits<double>::infinity();
  double t = after;
  for (;;) {
    t += stream.exponential(1.0 / max_rate_);
    if (t > horizon_) return std::numeric_limits<double>::infinity();
    if (stream.uniform() * max_rate_ <= rate(t)) return t;
  }
}

}  // namespace pfsim::engine
