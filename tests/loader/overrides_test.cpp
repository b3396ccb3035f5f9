// --set key.path=value: typed values, named list items, creation of optional keys, and bad overrides.
#include <gtest/gtest.h>

#include "pfsim/loader/load.hpp"
#include "test_paths.hpp"

namespace pfsim::loader {
namespace {

using test::good;

std::filesystem::path baseline() { return test::scenarios_dir() / "south-east-essex-2019.yaml"; }

// Runs load_scenario expecting failure and returns the error.
ScenarioError load_error(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  try {
    load_scenario(file, overrides);
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "expected ScenarioError";
  return ScenarioError("", 0, 0, "", "");
}

TEST(Overrides, ScalarsAndNamedListItemsAreSet) {
  const auto s = load_scenario(baseline(), {"run.replications=200", "sites.Southend.beds.general=600",
                                            "ae.site_choice.West.Southend=1", "population.localities.Canvey.people=[1, 2, 3, 4, 5]"});
  EXPECT_EQ(s.run.replications, 200);
  EXPECT_EQ(s.sites[0].general_beds, 600);
  EXPECT_EQ(s.population.localities[5].people, (std::vector<double>{1, 2, 3, 4, 5}));
  EXPECT_NE(s.resolved_yaml.find("replications: 200"), std::string::npos);
}

TEST(Overrides, SiteChoiceShareCanBeChangedAcrossSites) {
  const auto s = load_scenario(good("base.yaml"), {"ae.site_choice.North.Northgate=0.5", "ae.site_choice.North.Southport=0.5"});
  EXPECT_DOUBLE_EQ(s.ae.site_choice[0][0], 0.5);
  EXPECT_DOUBLE_EQ(s.ae.site_choice[0][1], 0.5);
}

TEST(Overrides, ListIndexAndFlowMapsWork) {
  const auto s = load_scenario(good("base.yaml"), {"ae.outcomes.admit[2]=0.5", "run={days: 90}",
                                                   "intermediate_care={capacity: 10, duration: \"fixed(14d)\"}"});
  EXPECT_DOUBLE_EQ(s.ae.admit_probability[2], 0.5);
  EXPECT_EQ(s.run.days, 90);
  EXPECT_EQ(s.run.replications, 5);  // flow map merged, not replaced
  ASSERT_TRUE(s.intermediate_care);
  EXPECT_EQ(s.intermediate_care->capacity, 10);
}

TEST(Overrides, LaterOverrideWins) {
  const auto s = load_scenario(good("minimal.yaml"), {"run.days=10", "run.days=20"});
  EXPECT_EQ(s.run.days, 20);
}

TEST(Overrides, BadValueIsReportedAtSetWithItsPosition) {
  const auto e = load_error(baseline(), {"run.days=30", "run.replications=many"});
  EXPECT_EQ(e.file(), "--set");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.column(), 18);
  EXPECT_EQ(e.key_path(), "run.replications");
  EXPECT_STREQ(e.what(), "--set:2:18: run.replications: expected a number, got \"many\" (hint: write a plain number such as 12 or 0.25)");
}

TEST(Overrides, UnknownSiteNameSuggestsTheClosest) {
  const auto e = load_error(baseline(), {"sites.Southhend.beds.general=600"});
  EXPECT_EQ(e.file(), "--set");
  EXPECT_EQ(e.key_path(), "sites.Southhend.beds.general");
  EXPECT_EQ(e.message(), "no list item named \"Southhend\"");
  EXPECT_EQ(e.hint(), "did you mean \"Southend\"?");
}

TEST(Overrides, UnknownKeyIsCaughtByValidationWithDidYouMean) {
  const auto e = load_error(baseline(), {"run.replicatons=5"});
  EXPECT_EQ(e.file(), "--set");
  EXPECT_EQ(e.key_path(), "run.replicatons");
  EXPECT_EQ(e.hint(), "did you mean \"replications\"?");
}

TEST(Overrides, MissingEqualsSignIsAnError) {
  const auto e = load_error(baseline(), {"run.days"});
  EXPECT_EQ(e.file(), "--set");
  EXPECT_NE(e.message().find("is not KEY.PATH=VALUE"), std::string::npos);
}

TEST(Overrides, YamlSyntaxErrorInValueIsReported) {
  const auto e = load_error(baseline(), {"run.days=[1, 2"});
  EXPECT_EQ(e.file(), "--set");
  EXPECT_NE(e.message().find("YAML syntax error"), std::string::npos) << e.what();
}

TEST(Overrides, GoingIntoAScalarIsAnError) {
  const auto e = load_error(baseline(), {"run.days.max=3"});
  EXPECT_EQ(e.key_path(), "run.days.max");
  EXPECT_NE(e.message().find("single value"), std::string::npos) << e.what();
}

TEST(Overrides, IndexOutOfRangeIsAnError) {
  const auto e = load_error(baseline(), {"ae.outcomes.admit[5]=0.1"});
  EXPECT_NE(e.message().find("out of range"), std::string::npos) << e.what();
}

TEST(Overrides, ExtendsCannotBeSet) {
  const auto e = load_error(good("minimal.yaml"), {"extends=base.yaml"});
  EXPECT_EQ(e.key_path(), "extends");
}

}  // namespace
}  // namespace pfsim::loader
