#include "pfsim/engine/distribution.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numeric>

#include <boost/math/distributions/complement.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <fmt/format.h>

namespace pfsim::engine {
namespace {

// Boost evaluates double functions in long double by default; in double they keep ~1e-15 relative accuracy and take
// a third of the time (the stability check's integrals call cdf tens of thousands of times before a run starts).
using InDouble = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
using Lognormal = boost::math::lognormal_distribution<double, InDouble>;

constexpr double kLongestDuration = 100.0 * 365.25 * 1440.0;  // minutes
constexpr const char* kDurationHint = "write a number and a unit, e.g. \"90min\", \"4h\", \"6d\" or \"2w\"";
constexpr const char* kDistributionHint =
    "write e.g. \"fixed(4h)\", \"exponential(mean=10min)\", \"lognormal(mean=6d, sd=9d)\", \"gamma(mean=21d, sd=10d)\", "
    "\"weibull(shape=0.8, scale=700d)\", \"triangular(min=1d, mode=2d, max=5d)\", \"uniform(min=1d, max=3d)\" or "
    "\"empirical(values=[1d, 2d], weights=[0.3, 0.7])\"";

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Splits "a=1, b=[x, y]" on top-level commas.
std::vector<std::string_view> split_args(std::string_view s) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '[') ++depth;
    if (s[i] == ']') --depth;
    if (s[i] == ',' && depth == 0) {
      parts.push_back(trim(s.substr(begin, i - begin)));
      begin = i + 1;
    }
  }
  if (!trim(s.substr(begin)).empty() || !parts.empty()) parts.push_back(trim(s.substr(begin)));
  return parts;
}

double parse_number(std::string_view text, bool duration) {
  text = trim(text);
  if (text.empty()) throw DistributionError("empty number", duration ? kDurationHint : "write a plain number");
  std::size_t end = 0;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.' ||
                               text[end] == '-' || text[end] == '+' || text[end] == 'e' || text[end] == 'E')) {
    // 'e' is part of a number only when followed by a digit or sign (so "1e3" parses but "1d" stops at d)
    if ((text[end] == 'e' || text[end] == 'E') &&
        !(end + 1 < text.size() && (std::isdigit(static_cast<unsigned char>(text[end + 1])) || text[end + 1] == '-' || text[end + 1] == '+')))
      break;
    ++end;
  }
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + end, value);
  if (ec != std::errc() || ptr != text.data() + end || end == 0)
    throw DistributionError(fmt::format("\"{}\" is not a number", text), duration ? kDurationHint : "write a plain number");
  std::string_view unit = trim(text.substr(end));
  if (!std::isfinite(value)) throw DistributionError(fmt::format("\"{}\" is not finite", text), "use a finite value");
  if (!duration) {
    if (!unit.empty()) throw DistributionError(fmt::format("\"{}\" has a unit where a plain number is expected", text), "drop the unit");
    return value;
  }
  static const std::map<std::string_view, double> units = {
      {"min", 1.0}, {"m", 1.0}, {"mins", 1.0}, {"h", 60.0}, {"hr", 60.0}, {"hours", 60.0},
      {"d", 1440.0}, {"days", 1440.0}, {"w", 10080.0}, {"weeks", 10080.0}};
  if (unit.empty()) throw DistributionError(fmt::format("duration \"{}\" has no unit", text), kDurationHint);
  auto it = units.find(unit);
  if (it == units.end()) throw DistributionError(fmt::format("unknown time unit \"{}\" in \"{}\"", unit, text), kDurationHint);
  const double minutes = value * it->second;
  // The unit can push a finite number past the largest double (1e307w); a century is a generous ceiling.
  if (!std::isfinite(minutes) || std::abs(minutes) > kLongestDuration)
    throw DistributionError(fmt::format("duration \"{}\" is longer than 100 years", text), "use a realistic duration");
  return minutes;
}

void require(bool ok, const std::string& message, const std::string& hint = kDistributionHint) {
  if (!ok) throw DistributionError(message, hint);
}

}  // namespace

