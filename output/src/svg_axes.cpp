// Tick computation, linear scales and calendar dates for the report's charts.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "pfsim/engine/stats.hpp"
#include "pfsim/output/svg_charts.hpp"

namespace pfsim::output::svg {

int Ticks::decimals() const {
  if (!(step > 0) || !std::isfinite(step)) return 0;
  // A 1-2-5 step is m × 10^k with m in {1, 2, 5}: it needs max(0, −k) decimals.
  return std::clamp(-static_cast<int>(std::floor(std::log10(step) + 1e-9)), 0, 9);
}

namespace {
// The smallest of 1, 2, 5, 10 × 10^k that is ≥ rough.
double nice_step(double rough) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  const double fraction = rough / magnitude;
  const double nice = fraction <= 1.0 + 1e-9 ? 1 : fraction <= 2.0 + 1e-9 ? 2 : fraction <= 5.0 + 1e-9 ? 5 : 10;
  return nice * magnitude;
}
}  // namespace

Ticks nice_ticks(double lo, double hi, int target) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
  if (lo > hi) std::swap(lo, hi);
  if (hi - lo < 1e-12 * std::max(1.0, std::abs(hi))) {
    // One value: show it in the middle of a small range around it; zero at the bottom of [0, 1], since the report's
    // values are counts and percentages and an axis running to −1 suggests values that cannot occur.
    if (lo == 0) {
      hi = 1;
    } else {
      const double pad = std::abs(lo) * 0.1;
      lo -= pad;
      hi += pad;
    }
  }
  target = std::max(target, 1);
  Ticks t;
  t.step = nice_step((hi - lo) / target);
  t.lo = std::floor(lo / t.step + 1e-9) * t.step;
  t.hi = std::ceil(hi / t.step - 1e-9) * t.step;
  const auto intervals = static_cast<long>(std::llround((t.hi - t.lo) / t.step));
  for (long i = 0; i <= intervals; ++i) {
    double v = t.lo + static_cast<double>(i) * t.step;
    if (std::abs(v) < t.step * 1e-9) v = 0;  // no "-0" labels
    t.values.push_back(v);
  }
  return t;
}

LinearScale::LinearScale(double domain_lo, double domain_hi, double range_lo, double range_hi)
    : domain_lo_(domain_lo), domain_hi_(domain_hi), range_lo_(range_lo), range_hi_(range_hi) {}

double LinearScale::operator()(double value) const {
  if (domain_hi_ == domain_lo_) return (range_lo_ + range_hi_) / 2;
  return range_lo_ + (value - domain_lo_) / (domain_hi_ - domain_lo_) * (range_hi_ - range_lo_);
}

std::optional<long> parse_date(std::string_view iso_date) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return std::nullopt;
  for (const std::size_t i : {0UL, 1UL, 2UL, 3UL, 5UL, 6UL, 8UL, 9UL})
    if (iso_date[i] < '0' || iso_date[i] > '9') return std::nullopt;
  const auto digits = [&](std::size_t from, std::size_t count) {
    int v = 0;
    for (std::size_t i = from; i < from + count; ++i) v = v * 10 + (iso_date[i] - '0');
    return v;
  };
  y = digits(0, 4);
  m = static_cast<unsigned>(digits(5, 2));
  d = static_cast<unsigned>(digits(8, 2));
  const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days{date}.time_since_epoch().count();
}

std::string format_date(long days_since_epoch) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days_since_epoch}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

FanBands fan_bands(std::span<const float> values, std::size_t replications, std::size_t days) {
  if (values.size() != replications * days)
    throw std::invalid_argument(fmt::format("fan_bands: {} values for {} replications × {} days", values.size(),
                                            replications, days));
  FanBands bands;
  bands.p5.reserve(days);
  bands.p50.reserve(days);
  bands.p95.reserve(days);
  std::vector<double> column(replications);
  for (std::size_t day = 0; day < days; ++day) {
    for (std::size_t r = 0; r < replications; ++r) column[r] = values[r * days + day];
    bands.p5.push_back(engine::percentile(column, 5));
    bands.p50.push_back(engine::percentile(column, 50));
    bands.p95.push_back(engine::percentile(column, 95));
  }
  return bands;
}

Bins histogram_bins(std::span<const double> values) {
  Bins bins;
  std::vector<double> finite;
  for (const double v : values)
    if (std::isfinite(v)) finite.push_back(v);
  if (finite.empty()) return bins;
  const auto [lo, hi] = std::minmax_element(finite.begin(), finite.end());
  const int target = std::max(5, static_cast<int>(std::ceil(std::log2(static_cast<double>(finite.size())))) + 1);
  Ticks ticks = nice_ticks(*lo, *hi, target);
  if (ticks.values.size() < 2) ticks.values = {ticks.lo, ticks.lo + ticks.step};
  bins.edges = ticks.values;
  bins.counts.assign(bins.edges.size() - 1, 0);
  for (const double v : finite) {
    auto i = static_cast<std::size_t>(std::max(0.0, std::floor((v - ticks.lo) / ticks.step + 1e-9)));
    i = std::min(i, bins.counts.size() - 1);
    ++bins.counts[i];
  }
  return bins;
}

}  // namespace pfsim::output::svg
