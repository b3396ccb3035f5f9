// Every label of every chart inside its viewBox: long y-axis titles, wide tick numbers, long scheme names; target
// lines inside the axes they mark.
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/output/svg_charts.hpp"
#include "svg_fit.hpp"
#include "text_count.hpp"

namespace pfsim::output::svg {
namespace {

using testing::texts_outside;

FanBands flat_bands(std::size_t days, double lo, double mid, double hi) {
  return {std::vector<double>(days, lo), std::vector<double>(days, mid), std::vector<double>(days, hi)};
}

using pfsim::output::testing::count;

// The value of attribute `name` ("y1") in the first <line ...> element whose class is `css_class`; NaN if none.
// Plain string search, not <regex>: GCC 12's <regex> trips -Wmaybe-uninitialized under the sanitizer build.
double line_attribute(const std::string& svg, const std::string& css_class, const std::string& name) {
  const std::string marker = "class=\"" + css_class + "\"";
  for (auto at = svg.find("<line "); at != std::string::npos; at = svg.find("<line ", at + 1)) {
    const std::string element = svg.substr(at, svg.find('>', at) - at);
    if (element.find(marker) == std::string::npos) continue;
    const auto value = element.find(" " + name + "=\"");
    if (value == std::string::npos) continue;
    return std::stod(element.substr(value + name.size() + 3));
  }
  return std::nan("");
}

// The y coordinate of the first <line> with class `css_class` (a horizontal line: y1 == y2); -1 if none.
double line_y(const std::string& svg, const std::string& css_class) {
  const double y = line_attribute(svg, css_class, "y1");
  return std::isnan(y) ? -1 : y;
}

// The x1 and x2 of the first <line> with class `css_class`; (-1, -1) if none.
std::pair<double, double> line_xs(const std::string& svg, const std::string& css_class) {
  const double x1 = line_attribute(svg, css_class, "x1"), x2 = line_attribute(svg, css_class, "x2");
  return std::isnan(x1) || std::isnan(x2) ? std::pair{-1.0, -1.0} : std::pair{x1, x2};
}

TEST(ChartLayout, LongYAxisTitlesFitInsideTheViewBox) {
  // The daily DToC chart's title, longer than the plot is high: it used to be cut to "d transfers of care: …".
  const std::string title = "Delayed transfers of care: patients delayed at midnight";
  const std::string svg = fan_chart(flat_bands(30, 10, 20, 30), "2019-04-01", {title, title + " (patients)", "", "patients"});
  EXPECT_EQ(texts_outside(svg), std::vector<std::string>{});
  EXPECT_NE(svg.find(">Delayed transfers of care: patients<"), std::string::npos);  // wrapped, not cut
  // Too long even for two lines: the units stand beside the plot (the caption names the chart in full).
  const std::string very_long = "Permanent care-home admissions of people aged 65 and over on the day, all localities";
  const std::string svg2 = month_chart(flat_bands(12, 1, 2, 3), std::vector<std::string>(12, "2019-04"),
                                       {very_long, very_long + " (admissions)", "", "admissions"});
  EXPECT_EQ(texts_outside(svg2), std::vector<std::string>{});
  EXPECT_NE(svg2.find(">admissions</text>"), std::string::npos);
}

TEST(ChartLayout, WideTickNumbersFitAndReadCompactly) {
  // Savings of £9 m – £15 m: the last x tick used to read "15,000,0" at the chart's right edge.
  std::vector<double> savings;
  for (int i = 0; i < 20; ++i) savings.push_back(9.7e6 + 2.6e5 * i);
  const std::string hist = histogram(savings, {"Savings", "Savings (£)", "", "£"});
  EXPECT_EQ(texts_outside(hist), std::vector<std::string>{});
  EXPECT_NE(hist.find(">£15 m<"), std::string::npos);
  // Big counts on a y axis: the margin grows to the widest label.
  const std::string fan = fan_chart(flat_bands(30, 1.2e6, 1.3e6, 1.45e6), "", {"People", "People (people)", "", "people"});
  EXPECT_EQ(texts_outside(fan), std::vector<std::string>{});
  const std::string counts = fan_chart(flat_bands(30, 99500, 100500, 101500), "", {"Beds", "Beds (beds)", "", "beds"});
  EXPECT_EQ(texts_outside(counts), std::vector<std::string>{});
}

TEST(ChartLayout, AnAllZeroSeriesSitsOnAZeroBasedAxis) {
  const std::string svg = fan_chart(flat_bands(30, 0, 0, 0), "2019-04-01", {"OPEL", "OPEL (level)", "", "level"});
  EXPECT_EQ(svg.find(">-1"), std::string::npos);   // no −1…1 axis around a flat zero
  EXPECT_EQ(svg.find(">-0.5"), std::string::npos);
  EXPECT_NE(svg.find(">0.0<"), std::string::npos);
  EXPECT_NE(svg.find(">1.0<"), std::string::npos);
}

TEST(ChartLayout, TheHistogramAxisIncludesItsTargetLine) {
  // The QIPP target (£21.98 m) used to lie beyond an axis ending at £15 m.
  std::vector<double> savings;
  for (int i = 0; i < 20; ++i) savings.push_back(9.7e6 + 2.6e5 * i);
  const std::string svg = histogram(savings, {"Savings", "Savings (£)", "", "£", ReferenceLine{21975000, "QIPP target £21.98 m"}});
  EXPECT_EQ(count(svg, "class=\"target-line\""), 1U);
  EXPECT_NE(svg.find(">QIPP target £21.98 m<"), std::string::npos);
  const double x = line_xs(svg, "target-line").first;
  const auto [axis_left, axis_right] = line_xs(svg, "axis-line");  // the x axis, the plot's bottom edge
  EXPECT_GT(x, axis_left);
  EXPECT_LE(x, axis_right);  // the axis reaches the target…
  EXPECT_EQ(texts_outside(svg), std::vector<std::string>{});  // …and every label still fits
}

TEST(ChartLayout, LongSchemeNamesOnATornadoAreWhole) {
  const std::vector<std::string> names = {
      "BCF 7 Winter: reablement or intermediate care at home",
      "CPR Decommission - recommission acute to community and a very long scheme name that needs two lines or more", "HICM 6"};
  const std::vector<double> swings = {-0.8, 1.2, 0.3};
  const std::string svg = tornado_chart(names, swings, {"Tornado", "change in delayed transfers of care (patients)", "", "patients"});
  EXPECT_EQ(texts_outside(svg), std::vector<std::string>{});
  EXPECT_NE(svg.find(">BCF 7 Winter: reablement or intermediate care at home<"), std::string::npos);
  EXPECT_EQ(count(svg, "tornado-bar"), 3U);
  const std::string money = tornado_chart(names, std::vector<double>{2.7e6, 1.6e6, 0.2e6},
                                          {"Tornado", "change in savings (£)", "", "£"});
  EXPECT_EQ(texts_outside(money), std::vector<std::string>{});
  EXPECT_NE(money.find(">£3 m<"), std::string::npos);
}

TEST(ChartLayout, AForestPlotDrawsEachOptionWholeWithItsInterval) {
  const std::vector<std::string> options = {
      "Option 1A: Basildon specialist emergency hospital; Broomfield and Southend emergency hospitals with elective",
      "More beds", "Elective centre only"};
  const std::vector<double> means = {-4.4, 1.1, std::nan("")}, halves = {4.5, 0.3, std::nan("")};
  const std::string svg = forest_plot(options, means, halves, {"Forest plot", "change in A&E 4-hour performance (%)", "", "%"});
  EXPECT_EQ(texts_outside(svg), std::vector<std::string>{});
  EXPECT_NE(svg.find(">More beds<"), std::string::npos);
  EXPECT_EQ(count(svg, "class=\"forest-point significant\""), 1U);  // 1.1 ± 0.3 excludes zero; -4.4 ± 4.5 does not
  EXPECT_EQ(count(svg, "class=\"forest-point\""), 1U);
  EXPECT_EQ(count(svg, "class=\"forest-ci\""), 6U);  // a whisker and two caps per defined row
  EXPECT_NE(svg.find(">n/a<"), std::string::npos);      // the undefined row says so, no point
  EXPECT_NE(svg.find("More beds: +1.10 % (95 % CI +0.80 % to +1.40 %)"), std::string::npos);
  // The interval of the first option ends just right of zero, which is on the axis.
  const auto [zero_left, zero_right] = line_xs(svg, "axis-line");
  EXPECT_EQ(zero_left, zero_right);
  EXPECT_GT(line_attribute(svg, "forest-ci", "x2"), zero_left);
}

TEST(ChartLayout, TargetLinesAreInsideTheValueAxis) {
  // 4-hour performance of 80–90 %: the axis reaches the 95 % standard, which is drawn and labelled.
  const std::string svg = fan_chart(flat_bands(30, 80, 85, 90), "2019-04-01",
                                    {"A&E 4-hour performance", "A&E 4-hour performance (%)", "", "%", ReferenceLine{95, "95 % standard"}});
  EXPECT_EQ(count(svg, "class=\"target-line\""), 1U);
  EXPECT_NE(svg.find(">95 % standard<"), std::string::npos);
  const double y = line_y(svg, "target-line");
  EXPECT_GT(y, 34);   // below the plot's top edge (room left above the standard)…
  EXPECT_LT(y, 264);  // …and above its bottom
  EXPECT_EQ(texts_outside(svg), std::vector<std::string>{});
  const std::string month = month_chart(flat_bands(12, 94, 94.5, 95), std::vector<std::string>(12, "2019-04"),
                                        {"RTT", "RTT (%)", "", "%", ReferenceLine{92, "92 % standard"}});
  EXPECT_NE(month.find(">92 % standard<"), std::string::npos);
  EXPECT_LT(line_y(month, "target-line"), 264);  // not on the x axis
}

}  // namespace
}  // namespace pfsim::output::svg