double parse_duration(std::string_view text) {
  double minutes = parse_number(text, true);
  require(minutes >= 0.0, fmt::format("duration \"{}\" is negative", trim(text)), kDurationHint);
  return minutes;
}

namespace {
// Extreme but finite parameters (sd = 1e300) overflow in the derived parameters (sd², Γ(1 + 1/shape)); a
// distribution whose mean, sd or internal parameters are not finite would sample NaN or infinity.
Distribution checked(Distribution d, double a, double b) {
  require(std::isfinite(d.mean()) && std::isfinite(d.sd()) && std::isfinite(a) && std::isfinite(b),
          fmt::format("parameters overflow (mean {}, sd {})", d.mean(), d.sd()));
  return d;
}
}  // namespace

Distribution Distribution::fixed(double value) {
  require(std::isfinite(value) && value >= 0, "fixed value must be finite and ≥ 0");
  Distribution d;
  d.kind_ = DistributionKind::Fixed;
  d.a_ = d.mean_ = value;
  return d;
}
Distribution Distribution::exponential(double mean) {
  require(mean > 0 && std::isfinite(mean), "exponential mean must be > 0");
  Distribution d;
  d.kind_ = DistributionKind::Exponential;
  d.a_ = d.mean_ = d.sd_ = mean;
  return d;
}
Distribution Distribution::lognormal(double mean, double sd) {
  require(mean > 0 && sd > 0 && std::isfinite(mean) && std::isfinite(sd), "lognormal needs mean > 0 and sd > 0");
  Distribution d;
  d.kind_ = DistributionKind::Lognormal;
  const double sigma2 = std::log1p((sd * sd) / (mean * mean));
  d.a_ = std::log(mean) - 0.5 * sigma2;  // mu of the underlying normal
  d.b_ = std::sqrt(sigma2);              // sigma
  d.mean_ = mean;
  d.sd_ = sd;
  require(d.b_ < 10.0, "lognormal sd is too large for its mean (sd/mean must be below ~1e20)");
  return checked(d, d.a_, d.b_);
}
Distribution Distribution::gamma(double mean, double sd) {
  require(mean > 0 && sd > 0 && std::isfinite(mean) && std::isfinite(sd), "gamma needs mean > 0 and sd > 0");
  Distribution d;
  d.kind_ = DistributionKind::Gamma;
  d.a_ = (mean * mean) / (sd * sd);  // shape
  d.b_ = (sd * sd) / mean;           // scale
  d.mean_ = mean;
  d.sd_ = sd;
  require(d.a_ > 1e-6, "gamma sd is too large for its mean (sd/mean must be below 1000)");
  return checked(d, d.a_, d.b_);
}
Distribution Distribution::weibull(double shape, double scale) {
  require(shape > 0 && scale > 0 && std::isfinite(shape) && std::isfinite(scale), "weibull needs shape > 0 and scale > 0");
  Distribution d;
  d.kind_ = DistributionKind::Weibull;
  d.a_ = shape;
  d.b_ = scale;
  d.c_ = 1.0 / shape;
  const double g1 = std::tgamma(1.0 + 1.0 / shape), g2 = std::tgamma(1.0 + 2.0 / shape);
  d.mean_ = scale * g1;
  d.sd_ = scale * std::sqrt(std::max(0.0, g2 - g1 * g1));
  return checked(d, shape, scale);
}
Distribution Distribution::triangular(double min, double mode, double max) {
  require(min <= mode && mode <= max && min < max && min >= 0, "triangular needs 0 ≤ min ≤ mode ≤ max and min < max");
  Distribution d;
  d.kind_ = DistributionKind::Triangular;
  d.a_ = min;
  d.b_ = mode;
  d.c_ = max;
  d.mean_ = (min + mode + max) / 3.0;
  d.sd_ = std::sqrt((min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18.0);
  return checked(d, max - min, mode);
}
Distribution Distribution::uniform(double min, double max) {
  require(min < max && min >= 0, "uniform needs 0 ≤ min < max");
  Distribution d;
  d.kind_ = DistributionKind::Uniform;
  d.a_ = min;
  d.b_ = max;
  d.mean_ = 0.5 * (min + max);
  d.sd_ = (max - min) / std::sqrt(12.0);
  return checked(d, min, max);
}
Distribution Distribution::empirical(std::vector<double> values, std::vector<double> weights) {
  require(!values.empty() && values.size() == weights.size(), "empirical needs as many weights as values (and at least one)");
  double total = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    require(weights[i] >= 0 && std::isfinite(weights[i]), "empirical weights must be ≥ 0");
    require(values[i] >= 0 && std::isfinite(values[i]), "empirical values must be ≥ 0");
    total += weights[i];
  }
  require(total > 0, "empirical weights must not all be zero");
  Distribution d;
  d.kind_ = DistributionKind::Empirical;
  double running = 0, m = 0, m2 = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    running += weights[i] / total;
    d.cumulative_.push_back(running);
    m += values[i] * weights[i] / total;
    m2 += values[i] * values[i] * weights[i] / total;
  }
  d.cumulative_.back() = 1.0;
  d.values_ = std::move(values);
  d.mean_ = m;
  d.sd_ = std::sqrt(std::max(0.0, m2 - m * m));
  return checked(d, m, m2);
}

