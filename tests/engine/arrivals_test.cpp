#include "pfsim/engine/arrivals.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include <boost/math/distributions/chi_squared.hpp>
#include <gtest/gtest.h>

using namespace pfsim::engine;

namespace {
Calendar monday_start() { return Calendar(std::chrono::year{2019} / 4 / 1); }  // 2019-04-01 was a Monday
}

TEST(Calendar, WeekdayMonthAndHourOfTime) {
  Calendar c = monday_start();
  EXPECT_EQ(c.weekday(0), 0);
  EXPECT_EQ(c.weekday(6 * 1440.0 + 5), 6);
  EXPECT_EQ(c.month(0), 3);
  EXPECT_EQ(c.month(30 * 1440.0), 4);
  EXPECT_EQ(Calendar::hour(13 * 60.0 + 59), 13);
  EXPECT_EQ(to_iso(c.date(365 * 1440.0)), "2020-03-31");
}

TEST(Nhpp, HourlyCountsMatchTheProfileChiSquare) {
  RateProfile p = RateProfile::flat();
  for (int h = 0; h < 24; ++h) p.hour[static_cast<std::size_t>(h)] = (h >= 8 && h < 20) ? 3.0 : 1.0;
  ASSERT_TRUE(p.normalise());
  const double per_day = 200.0;
  NhppArrivals arrivals(per_day / 1440.0, p, monday_start());
  Stream s(2019, 0, "arrivals");
  std::array<double, 24> counts{};
  const double horizon = 200 * 1440.0;
  double total = 0;
  for (double t = arrivals.next(0, s); t < horizon; t = arrivals.next(t, s)) {
    counts[static_cast<std::size_t>(Calendar::hour(t))] += 1;
    total += 1;
  }
  EXPECT_NEAR(total, per_day * 200, 5 * std::sqrt(per_day * 200));
  double chi2 = 0;
  for (int h = 0; h < 24; ++h) {
    const double expected = total * p.hour[static_cast<std::size_t>(h)] / 24.0;
    chi2 += (counts[static_cast<std::size_t>(h)] - expected) * (counts[static_cast<std::size_t>(h)] - expected) / expected;
  }
  const double critical = boost::math::quantile(boost::math::chi_squared(23), 0.999);
  EXPECT_LT(chi2, critical);
}

TEST(Nhpp, WeekdayAndGrowthShapeTheRate) {
  RateProfile p = RateProfile::flat();
  p.weekday = {2, 1, 1, 1, 1, 1, 1};  // Mondays twice as busy
  ASSERT_TRUE(p.normalise());
  NhppArrivals arrivals(100.0 / 1440.0, p, monday_start(), 0.10);
  // Monday vs Tuesday of the same week: the weekday factor times one day of 10 %/yr growth.
  EXPECT_NEAR(arrivals.rate(0) / arrivals.rate(1440.0), 2.0 / std::pow(1.10, 1.0 / 365.25), 1e-12);
  // 52 weeks apart: same weekday, same month (April), growth only.
  EXPECT_NEAR(arrivals.rate(7 * 1440.0 + 364 * 1440.0) / arrivals.rate(7 * 1440.0), std::pow(1.10, 364 / 365.25), 1e-12);
  Stream s(1, 0, "a");
  double mondays = 0, tuesdays = 0;
  for (double t = arrivals.next(0, s); t < 70 * 1440.0; t = arrivals.next(t, s)) {
    int wd = monday_start().weekday(t);
    mondays += wd == 0;
    tuesdays += wd == 1;
  }
  EXPECT_NEAR(mondays / tuesdays, 2.0, 0.15);
}

TEST(Nhpp, ZeroProfileIsRejected) {
  RateProfile p = RateProfile::flat();
  p.hour.fill(0.0);
  EXPECT_FALSE(p.normalise());
}

