// Residual-life sampling (census warm start): the remaining stay of someone `elapsed` into it must follow
// P(X − e ≤ r | X > e) = (F(e + r) − F(e)) / (1 − F(e)), checked with a Kolmogorov–Smirnov test.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/engine/distribution.hpp"

using namespace pfsim::engine;

namespace {

// KS statistic of `draws` against the conditional CDF of `d` given X > elapsed.
double ks_residual(const Distribution& d, double elapsed, std::vector<double> draws) {
  std::sort(draws.begin(), draws.end());
  const double f0 = d.cdf(elapsed), n = static_cast<double>(draws.size());
  double worst = 0;
  for (std::size_t i = 0; i < draws.size(); ++i) {
    const double g = (d.cdf(elapsed + draws[i]) - f0) / (1.0 - f0);
    worst = std::max({worst, std::abs(g - static_cast<double>(i) / n), std::abs(static_cast<double>(i + 1) / n - g)});
  }
  return worst;
}

std::vector<double> residuals(const Distribution& d, double elapsed, int n, const std::string& name) {
  Stream s(20240613, 0, name);
  std::vector<double> out;
  for (int i = 0; i < n; ++i) out.push_back(d.sample_residual(s, elapsed));
  return out;
}

constexpr int kDraws = 4000;
// 1 % critical value of the one-sample KS statistic for large n: 1.628 / √n.
const double kCritical = 1.628 / std::sqrt(static_cast<double>(kDraws));

struct ResidualCase {
  const char* text;
  double elapsed_days;
};

}  // namespace

TEST(ResidualLife, MatchesTheConditionalDistributionByKolmogorovSmirnov) {
  const ResidualCase cases[] = {
      {"lognormal(mean=6d, sd=9d)", 0.5},  {"lognormal(mean=6d, sd=9d)", 10},   {"lognormal(mean=6d, sd=9d)", 60},
      {"gamma(mean=21d, sd=10d)", 30},     {"gamma(mean=2d, sd=4d)", 5},        {"weibull(shape=0.8, scale=700d)", 400},
      {"weibull(shape=2.5, scale=10d)", 12}, {"exponential(mean=3d)", 7},       {"uniform(min=1d, max=9d)", 4},
      {"uniform(min=3d, max=9d)", 1},      {"triangular(min=1d, mode=2d, max=12d)", 1.5},
      {"triangular(min=1d, mode=8d, max=12d)", 9}};
  for (const ResidualCase& c : cases) {
    const Distribution d = parse_distribution(c.text);
    const double elapsed = c.elapsed_days * 1440.0;
    const auto draws = residuals(d, elapsed, kDraws, c.text);
    for (double r : draws) ASSERT_GE(r, 0.0) << c.text;
    EXPECT_LT(ks_residual(d, elapsed, draws), kCritical) << c.text << " elapsed " << c.elapsed_days << "d";
  }
}

TEST(ResidualLife, KolmogorovSmirnovRejectsRestartingTheStay) {
  // The test above can fail: drawing a fresh stay instead of the residual is far outside the critical value.
  const Distribution d = parse_distribution("lognormal(mean=6d, sd=9d)");
  const double elapsed = 10 * 1440.0;
  Stream s(20240613, 0, "restart");
  std::vector<double> fresh;
  for (int i = 0; i < kDraws; ++i) fresh.push_back(d.sample(s));
  EXPECT_GT(ks_residual(d, elapsed, fresh), 5 * kCritical);
}

TEST(ResidualLife, ConditionalMeanOfLognormalMatchesNumericalIntegral) {
  // E[X − e | X > e] = ∫_e^∞ S(x) dx / S(e), integrated with the trapezium rule on a fine grid.
  const Distribution d = parse_distribution("lognormal(mean=6d, sd=9d)");
  const double e = 8 * 1440.0;
  double integral = 0;
  const double step = 60.0;
  for (double x = e; x < e + 2000 * 1440.0; x += step) integral += 0.5 * step * ((1 - d.cdf(x)) + (1 - d.cdf(x + step)));
  const double expected = integral / (1 - d.cdf(e));
  const auto draws = residuals(d, e, 200000, "mean");
  double mean = 0;
  for (double r : draws) mean += r / static_cast<double>(draws.size());
  EXPECT_NEAR(mean / expected, 1.0, 0.03);
}

TEST(ResidualLife, EmpiricalKeepsOnlyValuesAboveElapsedWithRenormalisedWeights) {
  const Distribution d = parse_distribution("empirical(values=[1d, 3d, 5d, 9d], weights=[0.4, 0.3, 0.2, 0.1])");
  const auto draws = residuals(d, 4 * 1440.0, 30000, "empirical");
  double at_1d = 0, at_5d = 0;
  for (double r : draws) {
    if (std::abs(r - 1440.0) < 1e-6) at_1d += 1;
    else if (std::abs(r - 5 * 1440.0) < 1e-6) at_5d += 1;
    else ADD_FAILURE() << "residual " << r << " is not 5d − 4d or 9d − 4d";
  }
  // P(5d | > 4d) = 0.2 / 0.3; binomial sd at n = 30000 is 0.0027.
  EXPECT_NEAR(at_1d / static_cast<double>(draws.size()), 2.0 / 3.0, 0.011);
  EXPECT_EQ(at_1d + at_5d, static_cast<double>(draws.size()));
}

TEST(ResidualLife, NothingLeftGivesZeroAndNoElapsedGivesAFreshDraw) {
  Stream s(1, 0, "edge");
  EXPECT_EQ(parse_distribution("fixed(4d)").sample_residual(s, 5 * 1440.0), 0.0);
  EXPECT_DOUBLE_EQ(parse_distribution("fixed(4d)").sample_residual(s, 1440.0), 3 * 1440.0);
  EXPECT_EQ(parse_distribution("uniform(min=1d, max=3d)").sample_residual(s, 3 * 1440.0), 0.0);
  EXPECT_EQ(parse_distribution("empirical(values=[1d], weights=[1])").sample_residual(s, 2 * 1440.0), 0.0);
  Stream a(1, 0, "same"), b(1, 0, "same");
  const Distribution d = parse_distribution("gamma(mean=21d, sd=10d)");
  EXPECT_EQ(d.sample_residual(a, 0.0), d.sample(b));
}