namespace {
// Marsaglia & Tsang (2000) for shape ≥ 1; shape < 1 via the boost u^(1/shape) identity.
double sample_gamma(Stream& s, double shape, double scale) {
  if (shape < 1.0) return sample_gamma(s, shape + 1.0, scale) * std::pow(s.uniform(), 1.0 / shape);
  const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x, v;
    do {
      x = s.normal();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = s.uniform();
    if (u < 1.0 - 0.0331 * x * x * x * x) return d * v * scale;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v * scale;
  }
}
}  // namespace

double Distribution::sample(Stream& s) const {
  switch (kind_) {
    case DistributionKind::Fixed: return a_;
    case DistributionKind::Exponential: return s.exponential(a_);
    case DistributionKind::Lognormal: return std::exp(a_ + b_ * s.normal());
    case DistributionKind::Gamma: return sample_gamma(s, a_, b_);
    case DistributionKind::Weibull: return b_ * std::pow(s.exponential(1.0), c_);  // c_ = 1 / shape
    case DistributionKind::Triangular: {
      const double u = s.uniform(), f = (b_ - a_) / (c_ - a_);
      return u < f ? a_ + std::sqrt(u * (c_ - a_) * (b_ - a_)) : c_ - std::sqrt((1 - u) * (c_ - a_) * (c_ - b_));
    }
    case DistributionKind::Uniform: return s.uniform(a_, b_);
    case DistributionKind::Empirical: {
      const double u = s.uniform();
      auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), u);
      return values_[static_cast<std::size_t>(std::min<std::ptrdiff_t>(it - cumulative_.begin(), static_cast<std::ptrdiff_t>(values_.size()) - 1))];
    }
  }
  return a_;
}

double Distribution::mean() const { return mean_; }
double Distribution::sd() const { return sd_; }

double Distribution::cdf(double x) const {
  if (x < 0) return 0.0;
  switch (kind_) {
    case DistributionKind::Fixed: return x >= a_ ? 1.0 : 0.0;
    case DistributionKind::Exponential: return -std::expm1(-x / a_);
    case DistributionKind::Lognormal: return x <= 0 ? 0.0 : boost::math::cdf(Lognormal(a_, b_), x);
    case DistributionKind::Gamma: return boost::math::gamma_p(a_, x / b_, InDouble());
    case DistributionKind::Weibull: return -std::expm1(-std::pow(x / b_, a_));
    case DistributionKind::Triangular:
      if (x <= a_) return 0.0;
      if (x >= c_) return 1.0;
      if (x <= b_) return (x - a_) * (x - a_) / ((c_ - a_) * (b_ - a_));
      return 1.0 - (c_ - x) * (c_ - x) / ((c_ - a_) * (c_ - b_));
    case DistributionKind::Uniform: return x <= a_ ? 0.0 : x >= b_ ? 1.0 : (x - a_) / (b_ - a_);
    case DistributionKind::Empirical: {
      double p = 0;
      for (std::size_t i = 0; i < values_.size(); ++i)
        if (values_[i] <= x) p += cumulative_[i] - (i ? cumulative_[i - 1] : 0.0);
      return p;
    }
  }
  return 0.0;
}

