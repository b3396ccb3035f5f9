#include "winter_flow.hpp"

#include <algorithm>

#include "recorder.hpp"
#include "scheme_effects.hpp"

namespace pfsim::models {

namespace {
constexpr double kWorkingMorningHour = 9.0;  // held patients leave at 09:00 on the next working day
// The dip table runs through the whole follow-up of the last measured cohorts, and a fortnight more so a hold near its
// end still finds a working day.
constexpr double kDaysAfterHorizon = kFollowUpDays + 14.0;
}  // namespace

WinterFlow::WinterFlow(const Context& ctx, const WinterSettings& settings, const SchemeEffects* schemes)
    : ctx_(ctx), settings_(settings), schemes_(schemes) {
  if (!settings.discharge) return;
  const Scenario& s = ctx.scenario;
  // Factor of each simulated day: bank holiday first, then weekend, otherwise 1 (a working day).
  const auto total_days = static_cast<std::size_t>(s.run.warmup_days + s.run.days + kDaysAfterHorizon);
  discharge_factor_.assign(total_days, 1.0F);
  weekend_only_.assign(total_days, false);
  for (std::size_t d = 0; d < total_days; ++d) {
    const double t = static_cast<double>(d) * engine::kMinutesPerDay;
    if (ctx.calendar.weekday(t) >= 5) {
      discharge_factor_[d] = static_cast<float>(settings.discharge->weekend_factor);
      weekend_only_[d] = true;
    }
  }
  for (const auto& holiday : settings.discharge->bank_holidays) {
    const double day = ctx.calendar.time_of(holiday) / engine::kMinutesPerDay;
    if (day >= 0 && day < static_cast<double>(total_days)) {
      discharge_factor_[static_cast<std::size_t>(day)] = static_cast<float>(settings.discharge->bank_holiday_factor);
      weekend_only_[static_cast<std::size_t>(day)] = false;
    }
  }
  for (float f : discharge_factor_) has_dip_ = has_dip_ || f < 1.0F;
}

double WinterFlow::held_until(double now, double u, std::size_t site) const {
  const auto day = static_cast<std::size_t>(engine::Calendar::day_index(now));
  if (day >= discharge_factor_.size()) return kNever;
  double factor = static_cast<double>(discharge_factor_[day]);
  // Seven-day-service schemes raise the weekend factor (bank holidays keep theirs).
  if (schemes_ && weekend_only_[day] && schemes_->has(SchemeTarget::WeekendDischarge))
    factor = std::clamp(schemes_->change(SchemeTarget::WeekendDischarge, now, 0, 0, site).apply(factor), 0.0, 1.0);
  if (u < factor) return kNever;
  std::size_t next = day + 1;
  while (next < discharge_factor_.size() && discharge_factor_[next] < 1.0F) ++next;
  return static_cast<double>(next) * engine::kMinutesPerDay + kWorkingMorningHour * engine::kMinutesPerHour;
}

}  // namespace pfsim::models
