#include "locality_demand.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pfsim::models {

namespace {
double horizon(const Context& ctx) { return ctx.measure_to + engine::kMinutesPerDay; }
double follow_horizon(const Context& ctx) { return ctx.follow_to + engine::kMinutesPerDay; }
double base_rate(const Context& ctx, std::size_t locality, const std::vector<double>& per_person_per_minute) {
  double total = 0;
  for (std::size_t b = 0; b < per_person_per_minute.size(); ++b) total += ctx.population.people(locality, b, 0.0) * per_person_per_minute[b];
  return total;
}
std::vector<double> per_minute(std::vector<double> per_person_per_year) {
  for (double& r : per_person_per_year) r /= engine::kMinutesPerYear;
  return per_person_per_year;
}

double largest(const std::array<std::vector<double>, kMonths>* multiplier) {
  if (!multiplier) return 1.0;
  double m = 0;
  for (const auto& month : *multiplier)
    for (double v : month) m = std::max(m, v);
  return m;
}
}  // namespace

LocalityDemand::LocalityDemand(Context& ctx, std::size_t locality, std::vector<double> per_person_per_year,
                               const engine::RateProfile& profile, const std::string& stream_name,
                               const std::array<std::vector<double>, kMonths>* month_multiplier)
    : ctx_(ctx), locality_(locality), per_person_per_minute_(per_minute(std::move(per_person_per_year))),
      month_multiplier_(month_multiplier), base_per_minute_(base_rate(ctx, locality, per_person_per_minute_)),
      max_growth_(ctx.population.max_growth(locality)), max_multiplier_(largest(month_multiplier)),
      // The envelope carries the largest winter multiplier (× 1 without one, which leaves every value unchanged).
      nhpp_(base_per_minute_ * max_multiplier_, profile, ctx.calendar, max_growth_, horizon(ctx)),
      follow_nhpp_(base_per_minute_ * max_multiplier_, profile, ctx.calendar, max_growth_, follow_horizon(ctx)),
      window_horizon_(horizon(ctx)), stream_(ctx.stream(stream_name)) {
  for (std::size_t b = 0; b < per_person_per_minute_.size(); ++b) {
    band_base_.push_back(ctx.population.base(locality, b));
    band_growth_.push_back(ctx.population.growth(locality, b));
    band_factor_.emplace_back(band_growth_.back());
  }
  people_.resize(per_person_per_minute_.size());
  day_.weight.resize(per_person_per_minute_.size());
  // Without growth there is no pow to save; a growth too large for the approximation keeps the exact path.
  approximate_ = max_growth_ != 0.0 && nhpp_.growth().approximable();
  for (const engine::GrowthFactor& f : band_factor_) approximate_ = approximate_ && (f.growth() == 0.0 || f.approximable());
}

const LocalityDemand::Day& LocalityDemand::form_day(double t) const {
  double start = static_cast<double>(engine::Calendar::day_index(t)) * engine::kMinutesPerDay;
  if (start > t) start -= engine::kMinutesPerDay;  // t / day rounded up to a whole number
  if (t >= start + engine::kMinutesPerDay) start += engine::kMinutesPerDay;
  day_.start = start;
  // Each growth factor's midpoint over the day is within its spread of its value at any t of the day
  // (GrowthFactor::over_day); kSlack covers the roundings of the ends' pow, of the exact path's products and sums,
  // and of the sums below (a few ulp each, against 1e-13).
  constexpr double kSlack = 1e-13;
  const auto midpoint = [&](const engine::GrowthFactor& f, double& spread) {
    const engine::GrowthFactor::OverDay day = f.over_day(start);
    spread = std::max(spread, day.spread);
    return day.midpoint;
  };
  const std::vector<double>* m = month_multiplier_ ? &(*month_multiplier_)[static_cast<std::size_t>(ctx_.calendar.month(t))] : nullptr;
  double people_spread = 0;
  day_.rate = 0;
  for (std::size_t b = 0; b < day_.weight.size(); ++b) {
    const double w = band_base_[b] * midpoint(band_factor_[b], people_spread) * per_person_per_minute_[b];
    day_.weight[b] = m ? w * (*m)[b] : w;
    day_.rate += day_.weight[b];
  }
  double envelope_spread = 0;
  day_.envelope = base_per_minute_ * max_multiplier_ * midpoint(nhpp_.growth(), envelope_spread);
  // decide_le wants each operand within margin / 4 of the exact one, pick_by_weight_approx each weight within margin / 8.
  day_.accept_margin = std::max(engine::kDecisionMargin, 4 * (std::max(people_spread, envelope_spread) + kSlack));
  day_.band_margin = std::max(engine::kDecisionMargin, 8 * (people_spread + kSlack));
  return day_;
}