std::optional<double> Distribution::laplace_transform(double s) const {
  switch (kind_) {
    case DistributionKind::Fixed: return std::exp(-s * a_);
    case DistributionKind::Exponential: return 1.0 / (1.0 + s * a_);
    case DistributionKind::Gamma: return std::pow(1.0 + s * b_, -a_);
    case DistributionKind::Uniform:
      if (s * (b_ - a_) < 1e-8) return std::exp(-s * 0.5 * (a_ + b_));  // the difference quotient would cancel
      return (std::exp(-s * a_) - std::exp(-s * b_)) / (s * (b_ - a_));
    case DistributionKind::Empirical: {
      double sum = 0;
      for (std::size_t i = 0; i < values_.size(); ++i) sum += (cumulative_[i] - (i ? cumulative_[i - 1] : 0.0)) * std::exp(-s * values_[i]);
      return sum;
    }
    case DistributionKind::Lognormal:
    case DistributionKind::Weibull:
    case DistributionKind::Triangular: return std::nullopt;
  }
  return std::nullopt;
}

double Distribution::sample_residual(Stream& s, double elapsed) const {
  if (!(elapsed > 0)) return sample(s);
  // v is the survival probability the draw lands at: uniform on (0, S(elapsed)), so X = S⁻¹(v) > elapsed.
  const double u = s.uniform();
  switch (kind_) {
    case DistributionKind::Fixed: return std::max(0.0, a_ - elapsed);
    case DistributionKind::Exponential: return -a_ * std::log(u);  // memoryless
    case DistributionKind::Weibull: {
      // S(x) = exp(-(x/λ)^k): S⁻¹(S(e)·u) = λ((e/λ)^k − ln u)^(1/k), no cancellation at all.
      const double x = b_ * std::pow(std::pow(elapsed / b_, a_) - std::log(u), 1.0 / a_);
      return std::max(0.0, x - elapsed);
    }
    case DistributionKind::Lognormal: {
      const Lognormal d(a_, b_);
      const double survival = boost::math::cdf(boost::math::complement(d, elapsed));
      if (!(survival > 0)) return 0.0;
      return std::max(0.0, boost::math::quantile(boost::math::complement(d, survival * u)) - elapsed);
    }
    case DistributionKind::Gamma: {
      const double survival = boost::math::gamma_q(a_, elapsed / b_, InDouble());
      if (!(survival > 0)) return 0.0;
      return std::max(0.0, b_ * boost::math::gamma_q_inv(a_, survival * u, InDouble()) - elapsed);
    }
    case DistributionKind::Uniform: {
      if (elapsed >= b_) return 0.0;
      const double lo = std::max(a_, elapsed);
      return lo + (b_ - lo) * u - elapsed;  // a uniform conditioned on an interval is uniform on what is left
    }
    case DistributionKind::Triangular: {
      if (elapsed >= c_) return 0.0;
      // Inverse CDF of the triangular at F(e) + (1 − F(e))·u.
      const double p = cdf(elapsed) + (1.0 - cdf(elapsed)) * u, f = (b_ - a_) / (c_ - a_);
      const double x = p < f ? a_ + std::sqrt(p * (c_ - a_) * (b_ - a_)) : c_ - std::sqrt((1 - p) * (c_ - a_) * (c_ - b_));
      return std::max(0.0, x - elapsed);
    }
    case DistributionKind::Empirical: {
      // The values above `elapsed`, with their weights renormalised.
      double above = 0;
      for (std::size_t i = 0; i < values_.size(); ++i)
        if (values_[i] > elapsed) above += cumulative_[i] - (i ? cumulative_[i - 1] : 0.0);
      if (!(above > 0)) return 0.0;
      double target = u * above;
      for (std::size_t i = 0; i < values_.size(); ++i) {
        if (values_[i] <= elapsed) continue;
        target -= cumulative_[i] - (i ? cumulative_[i - 1] : 0.0);
        if (target <= 0) return values_[i] - elapsed;
      }
      for (std::size_t i = values_.size(); i-- > 0;)
        if (values_[i] > elapsed) return values_[i] - elapsed;  // rounding left target a hair above 0
      return 0.0;
    }
  }
  return 0.0;
}