// trend(t) is the growth factor inside rate(t), bit for bit, whatever order times are asked in (it is memoised).
TEST(Nhpp, TrendIsTheGrowthFactorOfTheRate) {
  NhppArrivals growing(100.0 / 1440.0, RateProfile::flat(), monday_start(), 0.03);
  NhppArrivals flat(100.0 / 1440.0, RateProfile::flat(), monday_start(), 0.0);
  for (double t : {0.0, 5000.5, 123456.0, 5000.5, 400.0 * 1440.0, 0.0}) {
    EXPECT_EQ(growing.trend(t), std::pow(1.0 + 0.03, t / (kDaysPerYear * kMinutesPerDay))) << t;
    EXPECT_EQ(growing.rate(t), flat.rate(t) * growing.trend(t)) << t;
    EXPECT_EQ(flat.trend(t), 1.0);
  }
}

namespace {
// rate(t) written out without any cache: the product in the order rate() forms it.
double uncached_rate(double base, const RateProfile& p, const Calendar& c, double growth, double t) {
  const double seasonal = base * p.hour[static_cast<std::size_t>(Calendar::hour(t))] * p.weekday[static_cast<std::size_t>(c.weekday(t))] *
                          p.month[static_cast<std::size_t>(c.month(t))];
  return growth == 0.0 ? seasonal : seasonal * std::pow(1.0 + growth, t / (kDaysPerYear * kMinutesPerDay));
}
}  // namespace

// The per-hour and per-day caches return the uncached product bit for bit: at and next to every hour boundary (one
// ulp either side, 1e-4 minutes either side), across midnights, week and month changes, forwards and backwards.
TEST(Nhpp, CachedRateEqualsTheUncachedProduct) {
  RateProfile p = RateProfile::flat();
  for (std::size_t h = 0; h < 24; ++h) p.hour[h] = 1.0 + 0.37 * static_cast<double>(h % 5);
  p.weekday = {1.3, 0.9, 1, 1.1, 0.8, 1.2, 0.95};
  for (std::size_t m = 0; m < 12; ++m) p.month[m] = 0.7 + 0.05 * static_cast<double>(m);
  ASSERT_TRUE(p.normalise());
  const Calendar c(std::chrono::year{2019} / 1 / 30);  // the first days cross into February
  for (double growth : {0.0, 0.0121}) {
    NhppArrivals arrivals(0.731, p, c, growth);
    std::vector<double> times;
    for (int hour = 0; hour < 24 * 400; hour += 7) {
      const double edge = hour * 60.0;
      for (double t : {edge, std::nextafter(edge, 0.0), std::nextafter(edge, 1e9), edge - 1e-4, edge + 1e-4, edge + 30.0, edge - 2e-4})
        if (t >= 0) times.push_back(t);
    }
    Stream s(3, 0, "times");
    for (int i = 0; i < 5000; ++i) times.push_back(s.uniform() * 400 * kMinutesPerDay);  // random order: jumps both ways
    for (double t : times) ASSERT_EQ(arrivals.rate(t), uncached_rate(0.731, p, c, growth, t)) << growth << " " << t;
  }
}

// The arrivals do not depend on the decision margin: an infinite one always takes the exact pow, a wide one falls
// back often, the default almost never; all give the same times (so the approximate thinning test is exact).
TEST(Nhpp, ArrivalsDoNotDependOnTheDecisionMargin) {
  RateProfile p = RateProfile::flat();
  for (std::size_t h = 0; h < 24; ++h) p.hour[h] = h >= 8 && h < 20 ? 2.0 : 0.5;
  ASSERT_TRUE(p.normalise());
  for (double growth : {0.0121, -0.01, 0.3}) {
    std::vector<std::vector<double>> runs;
    for (double margin : {kDecisionMargin, 0.05, std::numeric_limits<double>::infinity()}) {
      NhppArrivals arrivals(300.0 / 1440.0, p, monday_start(), growth, 3 * 365.25 * 1440.0);
      Stream s(5, 0, "margin");
      std::vector<double> times;
      for (double t = arrivals.next(0, s, margin); std::isfinite(t) && times.size() < 200000; t = arrivals.next(t, s, margin)) times.push_back(t);
      runs.push_back(std::move(times));
    }
    EXPECT_GT(runs[0].size(), 100000u);
    EXPECT_EQ(runs[0], runs[2]) << growth;
    EXPECT_EQ(runs[1], runs[2]) << growth;
  }
}
