#include "pfsim/engine/distribution.hpp"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "pfsim/engine/stats.hpp"

using namespace pfsim::engine;

TEST(Duration, ParsesUnitsIntoMinutes) {
  EXPECT_DOUBLE_EQ(parse_duration("90min"), 90.0);
  EXPECT_DOUBLE_EQ(parse_duration("4h"), 240.0);
  EXPECT_DOUBLE_EQ(parse_duration("6d"), 6 * 1440.0);
  EXPECT_DOUBLE_EQ(parse_duration("2w"), 2 * 10080.0);
  EXPECT_DOUBLE_EQ(parse_duration(" 1.5h "), 90.0);
}

TEST(Duration, RejectsBadTextWithAHint) {
  for (const char* bad : {"90", "4 parsecs", "h", "", "-3d", "nan d", "inf h", "1e400d", "4hh"}) {
    try {
      parse_duration(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const DistributionError& e) {
      EXPECT_FALSE(e.hint().empty()) << bad;
    }
  }
}

TEST(Distribution, RejectsBadText) {
  for (const char* bad : {"lognormal(mean=6d)", "lognormal(mean=6d, sd=-1d)", "normal(mean=1d, sd=1d)", "gamma(6d, 2d, 3d)",
                          "exponential(mean=10)", "lognormal mean=6d", "triangular(min=5d, mode=2d, max=1d)",
                          "empirical(values=[1d, 2d], weights=[1])", "gamma(mean=1d, sd=1d, mean=2d)",
                          "weibull(scale=3d)", "uniform(min=3d, max=1d)", "exponential(rate=2h)", "fixed()"}) {
    EXPECT_THROW(parse_distribution(bad), DistributionError) << bad;
  }
}

TEST(Distribution, ErrorMessageNamesTheTextAndMissingParameter) {
  try {
    parse_distribution("lognormal(mean=6d)");
    FAIL();
  } catch (const DistributionError& e) {
    EXPECT_NE(std::string(e.what()).find("sd"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("lognormal(mean=6d)"), std::string::npos);
  }
}

struct Case {
  const char* text;
  double mean, sd;  // in minutes
};

class DistributionMoments : public ::testing::TestWithParam<Case> {};

TEST_P(DistributionMoments, SampleMeanAndSdMatchParameters) {
  const Case c = GetParam();
  Distribution d = parse_distribution(c.text);
  EXPECT_NEAR(d.mean(), c.mean, 1e-9 * c.mean + 1e-9);
  EXPECT_NEAR(d.sd(), c.sd, 1e-6 * c.sd + 1e-9);
  Stream s(1234, 0, c.text);
  Tally t;
  const int n = 200000;
  for (int i = 0; i < n; ++i) t.add(d.sample(s));
  // 5 standard errors for the mean; sd within 3 % (heavy-tailed lognormal sd converges slowly).
  EXPECT_NEAR(t.mean(), c.mean, 5.0 * c.sd / std::sqrt(n) + 1e-9) << c.text;
  EXPECT_NEAR(t.sd(), c.sd, 0.03 * c.sd + 1e-9) << c.text;
  EXPECT_GE(t.min(), 0.0);
}

INSTANTIATE_TEST_SUITE_P(
    AllKinds, DistributionMoments,
    ::testing::Values(Case{"fixed(4h)", 240, 0}, Case{"exponential(mean=10min)", 10, 10},
                      Case{"lognormal(mean=6d, sd=3d)", 6 * 1440.0, 3 * 1440.0}, Case{"gamma(mean=21d, sd=10d)", 21 * 1440.0, 10 * 1440.0},
                      Case{"gamma(mean=2h, sd=4h)", 120, 240},
                      Case{"weibull(shape=2, scale=100min)", 100 * std::tgamma(1.5), 100 * std::sqrt(std::tgamma(2.0) - std::pow(std::tgamma(1.5), 2))},
                      Case{"triangular(min=1d, mode=2d, max=6d)", 3 * 1440.0, 1440.0 * std::sqrt((1 + 4 + 36 - 2 - 6 - 12) / 18.0)},
                      Case{"uniform(min=10min, max=70min)", 40, 60 / std::sqrt(12.0)},
                      Case{"empirical(values=[1h, 3h], weights=[1, 3])", 150, std::sqrt(0.25 * 3600 + 0.75 * 32400 - 22500)}),
    [](const ::testing::TestParamInfo<Case>& info) {
      std::string name = std::string(info.param.text).substr(0, std::string(info.param.text).find('('));
      return name + std::to_string(info.index);
    });

TEST(Distribution, CdfMatchesEmpiricalFrequency) {
  for (const char* text : {"lognormal(mean=6d, sd=9d)", "gamma(mean=1d, sd=2d)", "weibull(shape=0.8, scale=700d)"}) {
    Distribution d = parse_distribution(text);
    Stream s(9, 0, text);
    const double x = d.mean();
    int below = 0;
    const int n = 100000;
    for (int i = 0; i < n; ++i) below += d.sample(s) <= x;
    const double p = d.cdf(x);
    EXPECT_NEAR(static_cast<double>(below) / n, p, 5 * std::sqrt(p * (1 - p) / n)) << text;
  }
}

TEST(Distribution, ScaledKeepsShapeAndScalesMean) {
  Distribution d = parse_distribution("lognormal(mean=6d, sd=9d)").scaled(0.5);
  EXPECT_DOUBLE_EQ(d.mean(), 3 * 1440.0);
  EXPECT_DOUBLE_EQ(d.sd(), 4.5 * 1440.0);
}

TEST(Distribution, PlainNumbersWhenNotDurations) {
  Distribution d = parse_distribution("uniform(min=2, max=4)", false);
  EXPECT_DOUBLE_EQ(d.mean(), 3.0);
  EXPECT_THROW(parse_distribution("uniform(min=2d, max=4d)", false), DistributionError);
}
