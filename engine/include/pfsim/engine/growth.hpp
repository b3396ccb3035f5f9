#pragma once
// Compound growth factors (1 + g)^(t / minutes per year) and decisions that need them only approximately.
//
// Thinning and band choice compare a uniform draw against rates that carry such factors. The simulation is defined by
// the std::pow values (results must stay bit-identical), but a comparison only depends on them when the draw lands
// within a hair of the boundary. GrowthFactor::approx() is a cheap value with a proven relative error bound; callers
// decide with it when the margin is far larger than the bound and otherwise recompute with the exact pow, so every
// decision is the one the exact values give.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "pfsim/engine/time.hpp"

namespace pfsim::engine {

/// Relative half-width of the band around a comparison inside which callers recompute with exact factors.
/// Error analysis (growth.hpp, GrowthFactor) bounds approx() within 1e-13 of exact() relatively, and a sum or product of
/// a few dozen such terms adds < 1e-14, so 1e-9 leaves a factor of > 1e4 to spare; the fallback runs about once in
/// 1e9 comparisons.
inline constexpr double kDecisionMargin = 1e-9;

class GrowthFactor {
 public:
  explicit GrowthFactor(double growth = 0.0) : growth_(growth), log_factor_(std::log1p(growth)) {
    // The Taylor remainder of exp(x) after the x^4 term is below |x|^5 / 120 × e^|x|. Anchors are at most a day
    // (+1 % for rounding) from t, so |x| <= |log(1 + g)| × 1.01 / 365.25; up to 0.0036 the remainder is < 1e-14.
    const double x_max = std::abs(log_factor_) * 1.01 * kMinutesPerDay / kMinutesPerYear;
    approximable_ = growth_ != 0.0 && growth_ > -1.0 && std::isfinite(log_factor_) && x_max <= 0.0036;
  }

  [[nodiscard]] double growth() const noexcept { return growth_; }
  /// Whether approx() is usable (otherwise callers take exact() every time); a zero growth needs neither.
  [[nodiscard]] bool approximable() const noexcept { return approximable_; }

  /// pow(1 + g, t / minutes per year): the value the simulation is defined by (1 for zero growth).
  [[nodiscard]] double exact(double t) const { return growth_ == 0.0 ? 1.0 : std::pow(1.0 + growth_, t / kMinutesPerYear); }

  /// The factor over the day [start, start + 1 day): a midpoint and the relative half-width `spread` within which
  /// exact(t) lies for every t of the day, up to rounding (a few ulp; callers add a slack for it). The factor is
  /// monotone in t, so its values at the two ends bound it.
  struct OverDay {
    double midpoint = 1.0;
    double spread = 0.0;
  };
  /// Days are usually asked in order, so the end of one is kept as the start of the next (the same pow value).
  [[nodiscard]] OverDay over_day(double start) const {
    if (growth_ == 0.0) return {};
    const double a = start == day_end_t_ ? day_end_ : exact(start);
    day_end_t_ = start + kMinutesPerDay;
    day_end_ = exact(day_end_t_);
    const double b = day_end_;
    return {0.5 * (a + b), std::abs(b - a) / (a + b)};
  }

  /// exact(t) within a relative 1e-13 (only when approximable()). It is anchored at the latest midnight a: pow(1+g, y(a))
  /// once a day, times exp(x) with x = (y(t) - y(a)) × log1p(g), |x| <= 0.0036, from its Taylor polynomial to x^4.
  /// Bound: exact() and the anchor pow are each within 1 ulp of the true values (glibc pow), log1p within 1 ulp, the
  /// subtraction and product forming x err by a few ulp of x (negligible, |x| < 0.004), Horner's rule with 8
  /// operations on terms near 1 errs by < 10 ulp, the remainder is < 1e-14, the final product 0.5 ulp: < 2e-14 total.
  [[nodiscard]] double approx(double t) const {
    if (!(t >= anchor_t_ && t < anchor_t_ + kMinutesPerDay)) {
      anchor_t_ = std::floor(t / kMinutesPerDay) * kMinutesPerDay;
      anchor_years_ = anchor_t_ / kMinutesPerYear;
      anchor_ = std::pow(1.0 + growth_, anchor_years_);
    }
    const double x = (t / kMinutesPerYear - anchor_years_) * log_factor_;
    return anchor_ * (1.0 + x * (1.0 + x * (0.5 + x * (1.0 / 6.0 + x * (1.0 / 24.0)))));
  }

 private:
  double growth_;
  double log_factor_;
  bool approximable_ = false;
  mutable double anchor_t_ = std::numeric_limits<double>::quiet_NaN(), anchor_years_ = 0, anchor_ = 1;
  mutable double day_end_t_ = std::numeric_limits<double>::quiet_NaN(), day_end_ = 1;  // exact(day_end_t_) == day_end_
};

/// Outcome of comparing `lhs <= rhs` from approximations of both.
enum class Decision : std::uint8_t { Yes, No, Unsure };

/// `lhs <= rhs` decided from approximations each within relative `margin` / 4 of the exact operands
/// (non-negative operands); Unsure when they are too close to tell.
[[nodiscard]] inline Decision decide_le(double lhs, double rhs, double margin = kDecisionMargin) {
  const double slack = margin * (lhs + rhs);
  if (lhs < rhs - slack) return Decision::Yes;
  if (lhs > rhs + slack) return Decision::No;
  return Decision::Unsure;
}

/// The index the exact inverse-CDF walk `u = draw × Σw; for b: u -= w[b]; if (u <= 0) return b; return n - 1` picks,
/// found from approximate weights (each within relative margin / 8 of the exact weight, all non-negative), or
/// npos when some step is too close to zero to tell, in which case the caller must walk the exact weights.
/// Why it is exact: every partial u_k (exact or approximate) lies within [−Σw, Σw]; the approximate sum, product
/// and each subtraction differ from the exact ones by at most margin/8 × Σw plus a few ulp of Σw per step, so
/// |u'_k − u_k| < margin × Σw' and a step decided outside that band has the same sign in both walks.
inline constexpr std::size_t kUnsure = std::numeric_limits<std::size_t>::max();
template <class Weight>
[[nodiscard]] std::size_t pick_by_weight_approx(double draw, std::size_t n, Weight&& approx_weight, double margin = kDecisionMargin) {
  double total = 0;
  for (std::size_t b = 0; b < n; ++b) total += approx_weight(b);
  const double slack = margin * total;
  double u = draw * total;
  for (std::size_t b = 0; b < n; ++b) {
    u -= approx_weight(b);
    if (u > slack) continue;
    if (u < -slack) return b;
    return kUnsure;
  }
  return n - 1;
}

}  // namespace pfsim::engine
