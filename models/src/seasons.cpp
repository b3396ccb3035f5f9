#include "seasons.hpp"

#include <chrono>

namespace pfsim::models {

namespace {
// a × b month by month and band by band, or whichever is given.
std::optional<Seasons::ByMonthAndBand> product(const std::optional<Seasons::ByMonthAndBand>& a, const std::optional<Seasons::ByMonthAndBand>& b) {
  if (!a) return b;
  if (!b) return a;
  Seasons::ByMonthAndBand m = *a;
  for (std::size_t month = 0; month < kMonths; ++month)
    for (std::size_t band = 0; band < m[month].size(); ++band) m[month][band] *= (*b)[month][band];
  return m;
}
}  // namespace

Seasons::Seasons(const Scenario& s, const engine::Calendar& calendar)
    : calendar_(calendar), season_(s.seasons ? &*s.seasons : nullptr), winter_(s.winter ? &*s.winter : nullptr) {
  const std::optional<ByMonthAndBand> none;
  const auto& winter_arrivals = winter_ ? winter_->arrival_multiplier : none;
  ae_arrivals_ = winter_arrivals;
  direct_arrivals_ = product(season_ ? season_->direct_admissions : none, winter_arrivals);
  if (season_ && season_->admit) admit_ = &*season_->admit;
  if (season_ && season_->los) los_ = &*season_->los;
}

double Seasons::los(double t, std::size_t band) const {
  double m = by_band(los_, t, band);
  if (winter_ && winter_->los_multiplier) m *= (*winter_->los_multiplier)[month(t)];
  return m;
}

double Seasons::assessment_delay(double t) const {
  return season_ && season_->assessment_delay ? (*season_->assessment_delay)[month(t)] : 1.0;
}

std::vector<engine::CapacitySchedule::Scale> Seasons::ae_clinician_scales(double until) const {
  std::vector<engine::CapacitySchedule::Scale> scales;
  if (!season_ || !season_->ae_clinicians) return scales;
  // Month boundaries are midnights on the calendar; the first scale covers the part-month at time 0.
  double t = 0.0;
  while (t < until) {
    scales.push_back({t, (*season_->ae_clinicians)[month(t)]});
    const auto d = calendar_.date(t);
    const std::chrono::year_month_day next{(std::chrono::year_month{d.year(), d.month()} + std::chrono::months{1}) / 1};
    t = calendar_.time_of(next);
  }
  return scales;
}

}  // namespace pfsim::models
