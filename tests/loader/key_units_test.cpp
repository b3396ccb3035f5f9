// units_of_key: the units pfsim serve's form shows beside a scenario value, from the key names of the schema.
#include <gtest/gtest.h>

#include "pfsim/loader/key_units.hpp"

namespace pfsim::loader {
namespace {

TEST(KeyUnits, BedCountsAreBedsUnderASiteName) {
  EXPECT_EQ(units_of_key("sites.Southend.beds.general", "540"), "beds");
  EXPECT_EQ(units_of_key("sites.[\"St. Mary's\"].beds.escalation", "10"), "beds");
}

TEST(KeyUnits, MoneyPercentRatesAndDaysComeFromTheKeySuffix) {
  EXPECT_EQ(units_of_key("qipp_target_gbp", "21975000"), "£");
  EXPECT_EQ(units_of_key("winter.escalation.open_above_pct", "92"), "%");
  EXPECT_EQ(units_of_key("ae.attendances_per_1000_per_year[2]", "285"), "per 1,000 people a year");
  EXPECT_EQ(units_of_key("run.days", "365"), "days");
  EXPECT_EQ(units_of_key("run.warmup_days", "auto"), "days (or auto)");
}

TEST(KeyUnits, SharesUnderALabelUseTheKeyAboveIt) {
  EXPECT_EQ(units_of_key("ae.outcomes.admit[1]", "0.15"), "share 0–1");
  EXPECT_EQ(units_of_key("discharge.pathway_share.P1", "0.45"), "share 0–1");
}

TEST(KeyUnits, ADistributionCarriesItsUnitsInItsText) {
  EXPECT_EQ(units_of_key("admission.los.all", "lognormal(mean=5d, sd=6d)"), "distribution; durations in the text (min, h, d)");
}

TEST(KeyUnits, NamesAndUnknownKeysHaveNone) {
  EXPECT_EQ(units_of_key("name", "Minimal"), "");
  EXPECT_EQ(units_of_key("population.localities.Town.area", "Southend"), "");
}

}  // namespace
}  // namespace pfsim::loader
