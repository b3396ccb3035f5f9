#pragma once
// Output statistics: Welford tallies, time-weighted averages, histograms, Student-t confidence intervals,
// percentiles over replications and MSER-5 warm-up detection.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace pfsim::engine {

/// Running mean and variance of observations (Welford 1962): numerically stable in one pass.
class Tally {
 public:
  void add(double x) noexcept {
    ++n_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
    if (x < min_) min_ = x;
    if (x > max_) max_ = x;
  }
  [[nodiscard]] std::uint64_t count() const noexcept { return n_; }
  [[nodiscard]] double mean() const noexcept { return n_ ? mean_ : std::numeric_limits<double>::quiet_NaN(); }
  [[nodiscard]] double variance() const noexcept { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : 0.0; }
  [[nodiscard]] double sd() const noexcept { return std::sqrt(variance()); }
  [[nodiscard]] double min() const noexcept { return min_; }
  [[nodiscard]] double max() const noexcept { return max_; }

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0, m2_ = 0;
  double min_ = std::numeric_limits<double>::infinity(), max_ = -std::numeric_limits<double>::infinity();
};

/// Time-weighted average of a piecewise-constant level (occupancy, queue length) from `reset` time on.
class TimeWeighted {
 public:
  explicit TimeWeighted(double start_time = 0.0, double level = 0.0) : start_(start_time), last_(start_time), level_(level) {}
  /// Records that the level changes to `level` at time `t` (t ≥ last update).
  void update(double t, double level) noexcept {
    area_ += level_ * (t - last_);
    last_ = t;
    level_ = level;
  }
  /// Forgets history (e.g. at the end of warm-up) but keeps the current level.
  void reset(double t) noexcept {
    start_ = last_ = t;
    area_ = 0;
  }
  [[nodiscard]] double level() const noexcept { return level_; }
  /// Mean level over [reset, t].
  [[nodiscard]] double mean(double t) const noexcept {
    const double span = t - start_;
    return span > 0 ? (area_ + level_ * (t - last_)) / span : level_;
  }
  /// Integral of the level over [reset, t] (e.g. bed-minutes).
  [[nodiscard]] double area(double t) const noexcept { return area_ + level_ * (t - last_); }

 private:
  double start_, last_, level_;
  double area_ = 0;
};

/// Fixed-width histogram on [lo, hi) with under/overflow counts; quantiles by linear interpolation in a bin.
class Histogram {
 public:
  Histogram(double lo, double hi, std::size_t bins) : lo_(lo), width_((hi - lo) / static_cast<double>(bins)), counts_(bins, 0) {}
  void add(double x) noexcept {
    ++total_;
    if (x < lo_) { ++under_; return; }
    const auto bin = static_cast<std::size_t>((x - lo_) / width_);
    if (bin >= counts_.size()) { ++over_; return; }
    ++counts_[bin];
  }
  [[nodiscard]] std::uint64_t total() const noexcept { return total_; }
  [[nodiscard]] const std::vector<std::uint64_t>& counts() const noexcept { return counts_; }
  /// The q-quantile (0 ≤ q ≤ 1); values in under/overflow clamp to the range ends.
  [[nodiscard]] double quantile(double q) const noexcept;
  /// Share of observations ≤ x (exact at bin edges).
  [[nodiscard]] double fraction_at_most(double x) const noexcept;

 private:
  double lo_, width_;
  std::vector<std::uint64_t> counts_;
  std::uint64_t under_ = 0, over_ = 0, total_ = 0;
};

/// Summary of a KPI over replications (DESIGN §5): mean, sd, 95 % CI half-width, 5/50/95 percentiles.
struct Summary {
  std::size_t n = 0;
  double mean = 0, sd = 0, ci95_half = 0, p5 = 0, p50 = 0, p95 = 0;
};

/// Student-t critical value t_{1-α/2, df} (Boost.Math).
double student_t_quantile(double confidence, std::size_t df);
/// Half-width of the `confidence` CI of the mean of `values` (0 for fewer than two values).
double ci_half_width(std::span<const double> values, double confidence = 0.95);
/// Percentile (0..100) with linear interpolation between order statistics (type 7, as R and numpy).
double percentile(std::span<const double> values, double pct);
/// The same at probability q (0..1), position q·(n − 1) between order statistics; NaN for no values.
double quantile(std::span<const double> values, double q);
Summary summarise(std::span<const double> values);

/// Below this many values the 5th and 95th percentiles rest on the two most extreme values (type 7 puts p5 at
/// position 0.05 (n − 1), before the 2nd order statistic while n < 21), so they say little about the tails: show them
/// as rough. 20 is the conventional floor (and the shipped replication count), where p5 is ~all the 2nd smallest.
inline constexpr std::size_t kMinValuesForTailPercentiles = 20;

/// A confidence interval [lo, hi].
struct Interval {
  double lo = 0, hi = 0;
};
/// Percentile bootstrap CI of the median (Efron & Tibshirani 1993, ch. 13): `resamples` resamples with replacement
/// drawn from a PCG stream seeded with `seed`, so the interval is the same on every run. For skewed quantities,
/// where a mean ± t·sd interval is misleading. Values are not reordered; empty input gives {0, 0}.
Interval bootstrap_median_ci(std::span<const double> values, std::uint64_t seed, std::size_t resamples = 2000,
                             double confidence = 0.95);

/// MSER-5 (White 1997): batch the series in 5s and return the number of leading observations to discard,
/// the truncation that minimises the marginal standard error; searched over the first half.
std::size_t mser5_truncation(std::span<const double> series);

}  // namespace pfsim::engine