Distribution Distribution::scaled(double factor) const {
  require(factor > 0 && std::isfinite(factor), "scale factor must be > 0");
  switch (kind_) {
    case DistributionKind::Fixed: return fixed(a_ * factor);
    case DistributionKind::Exponential: return exponential(a_ * factor);
    case DistributionKind::Lognormal: return lognormal(mean_ * factor, sd_ * factor);
    case DistributionKind::Gamma: return gamma(mean_ * factor, sd_ * factor);
    case DistributionKind::Weibull: return weibull(a_, b_ * factor);
    case DistributionKind::Triangular: return triangular(a_ * factor, b_ * factor, c_ * factor);
    case DistributionKind::Uniform: return uniform(a_ * factor, b_ * factor);
    case DistributionKind::Empirical: {
      std::vector<double> v = values_, w(values_.size());
      for (auto& x : v) x *= factor;
      for (std::size_t i = 0; i < w.size(); ++i) w[i] = cumulative_[i] - (i ? cumulative_[i - 1] : 0.0);
      return empirical(std::move(v), std::move(w));
    }
  }
  return *this;
}

std::string Distribution::describe() const {
  switch (kind_) {
    case DistributionKind::Fixed: return fmt::format("fixed({}min)", a_);
    case DistributionKind::Exponential: return fmt::format("exponential(mean={}min)", a_);
    case DistributionKind::Lognormal: return fmt::format("lognormal(mean={}min, sd={}min)", mean_, sd_);
    case DistributionKind::Gamma: return fmt::format("gamma(mean={}min, sd={}min)", mean_, sd_);
    case DistributionKind::Weibull: return fmt::format("weibull(shape={}, scale={}min)", a_, b_);
    case DistributionKind::Triangular: return fmt::format("triangular(min={}min, mode={}min, max={}min)", a_, b_, c_);
    case DistributionKind::Uniform: return fmt::format("uniform(min={}min, max={}min)", a_, b_);
    case DistributionKind::Empirical: return fmt::format("empirical(mean={}min)", mean_);
  }
  return "?";
}

namespace {
// A mean or sd beyond this (in minutes: ~1.9 million years; as a count: a trillion) is no real input, and the tails of
// exponential, lognormal, gamma and Weibull draws (up to ~40 × the mean, or e^(9σ) for the lognormal) would overflow
// to infinity near the largest doubles. Checked on input only, so a scheme or season that scales a distribution
// (by at most 10) never fails during a run.
constexpr double kMaxMagnitude = 1e12;
Distribution parse_unbounded(std::string_view text, bool durations);
}  // namespace

Distribution parse_distribution(std::string_view text, bool durations) {
  Distribution d = parse_unbounded(text, durations);
  require(d.mean() <= kMaxMagnitude && d.sd() <= kMaxMagnitude,
          fmt::format("mean {} and sd {} in \"{}\" are out of range (at most 1e12{})", d.mean(), d.sd(), trim(text),
                      durations ? " minutes" : ""),
          durations ? "durations are at most a few years; write e.g. \"weibull(shape=0.8, scale=700d)\"" : kDistributionHint);
  return d;
}

