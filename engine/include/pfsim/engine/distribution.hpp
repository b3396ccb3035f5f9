#pragma once
// Sampling distributions parameterised as planners state them (mean/sd where natural), read from text
// such as "lognormal(mean=6d, sd=9d)". Values are minutes when the text carries duration units.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pfsim/engine/rng.hpp"

namespace pfsim::engine {

/// Bad duration or distribution text. `what()` says what is wrong; `hint()` says how to write it.
class DistributionError : public std::invalid_argument {
 public:
  DistributionError(const std::string& message, std::string hint)
      : std::invalid_argument(message), hint_(std::move(hint)) {}
  [[nodiscard]] const std::string& hint() const noexcept { return hint_; }

 private:
  std::string hint_;
};

/// Parses a duration with a unit ("90min", "4h", "6d", "2w", "1.5h") into minutes. Negative, NaN,
/// infinite or unit-less text is rejected with a DistributionError.
double parse_duration(std::string_view text);

enum class DistributionKind { Fixed, Exponential, Lognormal, Gamma, Weibull, Triangular, Uniform, Empirical };

/// A sampling distribution. Construct with parse_distribution() or the named factories.
class Distribution {
 public:
  Distribution() = default;
  static Distribution fixed(double value);
  static Distribution exponential(double mean);
  static Distribution lognormal(double mean, double sd);
  static Distribution gamma(double mean, double sd);
  static Distribution weibull(double shape, double scale);
  static Distribution triangular(double min, double mode, double max);
  static Distribution uniform(double min, double max);
  static Distribution empirical(std::vector<double> values, std::vector<double> weights);

  [[nodiscard]] double sample(Stream& stream) const;
  /// Theoretical mean and standard deviation (used by tests and by scheme effects on means).
  [[nodiscard]] double mean() const;
  [[nodiscard]] double sd() const;
  /// Cumulative distribution function P(X ≤ x).
  [[nodiscard]] double cdf(double x) const;
  /// E[exp(−s X)] (s ≥ 0) where it has a closed form (fixed, exponential, gamma, uniform, empirical); nullopt for
  /// lognormal, Weibull and triangular, whose callers integrate instead.
  [[nodiscard]] std::optional<double> laplace_transform(double s) const;
  /// Remaining time X − elapsed of a draw conditioned on X > elapsed (residual life): for someone `elapsed`
  /// into a stay drawn from this distribution, how much is left. Exact, one uniform, by inversion on
  /// [F(elapsed), 1) (on the survival scale, so far tails keep their precision). When nothing is left above
  /// `elapsed` (a fixed value or bounded support already passed, or a tail beyond double precision) it is 0.
  [[nodiscard]] double sample_residual(Stream& stream, double elapsed) const;
  /// A copy with every value multiplied by `factor` (> 0): same shape, scaled mean and sd.
  [[nodiscard]] Distribution scaled(double factor) const;
  [[nodiscard]] DistributionKind kind() const noexcept { return kind_; }
  /// Canonical text, re-parseable by parse_distribution (values in minutes with "min").
  [[nodiscard]] std::string describe() const;

 private:
  DistributionKind kind_ = DistributionKind::Fixed;
  double a_ = 0, b_ = 0, c_ = 0;  // meaning depends on kind_; derived parameters are precomputed
  double mean_ = 0, sd_ = 0;
  std::vector<double> values_, cumulative_;
};

/// Parses distribution text. With `durations` true every number needs a time unit and the result is
/// in minutes; otherwise numbers are plain (e.g. counts).
Distribution parse_distribution(std::string_view text, bool durations = true);

}  // namespace pfsim::engine
