// Numbers as people read them (svg_numbers.hpp) and the text-width estimate charts are laid out with (svg_text.hpp).
#include <gtest/gtest.h>

#include "pfsim/output/svg_charts.hpp"
#include "pfsim/output/svg_numbers.hpp"
#include "pfsim/output/svg_text.hpp"

namespace pfsim::output::svg {
namespace {

TEST(Money, ReadsInMillionsThousandsOrPounds) {
  EXPECT_EQ(money(21975000, 2), "£21.98 m");
  EXPECT_EQ(money(12900000, 1), "£12.9 m");
  EXPECT_EQ(money(850000, 0), "£850 k");
  EXPECT_EQ(money(999999.9, 0), "£1 m");
  EXPECT_EQ(money(120, 0), "£120");
  EXPECT_EQ(money(-1200000, 1), "-£1.2 m");
}

TEST(ValueLabel, GivesPercentMoneyAndGroupedCountsToThreeFigures) {
  EXPECT_EQ(value_label(90.123, "%"), "90.1 %");
  EXPECT_EQ(value_label(12811564, "£"), "£12.8 m");
  EXPECT_EQ(value_label(21975000, "£", 4), "£21.98 m");
  EXPECT_EQ(value_label(108827.4, "patients"), "108,827");  // whole numbers are never rounded to 109,000
  EXPECT_EQ(value_label(23.804, "patients"), "23.8");
  EXPECT_EQ(value_label(0.3312, "%"), "0.33 %");
}

TEST(TickLabels, ShareOneCompactScaleAndNeverPrintExponents) {
  const Ticks money_ticks = nice_ticks(9e6, 15e6, 6);
  const std::vector<std::string> money_labels = tick_labels(money_ticks, "£");
  EXPECT_EQ(money_labels.front(), "£9 m");
  EXPECT_EQ(money_labels.back(), "£15 m");
  EXPECT_EQ(tick_labels(nice_ticks(0, 3e6, 4), "£").front(), "£0");
  EXPECT_EQ(tick_labels(nice_ticks(0, 1.5e6, 3), "admissions").back(), "1.5m");
  EXPECT_EQ(tick_labels(nice_ticks(0, 15000, 3), "pathways").back(), "15,000");
  EXPECT_EQ(tick_labels(nice_ticks(89.5, 92, 5), "%").front(), "89.5");
  for (const std::string& label : tick_labels(nice_ticks(0, 108827, 5), "attendances"))
    EXPECT_EQ(label.find('e'), std::string::npos) << label;
}

TEST(TableDecimals, StopAtTwoForPercentages) {
  EXPECT_EQ(table_decimals(0.00076, "%"), 2);      // not 99.99950 %
  EXPECT_EQ(table_decimals(0.00076, "ratio"), 5);  // other units keep two significant figures of the CI
  EXPECT_EQ(table_decimals(0.30, "%"), 2);
  EXPECT_EQ(table_decimals(189, "attendances"), 0);
  EXPECT_EQ(table_decimals(0, "site-days"), 0);  // "0 ± 0" for a KPI that is zero throughout
}

TEST(TextWidth, UsesDejaVuSansAdvances) {
  EXPECT_NEAR(text_width("0", 12), 1303.0 / 2048 * 12, 1e-9);
  EXPECT_NEAR(text_width("15,000,000", 12), (8 * 1303 + 2 * 651) / 2048.0 * 12, 1e-9);
  EXPECT_NEAR(text_width("£–", 10), (1303 + 1024) / 2048.0 * 10, 1e-9);  // UTF-8 decoded: two characters, not five
  EXPECT_GT(text_width("Winter", 12), text_width("winter", 12));
}

TEST(WrapText, BreaksAtSpacesAndNeverCutsAWord) {
  const std::vector<std::string> lines = wrap_text("BCF 7 Winter: reablement or intermediate care at home", 150, 12);
  ASSERT_GE(lines.size(), 2U);
  std::string joined;
  for (const std::string& line : lines) {
    EXPECT_LE(text_width(line, 12), 150) << line;
    joined += (joined.empty() ? "" : " ") + line;
  }
  EXPECT_EQ(joined, "BCF 7 Winter: reablement or intermediate care at home");
  EXPECT_EQ(wrap_text("care_home_admissions_per_100k_65plus", 50, 12),
            std::vector<std::string>{"care_home_admissions_per_100k_65plus"});
}

}  // namespace
}  // namespace pfsim::output::svg