namespace {
Distribution parse_unbounded(std::string_view text, bool durations) {
  const std::string_view whole = trim(text);
  const auto open = whole.find('(');
  if (open == std::string_view::npos || whole.back() != ')')
    throw DistributionError(fmt::format("\"{}\" is not a distribution", whole), kDistributionHint);
  const std::string_view name = trim(whole.substr(0, open));
  const std::string_view inside = whole.substr(open + 1, whole.size() - open - 2);

  std::map<std::string, std::string_view, std::less<>> named;
  std::vector<std::string_view> positional;
  for (std::string_view arg : split_args(inside)) {
    if (arg.empty()) throw DistributionError(fmt::format("empty argument in \"{}\"", whole), kDistributionHint);
    const auto eq = arg.find('=');
    if (eq == std::string_view::npos) {
      positional.push_back(arg);
    } else {
      std::string key(trim(arg.substr(0, eq)));
      if (named.count(key)) throw DistributionError(fmt::format("\"{}\" given twice in \"{}\"", key, whole), kDistributionHint);
      named[key] = trim(arg.substr(eq + 1));
    }
  }
  auto take = [&](std::initializer_list<const char*> keys, bool duration) {
    std::vector<double> out;
    std::size_t next_positional = 0;
    for (const char* key : keys) {
      auto it = named.find(key);
      if (it != named.end()) {
        out.push_back(parse_number(it->second, duration));
        named.erase(it);
      } else if (next_positional < positional.size()) {
        out.push_back(parse_number(positional[next_positional++], duration));
      } else {
        throw DistributionError(fmt::format("{} needs \"{}\" in \"{}\"", name, key, whole), kDistributionHint);
      }
    }
    if (!named.empty())
      throw DistributionError(fmt::format("{} has no parameter \"{}\" in \"{}\"", name, named.begin()->first, whole), kDistributionHint);
    if (next_positional < positional.size())
      throw DistributionError(fmt::format("too many parameters in \"{}\"", whole), kDistributionHint);
    return out;
  };
  auto list = [&](std::string_view key) {
    auto it = named.find(key);
    if (it == named.end()) throw DistributionError(fmt::format("empirical needs \"{}=[...]\" in \"{}\"", key, whole), kDistributionHint);
    std::string_view body = it->second;
    named.erase(it);
    if (body.size() < 2 || body.front() != '[' || body.back() != ']')
      throw DistributionError(fmt::format("\"{}\" must be a [list] in \"{}\"", key, whole), kDistributionHint);
    std::vector<double> out;
    for (std::string_view item : split_args(body.substr(1, body.size() - 2))) out.push_back(parse_number(item, durations && key == "values"));
    return out;
  };
  try {
    if (name == "fixed") {
      auto v = take({"value"}, durations);
      return Distribution::fixed(v[0]);
    }
    if (name == "exponential") {
      auto v = take({"mean"}, durations);
      return Distribution::exponential(v[0]);
    }
    if (name == "lognormal") {
      auto v = take({"mean", "sd"}, durations);
      return Distribution::lognormal(v[0], v[1]);
    }
    if (name == "gamma") {
      auto v = take({"mean", "sd"}, durations);
      return Distribution::gamma(v[0], v[1]);
    }
    if (name == "weibull") {
      // shape is dimensionless; scale carries the unit
      auto it = named.find("shape");
      double shape = 0;
      if (it != named.end()) {
        shape = parse_number(it->second, false);
        named.erase(it);
      } else if (!positional.empty()) {
        shape = parse_number(positional.front(), false);
        positional.erase(positional.begin());
      } else {
        throw DistributionError(fmt::format("weibull needs \"shape\" in \"{}\"", whole), kDistributionHint);
      }
      auto v = take({"scale"}, durations);
      return Distribution::weibull(shape, v[0]);
    }
    if (name == "triangular") {
      auto v = take({"min", "mode", "max"}, durations);
      return Distribution::triangular(v[0], v[1], v[2]);
    }
    if (name == "uniform") {
      auto v = take({"min", "max"}, durations);
      return Distribution::uniform(v[0], v[1]);
    }
    if (name == "empirical") {
      auto values = list("values");
      auto weights = list("weights");
      if (!named.empty() || !positional.empty())
        throw DistributionError(fmt::format("empirical takes only values=[...] and weights=[...] in \"{}\"", whole), kDistributionHint);
      return Distribution::empirical(std::move(values), std::move(weights));
    }
  } catch (const DistributionError& e) {
    // Re-throw with the full text so the user sees which distribution was wrong.
    if (std::string(e.what()).find(std::string(whole)) != std::string::npos) throw;
    throw DistributionError(fmt::format("{} in \"{}\"", e.what(), whole), e.hint());
  }
  throw DistributionError(fmt::format("unknown distribution \"{}\" in \"{}\"", name, whole), kDistributionHint);
}
}  // namespace

}  // namespace pfsim::engine