const std::vector<double>& LocalityDemand::people_at(double t) const {
  if (t == people_t_) return people_;
  people_t_ = t;
  const double years = Context::years(t);
  for (std::size_t b = 0; b < people_.size(); ++b) {
    const double g = band_growth_[b];
    // The same products as PopulationProjection::people; nhpp_ grows at max_growth_, so its factor is this pow.
    if (g == 0.0) people_[b] = band_base_[b];
    else if (g == max_growth_) people_[b] = band_base_[b] * nhpp_at(t).trend(t);
    else people_[b] = band_base_[b] * std::pow(1.0 + g, years);
  }
  return people_;
}

double LocalityDemand::rate_without_profile(const std::vector<double>& people, double t) const {
  double actual = 0;
  if (!month_multiplier_) {
    for (std::size_t b = 0; b < per_person_per_minute_.size(); ++b) actual += people[b] * per_person_per_minute_[b];
    return actual;
  }
  const std::vector<double>& m = (*month_multiplier_)[static_cast<std::size_t>(ctx_.calendar.month(t))];
  for (std::size_t b = 0; b < per_person_per_minute_.size(); ++b) actual += people[b] * per_person_per_minute_[b] * m[b];
  return actual;
}

double LocalityDemand::candidate(double after) {
  if (after <= window_horizon_) {
    const double t = nhpp_.next(after, stream_);
    if (std::isfinite(t)) return t;
    after = window_horizon_;
  }
  return follow_nhpp_.next(after, stream_);
}

double LocalityDemand::next(double after) {
  if (base_per_minute_ <= 0 || max_multiplier_ <= 0) return std::numeric_limits<double>::infinity();
  double t = after;
  for (;;) {
    t = candidate(t);
    if (!std::isfinite(t)) return t;
    // Accept when u × envelope <= actual rate. With growth both carry pow factors; the approximate ones settle the
    // test unless it is too close to call (engine/growth.hpp), then the exact values below decide as they always did.
    const double draw = stream_.uniform();
    if (approximate_) {
      const Day& day = day_at(t);
      const engine::Decision d = engine::decide_le(draw * day.envelope, day.rate, day.accept_margin);
      if (d == engine::Decision::Yes) return t;
      if (d == engine::Decision::No) continue;
    }
    const double actual = rate_without_profile(people_at(t), t);
    // nhpp_.trend(t) is pow(1 + max_growth_, years(t)), memoised if the thinning that accepted t formed it.
    const double envelope = base_per_minute_ * max_multiplier_ * nhpp_at(t).trend(t);
    if (draw * envelope <= actual) return t;
  }
}

std::size_t LocalityDemand::pick_band(double t, engine::Stream& rng) const {
  const std::vector<double>* m = month_multiplier_ ? &(*month_multiplier_)[static_cast<std::size_t>(ctx_.calendar.month(t))] : nullptr;
  const auto weight = [&](const std::vector<double>& people, std::size_t b) {
    const double w = people[b] * per_person_per_minute_[b];
    return m ? w * (*m)[b] : w;
  };
  const std::size_t n = per_person_per_minute_.size();
  const double draw = rng.uniform();
  if (approximate_) {
    // The same walk on the day's weights; it names the band the exact walk picks or says it cannot tell.
    const Day& day = day_at(t);
    const std::size_t band = engine::pick_by_weight_approx(draw, n, [&](std::size_t b) { return day.weight[b]; }, day.band_margin);
    if (band != engine::kUnsure) return band;
  }
  const std::vector<double>& people = people_at(t);
  double total = 0;
  for (std::size_t b = 0; b < n; ++b) total += weight(people, b);
  double u = draw * total;
  for (std::size_t b = 0; b < n; ++b) {
    u -= weight(people, b);
    if (u <= 0) return b;
  }
  return n - 1;
}

}  // namespace pfsim::models
