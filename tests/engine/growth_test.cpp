#include "pfsim/engine/growth.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/engine/rng.hpp"

using namespace pfsim::engine;

// approx() stays within the documented 1e-13 of exact() (the pow the simulation is defined by), at midnights, just
// before them, in any order of times (it is anchored per day), for growths across the approximable range.
TEST(GrowthFactor, ApproxIsWithinItsBoundOfExact) {
  Stream s(7, 0, "growth");
  for (double g : {-0.5, -0.02, 1e-9, 0.003, 0.0121, 0.03, 0.25, 1.0, 2.5}) {
    const GrowthFactor f(g);
    ASSERT_TRUE(f.approximable()) << g;
    double worst = 0;
    std::vector<double> times;
    for (int day = 0; day < 4000; day += 37) {
      const double midnight = day * kMinutesPerDay;
      for (double dt : {0.0, 1e-9, 0.5, 719.9, 1439.999999, std::nextafter(kMinutesPerDay, 0.0)}) times.push_back(midnight + dt);
    }
    for (int i = 0; i < 20000; ++i) times.push_back(s.uniform() * 11 * kMinutesPerYear);
    for (double t : times) worst = std::max(worst, std::abs(f.approx(t) / f.exact(t) - 1.0));
    EXPECT_LT(worst, 1e-13) << g;
  }
}

// over_day's midpoint is within its spread (plus rounding) of exact() at every time of the day, ends included, and
// the spread is what a day of growth moves the factor (about g / 730 for small g), not a loose bound.
TEST(GrowthFactor, OverDayBoundsEveryTimeOfTheDay) {
  Stream s(11, 0, "growth-day");
  for (double g : {-0.5, -0.02, 1e-9, 0.0121, 0.25, 2.5, 5.0}) {
    const GrowthFactor f(g);
    for (int day = 0; day < 4000; day += 53) {
      const double start = day * kMinutesPerDay;
      const GrowthFactor::OverDay d = f.over_day(start);
      std::vector<double> times{start, start + 1e-9, start + 720, std::nextafter(start + kMinutesPerDay, 0.0)};
      for (int i = 0; i < 50; ++i) times.push_back(start + s.uniform() * kMinutesPerDay);
      for (double t : times) EXPECT_LE(std::abs(f.exact(t) / d.midpoint - 1.0), d.spread + 1e-15) << g << " day " << day;
      EXPECT_NEAR(d.spread, std::abs(std::log1p(g)) / (2 * kDaysPerYear), 0.01 * std::abs(std::log1p(g)) / kDaysPerYear) << g;
    }
  }
  // Consecutive days reuse the previous day's end; the values are those of a fresh factor asked once.
  const GrowthFactor in_order(0.0121);
  for (int day = 100; day < 140; ++day) {
    const GrowthFactor::OverDay reused = in_order.over_day(day * kMinutesPerDay);
    const GrowthFactor::OverDay fresh = GrowthFactor(0.0121).over_day(day * kMinutesPerDay);
    EXPECT_EQ(reused.midpoint, fresh.midpoint) << day;
    EXPECT_EQ(reused.spread, fresh.spread) << day;
  }
  EXPECT_EQ(GrowthFactor(0.0).over_day(5 * kMinutesPerDay).midpoint, 1.0);
  EXPECT_EQ(GrowthFactor(0.0).over_day(5 * kMinutesPerDay).spread, 0.0);
}

TEST(GrowthFactor, ZeroAndHugeGrowthsAreNotApproximated) {
  EXPECT_FALSE(GrowthFactor(0.0).approximable());
  EXPECT_EQ(GrowthFactor(0.0).exact(123456.0), 1.0);
  EXPECT_FALSE(GrowthFactor(5.0).approximable());  // |log(6)| / 365 > 0.0036: the Taylor bound would not hold
  EXPECT_FALSE(GrowthFactor(-0.99).approximable());
  EXPECT_EQ(GrowthFactor(0.03).exact(5000.5), std::pow(1.03, 5000.5 / (kDaysPerYear * kMinutesPerDay)));
}

TEST(Decision, DecidesOnlyOutsideTheMargin) {
  EXPECT_EQ(decide_le(1.0, 2.0), Decision::Yes);
  EXPECT_EQ(decide_le(2.0, 1.0), Decision::No);
  EXPECT_EQ(decide_le(1.0, 1.0), Decision::Unsure);
  EXPECT_EQ(decide_le(1.0, 1.0 + 1e-12), Decision::Unsure);
  EXPECT_EQ(decide_le(1.0, 1.0 + 1e-6), Decision::Yes);
  EXPECT_EQ(decide_le(0.0, 0.0), Decision::Unsure);
  EXPECT_EQ(decide_le(1.0, 2.0, std::numeric_limits<double>::infinity()), Decision::Unsure);
}

namespace {
std::size_t exact_walk(double draw, const std::vector<double>& w) {
  double total = 0;
  for (double v : w) total += v;
  double u = draw * total;
  for (std::size_t b = 0; b < w.size(); ++b) {
    u -= w[b];
    if (u <= 0) return b;
  }
  return w.size() - 1;
}
}  // namespace

// With weights perturbed by far less than the margin, the approximate walk returns the exact walk's band or kUnsure,
// never another band; with a wide margin it is unsure often, and the caller's exact walk then decides.
TEST(Decision, ApproximateWalkPicksTheExactBandOrIsUnsure) {
  Stream s(11, 0, "walk");
  for (double margin : {kDecisionMargin, 1e-3, 0.2}) {
    int unsure = 0;
    for (int i = 0; i < 20000; ++i) {
      std::vector<double> w(1 + i % 7), approx;
      for (double& v : w) v = i % 5 == 0 ? std::floor(s.uniform() * 4) : s.uniform();  // ties and zero weights too
      for (double v : w) approx.push_back(v * (1 + (s.uniform() - 0.5) * 4e-13));
      const double draw = i % 3 == 0 ? std::floor(s.uniform() * 8) / 8 : s.uniform();  // draws on a boundary
      const std::size_t got = pick_by_weight_approx(draw, approx.size(), [&](std::size_t b) { return approx[b]; }, margin);
      if (got == kUnsure) {
        ++unsure;
      } else {
        EXPECT_EQ(got, exact_walk(draw, w)) << i;
      }
    }
    if (margin > 1e-3) {
      EXPECT_GT(unsure, 1000) << margin;
    }
    EXPECT_GT(unsure, 0) << margin;  // draws landing exactly on a cumulative weight are never decided approximately
  }
  // An exact boundary: u = 1/6 × 6 − 1 = 0 at the first band; the exact walk takes it, the approximate one cannot tell.
  const std::vector<double> w{1, 2, 3};
  EXPECT_EQ(pick_by_weight_approx(1.0 / 6, 3, [&](std::size_t b) { return w[b]; }), kUnsure);
  EXPECT_EQ(pick_by_weight_approx(0.4, 3, [&](std::size_t b) { return w[b]; }), 1u);
  const std::vector<double> zero{0, 0};
  EXPECT_EQ(pick_by_weight_approx(0.5, 2, [&](std::size_t b) { return zero[b]; }), kUnsure);
}
