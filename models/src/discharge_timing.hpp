#pragma once
// When people leave an acute bed (DESIGN §3 Discharge timing): the stay decides the day, the scenario's hour profile
// the time of day, and a quieter day (a weekend) takes only its share of that day's leavers, the rest going on the
// next day that takes them. Built only with `discharge.timing`; each episode then draws two uniforms (CarePathway).
#include <array>
#include <cstddef>

#include "context.hpp"

namespace pfsim::models {

class SchemeEffects;

class DischargeTiming {
 public:
  /// `schemes` (may be null) can move discharges before noon and raise the weekend factors.
  DischargeTiming(const Context& ctx, const DischargeTimingSettings& settings, const SchemeEffects* schemes);

  /// When a person ready to leave at `ready` goes: on ready's day at the time of day their hour uniform picks from
  /// the profile (earlier or later than `ready`: the stay sets the day, not the minute), a day later while that is
  /// before `not_before`, then a day later at a time while their day uniform is not below the day's factor.
  [[nodiscard]] double departure(double ready, double not_before, const Patient& p) const;

 private:
  /// Minutes after midnight picked by uniform `u` from the hour profile, its before-noon share changed by schemes.
  [[nodiscard]] double time_of_day(double u, double t, const Patient& p) const;
  [[nodiscard]] double day_factor(double t, std::size_t site) const;

  const Context& ctx_;
  const DischargeTimingSettings& settings_;
  const SchemeEffects* schemes_;
  std::array<double, 25> cumulative_{};  // running sums of the normalised hour weights, cumulative_[0] = 0
};

/// E[departure − ready] in minutes for ready times spread evenly over the week, with no `not_before` and no scheme
/// (the offered-load estimate): the profile's mean time of day − 12:00, plus the days a weekday factor holds people.
double mean_departure_delay(const DischargeTimingSettings& settings);

}  // namespace pfsim::models
