// `extends:`: maps merge deeply, lists replace, paths are relative to the extending file, cycles fail.
#include <gtest/gtest.h>

#include <fstream>

#include "pfsim/loader/load.hpp"
#include "test_paths.hpp"

namespace pfsim::loader {
namespace {

using test::good;

TEST(Extends, MapsMergeDeeplyKeepingBaseKeys) {
  const auto s = load_scenario(good("option.yaml"));
  EXPECT_EQ(s.name, "Option A - Northgate closes its A&E");
  EXPECT_EQ(s.run.replications, 8);   // from option.yaml
  EXPECT_EQ(s.run.days, 365);         // from base.yaml, same map
  EXPECT_EQ(s.run.seed, 7u);
  EXPECT_DOUBLE_EQ(s.ae.sdec_share, 0.3);
  EXPECT_DOUBLE_EQ(s.ae.admit_probability[2], 0.4);  // outcomes.admit kept from the base
  EXPECT_DOUBLE_EQ(s.ae.site_choice[0][0], 0.0);     // North row merged key by key
  EXPECT_DOUBLE_EQ(s.ae.site_choice[0][1], 1.0);
  EXPECT_DOUBLE_EQ(s.ae.site_choice[1][1], 1.0);
  ASSERT_TRUE(s.readmission);  // module added by the option
  ASSERT_TRUE(s.reablement);   // module kept from the base
}

TEST(Extends, ListsReplaceWhole) {
  const auto s = load_scenario(good("option.yaml"));
  ASSERT_EQ(s.sites.size(), 2u);
  EXPECT_FALSE(s.sites[0].ae);               // Northgate's ae is gone: the list was replaced, not merged
  EXPECT_EQ(s.sites[0].general_beds, 60);
  EXPECT_EQ(s.sites[0].escalation_beds, 0);  // base had 5; replaced list does not inherit it
  EXPECT_EQ(s.sites[1].general_beds, 160);
}

TEST(Extends, ChainFromASubdirectoryResolvesRelativeToEachFile) {
  const auto s = load_scenario(good("nested/option-b.yaml"));
  EXPECT_EQ(s.name, "Option B");
  EXPECT_EQ(s.run.replications, 8);
  ASSERT_TRUE(s.discharge);
  EXPECT_DOUBLE_EQ(s.discharge->pathway_share[1], 0.5);
}

TEST(Extends, ResolvedYamlHasNoExtendsAndLoadsAlone) {
  const auto s = load_scenario(good("nested/option-b.yaml"));
  EXPECT_EQ(s.resolved_yaml.find("extends"), std::string::npos);
  const auto copy = std::filesystem::temp_directory_path() / "pfsim-resolved-option-b.yaml";
  {
    std::ofstream out(copy);
    out << s.resolved_yaml;
  }
  const auto again = load_scenario(copy);
  std::filesystem::remove(copy);
  EXPECT_EQ(again.resolved_yaml, s.resolved_yaml);
  EXPECT_EQ(again.sites[1].general_beds, 160);
}

TEST(Extends, CycleIsReportedAtTheExtendsThatClosesIt) {
  try {
    load_scenario(test::data_dir() / "bad" / "49-extends-cycle-a.yaml");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.key_path(), "extends");
    EXPECT_NE(e.file().find("50-extends-cycle-b.yaml"), std::string::npos) << e.what();
    EXPECT_NE(e.message().find("49-extends-cycle-a.yaml -> 50-extends-cycle-b.yaml -> 49-extends-cycle-a.yaml"),
              std::string::npos) << e.what();
  }
}

TEST(Extends, BadValueInTheBaseNamesTheBaseFile) {
  try {
    load_scenario(test::data_dir() / "bad" / "51-extends-bad-value-in-base.yaml");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_NE(e.file().find("bad/_base-with-bad-beds.yaml"), std::string::npos) << e.what();
    EXPECT_EQ(e.key_path(), "sites.General.beds.general");
  }
}

}  // namespace
}  // namespace pfsim::loader
