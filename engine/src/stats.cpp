#include "pfsim/engine/stats.hpp"

#include <algorithm>

#include <boost/math/distributions/students_t.hpp>

#include "pfsim/engine/rng.hpp"

namespace pfsim::engine {

double Histogram::quantile(double q) const noexcept {
  if (total_ == 0) return std::numeric_limits<double>::quiet_NaN();
  const double target = q * static_cast<double>(total_);
  double seen = static_cast<double>(under_);
  if (target <= seen) return lo_;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    const double c = static_cast<double>(counts_[i]);
    if (seen + c >= target && c > 0) return lo_ + width_ * (static_cast<double>(i) + (target - seen) / c);
    seen += c;
  }
  return lo_ + width_ * static_cast<double>(counts_.size());
}

double Histogram::fraction_at_most(double x) const noexcept {
  if (total_ == 0) return std::numeric_limits<double>::quiet_NaN();
  if (x < lo_) return 0.0;
  double seen = static_cast<double>(under_);
  const double pos = (x - lo_) / width_;
  const auto full = static_cast<std::size_t>(pos);
  for (std::size_t i = 0; i < counts_.size() && i < full; ++i) seen += static_cast<double>(counts_[i]);
  if (full < counts_.size()) seen += static_cast<double>(counts_[full]) * (pos - static_cast<double>(full));
  else seen += static_cast<double>(over_);
  return seen / static_cast<double>(total_);
}

double student_t_quantile(double confidence, std::size_t df) {
  boost::math::students_t dist(static_cast<double>(df));
  return boost::math::quantile(dist, 0.5 + confidence / 2.0);
}

double ci_half_width(std::span<const double> values, double confidence) {
  if (values.size() < 2) return 0.0;
  Tally t;
  for (double v : values) t.add(v);
  return student_t_quantile(confidence, values.size() - 1) * t.sd() / std::sqrt(static_cast<double>(values.size()));
}

namespace {
// Type 7: the sorted values interpolated linearly at position `h(n)` (0 = smallest, n − 1 = largest).
template <class Position>
double interpolate_sorted(std::span<const double> values, Position h_of) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double h = h_of(sorted.size());
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}
}  // namespace

// The two differ only in how the position is rounded ((n − 1)·pct/100 against q·(n − 1)), kept as written.
double percentile(std::span<const double> values, double pct) {
  return interpolate_sorted(values, [pct](std::size_t n) { return (static_cast<double>(n) - 1.0) * pct / 100.0; });
}

double quantile(std::span<const double> values, double q) {
  return interpolate_sorted(values, [q](std::size_t n) { return q * static_cast<double>(n - 1); });
}

Summary summarise(std::span<const double> values) {
  Summary s;
  s.n = values.size();
  if (values.empty()) return s;
  Tally t;
  for (double v : values) t.add(v);
  s.mean = t.mean();
  s.sd = t.sd();
  s.ci95_half = ci_half_width(values);
  s.p5 = percentile(values, 5);
  s.p50 = percentile(values, 50);
  s.p95 = percentile(values, 95);
  return s;
}

Interval bootstrap_median_ci(std::span<const double> values, std::uint64_t seed, std::size_t resamples, double confidence) {
  if (values.empty() || resamples == 0) return {};
  Stream rng = Stream::from_seed(seed);
  std::vector<double> sample(values.size()), medians(resamples);
  for (double& median : medians) {
    // uniform() can round up to exactly 1.0 (2^-53 per draw), so the index is capped.
    for (double& x : sample)
      x = values[std::min(values.size() - 1, static_cast<std::size_t>(rng.uniform() * static_cast<double>(values.size())))];
    median = percentile(sample, 50);
  }
  const double tail = 50.0 * (1.0 - confidence);
  return {percentile(medians, tail), percentile(medians, 100.0 - tail)};
}

std::size_t mser5_truncation(std::span<const double> series) {
  constexpr std::size_t kBatch = 5;
  const std::size_t batches = series.size() / kBatch;
  if (batches < 4) return 0;
  std::vector<double> means(batches);
  for (std::size_t b = 0; b < batches; ++b) {
    double sum = 0;
    for (std::size_t i = 0; i < kBatch; ++i) sum += series[b * kBatch + i];
    means[b] = sum / kBatch;
  }
  // Suffix sums give every candidate's mean and sum of squares in O(n).
  std::vector<double> suffix_sum(batches + 1, 0.0), suffix_sq(batches + 1, 0.0);
  for (std::size_t b = batches; b-- > 0;) {
    suffix_sum[b] = suffix_sum[b + 1] + means[b];
    suffix_sq[b] = suffix_sq[b + 1] + means[b] * means[b];
  }
  std::size_t best_d = 0;
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t d = 0; d <= batches / 2; ++d) {
    const double m = static_cast<double>(batches - d);
    const double mean = suffix_sum[d] / m;
    const double sse = std::max(0.0, suffix_sq[d] - m * mean * mean);
    const double mser = sse / (m * m);
    if (mser < best) {
      best = mser;
      best_d = d;
    }
  }
  return best_d * kBatch;
}

}  // namespace pfsim::engine
