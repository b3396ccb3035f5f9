#include "discharge_timing.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "scheme_effects.hpp"

namespace pfsim::models {

namespace {
constexpr std::size_t kNoonHour = 12;
constexpr std::size_t kSaturday = 5;
constexpr double kMinutesPerHour = engine::kMinutesPerHour, kMinutesPerDay = engine::kMinutesPerDay;

double total(const DischargeTimingSettings& s) { return std::accumulate(s.hour.begin(), s.hour.end(), 0.0); }
}  // namespace

DischargeTiming::DischargeTiming(const Context& ctx, const DischargeTimingSettings& settings, const SchemeEffects* schemes)
    : ctx_(ctx), settings_(settings), schemes_(schemes) {
  const double sum = total(settings);
  for (std::size_t h = 0; h < settings.hour.size(); ++h) cumulative_[h + 1] = cumulative_[h] + settings.hour[h] / sum;
  cumulative_.back() = 1.0;
}

double DischargeTiming::time_of_day(double u, double t, const Patient& p) const {
  if (schemes_ && schemes_->has(SchemeTarget::DischargeBeforeNoon)) {
    // Moves the share before noon and keeps the shape within each half of the day, so the same uniform still orders
    // people by time (common random numbers). Hours with no weight stay empty.
    const double noon = cumulative_[kNoonHour];
    const auto change = schemes_->change(SchemeTarget::DischargeBeforeNoon, t, p.locality, p.band, p.site);
    if (noon > 0 && noon < 1 && !change.none()) {  // no change: the very same uniform, not one rounded through it
      const double target = std::clamp(change.apply(noon), 0.0, 1.0);
      if (target <= 0) u = noon + u * (1 - noon);
      else if (target >= 1) u = u * noon;
      else u = u < target ? u / target * noon : noon + (u - target) / (1 - target) * (1 - noon);
    }
  }
  const auto above = std::upper_bound(cumulative_.begin() + 1, cumulative_.end(), u);
  const auto hour = static_cast<std::size_t>(std::min<std::ptrdiff_t>(above - cumulative_.begin() - 1, 23));
  const double width = cumulative_[hour + 1] - cumulative_[hour];
  const double within = width > 0 ? std::clamp((u - cumulative_[hour]) / width, 0.0, 1.0) : 0.0;
  return (static_cast<double>(hour) + within) * kMinutesPerHour;
}

double DischargeTiming::day_factor(double t, std::size_t site) const {
  const auto weekday = static_cast<std::size_t>(ctx_.calendar.weekday(t));
  double factor = settings_.weekday[weekday];
  // Seven-day discharge schemes raise Saturday's and Sunday's factors.
  if (weekday >= kSaturday && schemes_ && schemes_->has(SchemeTarget::WeekendDischarge))
    factor = std::clamp(schemes_->change(SchemeTarget::WeekendDischarge, t, 0, 0, site).apply(factor), 0.0, 1.0);
  return factor;
}

double DischargeTiming::departure(double ready, double not_before, const Patient& p) const {
  double t = std::floor(ready / kMinutesPerDay) * kMinutesPerDay + time_of_day(p.episode.leave_hour_u, ready, p);
  while (t < not_before) t += kMinutesPerDay;
  // The busiest day has factor 1 and u < 1, so a week always finds a day (a scheme only raises factors).
  for (int day = 0; day < 7 && p.episode.leave_day_u >= day_factor(t, p.site); ++day) t += kMinutesPerDay;
  return t;
}

double mean_departure_delay(const DischargeTimingSettings& settings) {
  const double sum = total(settings);
  double mean_hour = 0;
  for (std::size_t h = 0; h < settings.hour.size(); ++h) mean_hour += (static_cast<double>(h) + 0.5) * settings.hour[h] / sum;
  // Held days from a day d: the first k with u < f(d + k); P(k) = max(0, f(d+k) − max of the factors before it).
  double held_days = 0;
  for (std::size_t d = 0; d < 7; ++d) {
    double highest = 0;
    for (std::size_t k = 0; k < 7; ++k) {
      const double f = settings.weekday[(d + k) % 7];
      held_days += static_cast<double>(k) * std::max(0.0, f - highest) / 7.0;
      highest = std::max(highest, f);
    }
  }
  return (mean_hour - 12.0) * kMinutesPerHour + held_days * kMinutesPerDay;
}

}  // namespace pfsim::models
