#include "pfsim/engine/stats.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/engine/rng.hpp"

using namespace pfsim::engine;

TEST(Tally, MatchesTwoPassMeanAndVariance) {
  std::vector<double> xs = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
  Tally t;
  for (double x : xs) t.add(x);
  EXPECT_DOUBLE_EQ(t.mean(), 1e9 + 10);
  EXPECT_NEAR(t.variance(), 30.0, 1e-6);  // catastrophic cancellation would break a naive sum of squares
  EXPECT_EQ(t.min(), 1e9 + 4);
  EXPECT_EQ(t.max(), 1e9 + 16);
}

TEST(TimeWeighted, AveragesAPiecewiseConstantLevel) {
  TimeWeighted w(0.0, 0.0);
  w.update(10, 2);  // level 0 on [0,10)
  w.update(30, 1);  // level 2 on [10,30)
  EXPECT_DOUBLE_EQ(w.mean(40), (0 * 10 + 2 * 20 + 1 * 10) / 40.0);
  w.reset(40);
  EXPECT_DOUBLE_EQ(w.mean(50), 1.0);
  EXPECT_DOUBLE_EQ(w.area(50), 10.0);
}

TEST(Histogram, QuantilesOfUniformSample) {
  Histogram h(0, 1, 1000);
  Stream s(1, 0, "h");
  for (int i = 0; i < 200000; ++i) h.add(s.uniform());
  EXPECT_NEAR(h.quantile(0.5), 0.5, 0.01);
  EXPECT_NEAR(h.quantile(0.95), 0.95, 0.01);
  EXPECT_NEAR(h.fraction_at_most(0.25), 0.25, 0.01);
}

TEST(Summary, StudentTHalfWidthForKnownSample) {
  std::vector<double> xs = {2, 4, 4, 4, 5, 5, 7, 9};
  Summary s = summarise(xs);
  EXPECT_DOUBLE_EQ(s.mean, 5.0);
  EXPECT_NEAR(s.sd, 2.138089935, 1e-8);
  // t(0.975, 7) = 2.364624252
  EXPECT_NEAR(s.ci95_half, 2.364624252 * 2.138089935 / std::sqrt(8.0), 1e-7);
  EXPECT_DOUBLE_EQ(s.p50, 4.5);
  EXPECT_NEAR(student_t_quantile(0.95, 1000), 1.962339, 1e-5);
}

TEST(Summary, ConfidenceIntervalCoversTrueMeanAbout95Percent) {
  Stream s(77, 0, "ci");
  int covered = 0;
  const int trials = 2000;
  for (int k = 0; k < trials; ++k) {
    std::vector<double> xs(10);
    for (double& x : xs) x = s.exponential(1.0);
    Summary sm = summarise(xs);
    covered += std::abs(sm.mean - 1.0) <= sm.ci95_half;
  }
  // t-intervals on skewed exponential samples of 10 under-cover a little (≈ 0.90–0.93).
  EXPECT_GT(covered, trials * 0.88);
  EXPECT_LT(covered, trials * 0.97);
}

TEST(Bootstrap, MedianCiOfExponentialSampleMatchesAsymptoticWidthAndIsReproducible) {
  // Median of Exp(1) is ln 2; its sampling sd is 1 / (2 f(m) sqrt(n)) = 1 / sqrt(n) (f(m) = 1/2), so the 95 % CI
  // of n = 400 has half-width ≈ 1.96 / 20 = 0.098.
  Stream s(11, 0, "bootstrap");
  std::vector<double> xs(400);
  for (double& x : xs) x = s.exponential(1.0);
  const Interval ci = bootstrap_median_ci(xs, 7);
  const double median = percentile(xs, 50);
  EXPECT_LT(ci.lo, median);
  EXPECT_GT(ci.hi, median);
  EXPECT_NEAR((ci.hi - ci.lo) / 2, 0.098, 0.03);
  EXPECT_LT(ci.lo, std::log(2.0));
  EXPECT_GT(ci.hi, std::log(2.0));
  const Interval again = bootstrap_median_ci(xs, 7);
  EXPECT_EQ(ci.lo, again.lo);
  EXPECT_EQ(ci.hi, again.hi);
  EXPECT_EQ(bootstrap_median_ci({}, 7).hi, 0.0);
}

TEST(Mser5, FindsAKnownInitialTransient) {
  Stream s(5, 0, "mser");
  std::vector<double> series;
  // 100 days climbing from 0 to 500, then 900 days stationary around 500
  for (int d = 0; d < 100; ++d) series.push_back(5.0 * d + s.normal() * 10);
  for (int d = 0; d < 900; ++d) series.push_back(500 + s.normal() * 10);
  const std::size_t cut = mser5_truncation(series);
  EXPECT_GE(cut, 80u);
  EXPECT_LE(cut, 130u);
}

TEST(Mser5, StationarySeriesNeedsAlmostNoTruncation) {
  Stream s(6, 0, "mser");
  std::vector<double> series;
  for (int d = 0; d < 1000; ++d) series.push_back(500 + s.normal() * 10);
  EXPECT_LE(mser5_truncation(series), 100u);
}
