// The `winter:` section (README "Winter"): every key reaches the Scenario with the meaning documented.
#include <gtest/gtest.h>

#include <chrono>

#include "pfsim/loader/load.hpp"
#include "test_paths.hpp"

namespace pfsim::loader {
namespace {

using test::scenarios_dir;

scenario::Scenario winter_scenario(const std::vector<std::string>& overrides = {}) {
  return load_scenario(scenarios_dir() / "south-east-essex-2019-winter.yaml", overrides);
}

TEST(WinterSection, AbsentSectionLeavesWinterOff) {
  EXPECT_FALSE(load_scenario(scenarios_dir() / "south-east-essex-2019.yaml").winter.has_value());
}

TEST(SeasonsSection, BaselineHasTheOrdinaryYearWithEveryPartAndMonthsLeftOutStayOne) {
  const auto s = load_scenario(scenarios_dir() / "south-east-essex-2019.yaml");
  ASSERT_TRUE(s.seasons && s.seasons->admit && s.seasons->direct_admissions && s.seasons->los && s.seasons->ae_clinicians &&
              s.seasons->assessment_delay);
  EXPECT_EQ((*s.seasons->admit)[11].size(), 5U);
  EXPECT_GT((*s.seasons->admit)[11][4], 1.0) << "more of the old are admitted in December";
  EXPECT_LT((*s.seasons->los)[6][4], 1.0) << "their July stays are shorter";
  EXPECT_EQ((*s.seasons->direct_admissions)[0], std::vector<double>(5, 1.05)) << "one number for every band";
  EXPECT_EQ((*s.seasons->ae_clinicians)[3], 1.0) << "April is not given";
  ASSERT_EQ(s.seasons->outbreaks.size(), 1U);
  EXPECT_EQ(s.seasons->outbreaks[0].per_month[6], 0.0) << "no outbreaks in July";
}

TEST(WinterSection, MonthKeysFillTheirMonthAndOthersStayOne) {
  const auto s = winter_scenario();
  ASSERT_TRUE(s.winter && s.winter->arrival_multiplier && s.winter->los_multiplier);
  const auto& arrivals = *s.winter->arrival_multiplier;
  EXPECT_EQ(arrivals[11], (std::vector<double>{1.03, 1.00, 1.01, 1.03, 1.04}));  // Dec, one value per band
  EXPECT_EQ(arrivals[2], std::vector<double>(5, 1.0));                          // Mar: a single number for every band
  EXPECT_EQ(arrivals[6], std::vector<double>(5, 1.0));                          // Jul: not given
  EXPECT_EQ((*s.winter->los_multiplier)[0], 1.04);
  EXPECT_EQ((*s.winter->los_multiplier)[2], 1.0);
}

TEST(WinterSection, DischargeOutbreaksEscalationAndOpelAreRead) {
  const auto s = winter_scenario();
  const auto& w = *s.winter;
  ASSERT_TRUE(w.discharge);
  EXPECT_EQ(w.discharge->weekend_factor, 0.9);
  EXPECT_EQ(w.discharge->bank_holiday_factor, 0.3);
  ASSERT_EQ(w.discharge->bank_holidays.size(), 3U);
  EXPECT_EQ(w.discharge->bank_holidays[0], std::chrono::year{2019} / 12 / 25);
  ASSERT_EQ(w.outbreaks.size(), 1U);
  EXPECT_EQ(w.outbreaks[0].site, 0U);
  EXPECT_EQ(w.outbreaks[0].per_month[0], 1.0);
  EXPECT_EQ(w.outbreaks[0].per_month[6], 0.0);
  EXPECT_DOUBLE_EQ(w.outbreaks[0].duration.mean(), 7 * 1440.0);       // minutes
  EXPECT_DOUBLE_EQ(w.outbreaks[0].beds_closed.mean(), (4 + 10 + 24) / 3.0);  // beds, no units
  ASSERT_TRUE(w.escalation && w.opel && w.opel->trolley_waits);
  EXPECT_EQ(w.escalation->open_above_pct, 95);
  EXPECT_EQ(w.escalation->for_hours, 4);
  EXPECT_EQ(w.escalation->close_below_pct, 92);
  EXPECT_EQ(w.opel->occupancy_pct, (std::array<double, 3>{85, 92, 97}));
  EXPECT_EQ(s.sites[0].escalation_beds, 30);
}

TEST(WinterSection, SetOverridesEscalationBedsForTheSweep) {
  EXPECT_EQ(winter_scenario({"sites.Southend.beds.escalation=60"}).sites[0].escalation_beds, 60);
}

}  // namespace
}  // namespace pfsim::loader
