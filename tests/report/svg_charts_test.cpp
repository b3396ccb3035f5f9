// Chart arithmetic: 1-2-5 ticks, scales, dates, fan-chart percentiles from known data, histogram bins.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/output/svg_charts.hpp"

namespace pfsim::output::svg {
namespace {

TEST(NiceTicks, UsesA125StepAndWholeStepsCoveringTheRange) {
  const Ticks t = nice_ticks(0, 97, 5);
  EXPECT_DOUBLE_EQ(t.step, 20);
  EXPECT_EQ(t.values, (std::vector<double>{0, 20, 40, 60, 80, 100}));
  EXPECT_EQ(t.decimals(), 0);
}

TEST(NiceTicks, ChoosesFiveAndHalfStepsForSmallRanges) {
  const Ticks five = nice_ticks(83.2, 96.1, 5);  // rough step 2.58 → 5
  EXPECT_DOUBLE_EQ(five.step, 5);
  EXPECT_DOUBLE_EQ(five.lo, 80);
  EXPECT_DOUBLE_EQ(five.hi, 100);
  const Ticks half = nice_ticks(1.1, 3.2, 5);  // rough 0.42 → 0.5
  EXPECT_DOUBLE_EQ(half.step, 0.5);
  EXPECT_DOUBLE_EQ(half.lo, 1.0);
  EXPECT_DOUBLE_EQ(half.hi, 3.5);
  EXPECT_EQ(half.decimals(), 1);
}

TEST(NiceTicks, EveryStepIsOneTwoOrFiveTimesAPowerOfTen) {
  for (const double hi : {0.013, 0.7, 3.0, 17.0, 99.0, 1234.0, 108827.0}) {
    const Ticks t = nice_ticks(0, hi, 5);
    const double mantissa = t.step / std::pow(10.0, std::floor(std::log10(t.step) + 1e-9));
    EXPECT_TRUE(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9) << hi;
    EXPECT_LE(t.lo, 0);
    EXPECT_GE(t.hi, hi);
    EXPECT_LE(t.values.size(), 11U);
  }
}

TEST(NiceTicks, WidensAZeroWidthRangeAroundItsValue) {
  const Ticks t = nice_ticks(3, 3, 4);
  EXPECT_LT(t.lo, 3);
  EXPECT_GT(t.hi, 3);
  const Ticks swapped = nice_ticks(10, 0, 5);
  EXPECT_DOUBLE_EQ(swapped.lo, 0);
  EXPECT_DOUBLE_EQ(swapped.hi, 10);
}

TEST(LinearScale, MapsDomainEndsToRangeEndsAndInvertsForSvgY) {
  const LinearScale y(0, 100, 300, 20);
  EXPECT_DOUBLE_EQ(y(0), 300);
  EXPECT_DOUBLE_EQ(y(100), 20);
  EXPECT_DOUBLE_EQ(y(50), 160);
  EXPECT_DOUBLE_EQ(LinearScale(5, 5, 0, 10)(5), 5);
}

TEST(Dates, RoundTripIsoDatesAndRejectBadOnes) {
  const auto start = parse_date("2019-04-01");
  ASSERT_TRUE(start.has_value());
  EXPECT_EQ(format_date(*start + 364), "2020-03-30");  // 2020 is a leap year
  EXPECT_EQ(format_date(*start - 60), "2019-01-31");
  EXPECT_FALSE(parse_date("2019-02-30").has_value());
  EXPECT_FALSE(parse_date("01/04/2019").has_value());
}

TEST(FanBands, ArePercentilesAcrossReplicationsForEachDay) {
  // 21 replications × 2 days: day 0 holds 0..20 (p5 = 1, p50 = 10, p95 = 19 by linear interpolation),
  // day 1 holds 100 in every replication.
  const std::size_t reps = 21, days = 2;
  std::vector<float> values(reps * days);
  for (std::size_t r = 0; r < reps; ++r) {
    values[r * days + 0] = static_cast<float>(20 - r);  // reversed, so order across replications does not matter
    values[r * days + 1] = 100;
  }
  const FanBands bands = fan_bands(values, reps, days);
  ASSERT_EQ(bands.p50.size(), 2U);
  EXPECT_DOUBLE_EQ(bands.p5[0], 1);
  EXPECT_DOUBLE_EQ(bands.p50[0], 10);
  EXPECT_DOUBLE_EQ(bands.p95[0], 19);
  EXPECT_DOUBLE_EQ(bands.p5[1], 100);
  EXPECT_DOUBLE_EQ(bands.p95[1], 100);
}

TEST(FanBands, RejectValuesThatAreNotReplicationsTimesDays) {
  const std::vector<float> values(7);
  EXPECT_THROW(fan_bands(values, 2, 4), std::invalid_argument);
}

TEST(FanChart, DrawsOneBandAndOneMedianWithDateLabels) {
  const FanBands bands{{1, 2, 3}, {2, 3, 4}, {3, 4, 5}};
  const std::string svg = fan_chart(bands, "2019-04-01", {"Beds", "Beds (beds)", "occupied beds"});
  const auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto at = svg.find(what); at != std::string::npos; at = svg.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count(R"(<path d="M)"), 2U);
  EXPECT_EQ(count(R"(class="fan-band")"), 1U);  // the band (the legend swatch is "fan-band legend-swatch")
  EXPECT_NE(svg.find("1 Apr"), std::string::npos);
  EXPECT_NE(svg.find("Beds (beds)"), std::string::npos);
}

TEST(HistogramBins, CountEveryValueOnceWithNiceEdges) {
  std::vector<double> values;
  for (int i = 0; i < 20; ++i) values.push_back(85.0 + 0.25 * i);  // 85 .. 89.75
  const Bins bins = histogram_bins(values);
  ASSERT_GE(bins.counts.size(), 4U);
  EXPECT_EQ(bins.edges.size(), bins.counts.size() + 1);
  EXPECT_EQ(std::accumulate(bins.counts.begin(), bins.counts.end(), std::size_t{0}), values.size());
  EXPECT_LE(bins.edges.front(), 85.0);
  EXPECT_GE(bins.edges.back(), 89.75);
}

TEST(HistogramBins, PutTheMaximumInTheLastBinAndHandleOneValue) {
  const std::vector<double> values = {0, 10};
  const Bins bins = histogram_bins(values);
  EXPECT_EQ(bins.counts.front(), 1U);
  EXPECT_EQ(bins.counts.back(), 1U);
  const std::vector<double> one = {42};
  EXPECT_EQ(histogram_bins(one).counts.size() >= 1, true);
  EXPECT_TRUE(histogram_bins(std::vector<double>{}).counts.empty());
}

TEST(Histogram, DrawsOneBarPerBin) {
  const std::vector<double> values = {1, 2, 2, 3, 3, 3, 4, 4, 5};
  const Bins bins = histogram_bins(values);
  const std::string svg = histogram(values, {"x", "x (units)", ""});
  std::size_t bars = 0;
  for (auto at = svg.find(R"(class="hist-bar")"); at != std::string::npos; at = svg.find(R"(class="hist-bar")", at + 1)) ++bars;
  EXPECT_EQ(bars, bins.counts.size());
}

}  // namespace
}  // namespace pfsim::output::svg

TEST(Tornado, LargestMagnitudesComeFirstAndNonFiniteAreSkipped) {
  const std::vector<double> swings = {0.5, -3.0, std::nan(""), 2.0, -0.1};
  EXPECT_EQ(pfsim::output::svg::largest_magnitudes(swings, 3), (std::vector<std::size_t>{1, 3, 0}));
}

TEST(Tornado, DrawsOneBarPerShownSchemeWithItsEscapedName) {
  const std::vector<std::string> names = {"Trusted assessors", "Home first & D2A", "Carers' respite", "Small"};
  const std::vector<double> swings = {-0.96, -0.75, 0.3, 0.01};
  const std::string svg = pfsim::output::svg::tornado_chart(names, swings, {"Tornado", "change (patients)", "test"}, 3);
  std::size_t bars = 0;
  for (std::size_t at = svg.find("tornado-bar"); at != std::string::npos; at = svg.find("tornado-bar", at + 1)) ++bars;
  EXPECT_EQ(bars, 3u);
  EXPECT_NE(svg.find("Home first &amp; D2A"), std::string::npos);
  EXPECT_EQ(svg.find("Small"), std::string::npos);
}
