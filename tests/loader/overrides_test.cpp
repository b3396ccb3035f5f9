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

// Names with dots or spaces are written in brackets and quotes, as in sites["St. Mary"]; plain names keep a.b.c.
TEST(Overrides, NameWithADotIsAddressedInBrackets) {
  const auto s = load_scenario(good("dotted-site-name.yaml"),
                               {"sites[\"St. Mary\"].beds.general=50", "sites.General.beds.general=60",
                                "ae.site_choice.Town[\"St. Mary\"]=0.25", "ae.site_choice.Town.General=0.75"});
  ASSERT_EQ(s.sites.size(), 2u);
  EXPECT_EQ(s.sites[0].name, "St. Mary");
  EXPECT_EQ(s.sites[0].general_beds, 50);
  EXPECT_EQ(s.sites[1].general_beds, 60);
  EXPECT_DOUBLE_EQ(s.ae.site_choice[0][0], 0.25);
  const auto quoted_single = load_scenario(good("dotted-site-name.yaml"), {"sites['St. Mary'].beds.general=40"});
  EXPECT_EQ(quoted_single.sites[0].general_beds, 40);
}

TEST(Overrides, NameSplitAtItsDotSuggestsTheBracketForm) {
  const auto e = load_error(good("dotted-site-name.yaml"), {"sites.St. Mary.beds.general=50"});
  EXPECT_NE(std::string(e.what()).find("no list item named \"St\""), std::string::npos) << e.what();
  EXPECT_EQ(e.hint(), "a name with a dot or space is written in brackets and quotes: sites[\"St. Mary\"]");
}

TEST(Overrides, MisspeltDottedNameSuggestsTheBracketForm) {
  const auto e = load_error(good("dotted-site-name.yaml"), {"sites[\"St Mary\"].beds.general=50"});
  EXPECT_EQ(e.hint(), "did you mean sites[\"St. Mary\"]?");
  const auto listed = load_error(good("dotted-site-name.yaml"), {"sites.Elsewhere.beds.general=50"});
  EXPECT_EQ(listed.hint(), "names here: [\"St. Mary\"], General");
}

TEST(Overrides, MalformedBracketedNameIsAnError) {
  const auto e = load_error(good("dotted-site-name.yaml"), {"sites[\"St. Mary.beds.general=50"});
  EXPECT_EQ(e.file(), "--set");
  EXPECT_NE(std::string(e.what()).find("bad quoted name"), std::string::npos) << e.what();
  const auto after = load_error(good("dotted-site-name.yaml"), {"sites[\"St. Mary\"]beds=50"});
  EXPECT_NE(std::string(after.what()).find("unexpected \"beds\""), std::string::npos) << after.what();
}

}  // namespace
}  // namespace pfsim::loader
