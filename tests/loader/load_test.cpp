// The real baseline and the minimal file load, and their values land in the Scenario structs.
#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

#include "pfsim/loader/load.hpp"
#include "test_paths.hpp"

namespace pfsim::loader {
namespace {

using test::good;
using test::scenarios_dir;

constexpr double kDay = 1440.0;

TEST(LoadBaseline, SouthEastEssexHasEightLocalitiesAndOneSiteWith540Beds) {
  const auto s = load_scenario(scenarios_dir() / "south-east-essex-2019.yaml");
  EXPECT_EQ(s.name, "South East Essex 2019/20 baseline");
  EXPECT_EQ(s.localities(), 8u);
  EXPECT_EQ(s.bands(), 5u);
  ASSERT_EQ(s.sites.size(), 1u);
  EXPECT_EQ(s.sites[0].name, "Southend");
  EXPECT_EQ(s.sites[0].general_beds, 540);
  EXPECT_EQ(s.sites[0].escalation_beds, 0);
  ASSERT_TRUE(s.sites[0].ae);
  EXPECT_EQ(s.sites[0].ae->clinicians.weekday[11], 15);
  EXPECT_EQ(s.sites[0].ae->clinicians.weekend[0], 7);
  EXPECT_NEAR(s.sites[0].ae->treatment.mean(), 80.0, 1e-9);
  EXPECT_TRUE(s.ae.acuity_priority);
  ASSERT_TRUE(s.ae.patience);
  EXPECT_NEAR(s.ae.patience->mean(), 360.0, 1e-9);
  EXPECT_EQ(s.sites[0].ae->cubicles, 40);
  ASSERT_TRUE(s.sites[0].ae->minors);
  EXPECT_EQ(s.sites[0].ae->minors->clinicians.weekday[11], 5);
  EXPECT_NEAR(s.sites[0].ae->minors->treatment.mean(), 25.0, 1e-9);
  ASSERT_EQ(s.ae.minors_share.size(), 5u);
  EXPECT_DOUBLE_EQ(s.ae.minors_share[4], 0.25);
  ASSERT_TRUE(s.sites[0].ae->triage);
  EXPECT_NEAR(s.sites[0].ae->triage->mean(), 15.0, 1e-9);
  EXPECT_EQ(s.population.localities[4].name, "Benfleet & Hadleigh");
  EXPECT_EQ(s.population.localities[4].area, "Castle Point & Rochford");
  EXPECT_DOUBLE_EQ(s.population.localities[0].people[0], 9450);
  EXPECT_DOUBLE_EQ(s.population.localities[7].growth[4], 0.03);
}

TEST(LoadBaseline, RunSettingsAndDatesAreParsed) {
  const auto s = load_scenario(scenarios_dir() / "south-east-essex-2019.yaml");
  using namespace std::chrono;
  EXPECT_EQ(s.run.start_date, year{2019} / April / 1);
  EXPECT_EQ(s.run.days, 365);
  EXPECT_EQ(s.run.warmup_days, 730);  // README "Warm-up"
  EXPECT_EQ(s.run.replications, 20);
  EXPECT_EQ(s.run.seed, 20190401u);
}

TEST(LoadBaseline, AgeBandFlagsFollowMinimumAge) {
  const auto s = load_scenario(scenarios_dir() / "south-east-essex-2019.yaml");
  EXPECT_EQ(s.population.band_min_age, (std::vector<int>{0, 18, 65, 75, 85}));
  EXPECT_EQ(s.population.band_is_adult, (std::vector<bool>{false, true, true, true, true}));
  EXPECT_EQ(s.population.band_is_65plus, (std::vector<bool>{false, false, true, true, true}));
}

TEST(LoadBaseline, SiteChoiceRowsSumToOneAndProfileIsNormalised) {
  const auto s = load_scenario(scenarios_dir() / "south-east-essex-2019.yaml");
  ASSERT_EQ(s.ae.site_choice.size(), 8u);
  for (const auto& row : s.ae.site_choice) {
    ASSERT_EQ(row.size(), 1u);
    EXPECT_NEAR(std::accumulate(row.begin(), row.end(), 0.0), 1.0, 1e-12);
  }
  const auto& p = s.ae.arrival_profile;
  EXPECT_NEAR(std::accumulate(p.hour.begin(), p.hour.end(), 0.0), 24.0, 1e-9);
  EXPECT_NEAR(std::accumulate(p.weekday.begin(), p.weekday.end(), 0.0), 7.0, 1e-9);
  EXPECT_NEAR(std::accumulate(p.month.begin(), p.month.end(), 0.0), 12.0, 1e-9);
  EXPECT_GT(p.weekday[0], p.weekday[5]);  // Monday peak survives normalisation
  EXPECT_EQ(s.ae.attendances_per_1000_per_year, (std::vector<double>{310, 265, 285, 425, 480}));
  EXPECT_DOUBLE_EQ(s.ae.admit_probability[4], 0.54);
  EXPECT_DOUBLE_EQ(s.ae.sdec_share, 0.25);
}

TEST(LoadBaseline, LengthsOfStayAreInMinutesByBand) {
  const auto s = load_scenario(scenarios_dir() / "south-east-essex-2019.yaml");
  ASSERT_EQ(s.admission.los.size(), 5u);
  EXPECT_NEAR(s.admission.los[0].mean(), 1.7 * kDay, 1e-6);
  EXPECT_NEAR(s.admission.los[1].mean(), 101 * 60.0, 1e-6);
  EXPECT_NEAR(s.admission.los[4].mean(), 10.7 * kDay, 1e-6);
  EXPECT_NEAR(s.admission.los[4].sd(), 16 * kDay, 1e-6);
  EXPECT_EQ(s.admission.direct_per_1000_per_year, (std::vector<double>{5, 5, 12, 22, 35}));
  EXPECT_EQ(s.admission.died_in_hospital, (std::vector<double>{0.0005, 0.006, 0.03, 0.055, 0.10}));
}

TEST(LoadBaseline, OptionalModulesArePresentWithTheirValues) {
  const auto s = load_scenario(scenarios_dir() / "south-east-essex-2019.yaml");
  ASSERT_TRUE(s.discharge);
  // Keyed by adult band: one split per band, the under-18 row unused (children always go home).
  ASSERT_EQ(s.discharge->pathway_share_by_band.size(), 5u);
  EXPECT_DOUBLE_EQ(s.discharge->shares(1)[1], 0.145);
  EXPECT_DOUBLE_EQ(s.discharge->shares(4)[0], 0.225);
  EXPECT_DOUBLE_EQ(s.discharge->shares(4)[3], 0.025);
  EXPECT_FALSE(s.discharge->assessment_delay[0]);
  ASSERT_TRUE(s.discharge->assessment_delay[3]);
  EXPECT_NEAR(s.discharge->assessment_delay[3]->mean(), 8 * kDay, 1e-6);
  ASSERT_TRUE(s.discharge->timing);
  EXPECT_DOUBLE_EQ(s.discharge->timing->hour[16], 8.2);
  EXPECT_DOUBLE_EQ(s.discharge->timing->weekday[6], 0.55);
  EXPECT_DOUBLE_EQ(s.discharge->attribution.assessment[3].social_care, 0.4);
  EXPECT_DOUBLE_EQ(s.discharge->attribution.assessment[2].nhs, 1.0);  // a party name: all of it
  EXPECT_DOUBLE_EQ(s.discharge->attribution.reablement.social_care, 1.0);
  EXPECT_DOUBLE_EQ(s.discharge->attribution.care_home.both, 0.2);
  EXPECT_DOUBLE_EQ(s.discharge->attribution.assessment[0].nhs, 1.0);  // P0: default, never delayed
  ASSERT_TRUE(s.reablement);
  EXPECT_EQ(s.reablement->capacity, 380);
  ASSERT_EQ(s.reablement->hazards_by_band.size(), 5u);
  EXPECT_DOUBLE_EQ(s.reablement->hazards_for(1).death, 0.04);
  EXPECT_DOUBLE_EQ(s.reablement->hazards_for(4).death, 0.22);
  EXPECT_DOUBLE_EQ(s.reablement->hazards_for(4).care_home, 0.03);
  ASSERT_TRUE(s.intermediate_care);
  EXPECT_EQ(s.intermediate_care->capacity, 35);
  ASSERT_TRUE(s.care_homes);
  EXPECT_EQ(s.care_homes->beds, 1420);
  EXPECT_EQ(s.care_homes->initial_residents, 1330);
  EXPECT_DOUBLE_EQ(s.care_homes->community_admissions_per_1000_65plus, 2.3);
  ASSERT_TRUE(s.care_homes->residents_ae);
  EXPECT_DOUBLE_EQ(s.care_homes->residents_ae->attendances_per_year, 1.2);
  EXPECT_DOUBLE_EQ(s.care_homes->residents_ae->admit, 0.6);
  ASSERT_TRUE(s.readmission);
  EXPECT_DOUBLE_EQ(s.readmission->within_30d[1], 0.14);
  ASSERT_TRUE(s.primary_care);
  EXPECT_EQ(s.primary_care->slots_per_week.size(), 8u);
  EXPECT_DOUBLE_EQ(s.primary_care->slots_per_week[4], 3607);
  EXPECT_DOUBLE_EQ(s.primary_care->unmet_to_ae, 0.005);
}

TEST(LoadBaseline, ResolvedYamlReloadsToTheSameScenario) {
  const auto s = load_scenario(scenarios_dir() / "south-east-essex-2019.yaml");
  EXPECT_EQ(s.source_file, (scenarios_dir() / "south-east-essex-2019.yaml").string());
  const auto copy = std::filesystem::temp_directory_path() / "pfsim-resolved-baseline.yaml";
  {
    std::ofstream out(copy);
    out << s.resolved_yaml;
  }
  const auto again = load_scenario(copy);
  std::filesystem::remove(copy);
  EXPECT_EQ(again.resolved_yaml, s.resolved_yaml);
  EXPECT_EQ(again.population.localities[4].name, "Benfleet & Hadleigh");
  EXPECT_EQ(again.population.age_bands, s.population.age_bands);
  EXPECT_NEAR(again.admission.los[2].mean(), s.admission.los[2].mean(), 1e-9);
}

// Text a literal block (|) cannot hold exactly (a leading space, a trailing space or line break, a carriage
// return) is written quoted, so the resolved text reads back as the same name.
TEST(LoadMinimal, ResolvedYamlKeepsAwkwardMultiLineTextExactly) {
  for (const std::string name : {"  indented\\nsecond", "ends in a break\\n\\n", "trailing space \\nx", "cr\\r\\nlf\\n",
                                  "\\nstarts with a break", "tab\\n\\tindented"}) {
    const auto s = load_scenario(good("minimal.yaml"), {"name=\"" + name + "\""});
    const auto copy = std::filesystem::temp_directory_path() / "pfsim-resolved-awkward.yaml";
    {
      std::ofstream out(copy);
      out << s.resolved_yaml;
    }
    const auto again = load_scenario(copy);
    std::filesystem::remove(copy);
    EXPECT_EQ(again.name, s.name) << s.resolved_yaml;
    EXPECT_EQ(again.resolved_yaml, s.resolved_yaml);
  }
}

TEST(LoadMinimal, OnlyRequiredSectionsLoadWithDefaultsAndModulesOff) {
  const auto s = load_scenario(good("minimal.yaml"));
  EXPECT_EQ(s.population.age_bands, (std::vector<std::string>{"all"}));
  EXPECT_EQ(s.population.band_min_age, (std::vector<int>{0}));
  EXPECT_TRUE(s.population.band_is_adult[0]);
  EXPECT_TRUE(s.population.band_is_65plus[0]);
  EXPECT_EQ(s.run.warmup_days, 0);
  EXPECT_EQ(s.run.replications, 10);
  EXPECT_EQ(s.run.seed, 1u);
  ASSERT_TRUE(s.sites[0].ae);
  for (int h = 0; h < 24; ++h) {
    EXPECT_EQ(s.sites[0].ae->clinicians.weekday[static_cast<std::size_t>(h)], 16);
    EXPECT_EQ(s.sites[0].ae->clinicians.weekend[static_cast<std::size_t>(h)], 16);
  }
  EXPECT_FALSE(s.sites[0].ae->triage);
  EXPECT_EQ(s.sites[0].escalation_beds, 0);
  EXPECT_DOUBLE_EQ(s.ae.arrival_profile.hour[3], 1.0);
  EXPECT_DOUBLE_EQ(s.ae.sdec_share, 0.0);
  EXPECT_TRUE(s.admission.direct_per_1000_per_year.empty());
  EXPECT_FALSE(s.discharge);
  EXPECT_FALSE(s.reablement);
  EXPECT_FALSE(s.intermediate_care);
  EXPECT_FALSE(s.care_homes);
  EXPECT_FALSE(s.readmission);
  EXPECT_FALSE(s.primary_care);
}

TEST(LoadErrors, MissingFileNamesThePathAsPassed) {
  try {
    load_scenario("no/such/scenario.yaml");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), "no/such/scenario.yaml");
    EXPECT_EQ(e.line(), 0);
    EXPECT_NE(std::string(e.what()).find("no/such/scenario.yaml: cannot read scenario file: no such file"), std::string::npos)
        << e.what();
  }
}

TEST(LoadErrors, DirectoryIsNotAScenarioFile) {
  try {
    load_scenario(test::data_dir());
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("is a directory"), std::string::npos) << e.what();
  }
}

TEST(LoadErrors, ErrorCarriesItsPartsSeparately) {
  try {
    load_scenario(test::data_dir() / "bad" / "03-unknown-key.yaml");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_EQ(e.column(), 3);
    EXPECT_EQ(e.key_path(), "run.replicatons");
    EXPECT_EQ(e.message(), "unknown key \"replicatons\"");
    EXPECT_EQ(e.hint(), "did you mean \"replications\"?");
  }
}

// A census CSV (and a scenario) saved from Excel on Windows: UTF-8 byte order mark and CRLF line ends.
TEST(LoadEncoding, ByteOrderMarkAndCrlfFilesLoadLikePlainOnes) {
  std::ifstream base_in(test::data_dir() / "bad" / "_census-base.yaml");
  std::stringstream base;
  base << base_in.rdbuf();
  const std::string rows =
      "kind,site,locality,age_band,days_elapsed,days_delayed,status,pathway\n"
      "acute,General,North,65+,2,,in_bed,P0\n"
      "acute,General,South,18-64,1.5,,in_bed,\n";
  const auto crlf = [](const std::string& text) {
    std::string out;
    for (const char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
  };
  const auto dir = std::filesystem::temp_directory_path() / "pfsim-bom-crlf-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "plain.csv", std::ios::binary) << rows;
  std::ofstream(dir / "plain.yaml", std::ios::binary) << base.str() << "census: plain.csv\n";
  std::ofstream(dir / "excel.csv", std::ios::binary) << "\xEF\xBB\xBF" << crlf(rows);
  std::ofstream(dir / "excel.yaml", std::ios::binary) << "\xEF\xBB\xBF" << crlf(base.str() + "census: excel.csv\n");
  const auto plain = load_scenario(dir / "plain.yaml");
  const auto excel = load_scenario(dir / "excel.yaml");
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(plain.census && excel.census);
  ASSERT_EQ(excel.census->people.size(), 2u);
  EXPECT_EQ(excel.census->people.size(), plain.census->people.size());
  EXPECT_EQ(excel.name, plain.name);
  EXPECT_EQ(excel.census->people[1].locality, plain.census->people[1].locality);
  EXPECT_DOUBLE_EQ(excel.census->people[0].elapsed, plain.census->people[0].elapsed);
}

// Documents: one scenario is one YAML document. A trailing `---` adds nothing; a second document with content, or
// text yaml-cpp can neither parse nor reject (it looped forever in LoadAll: the fuzz finding of stop 26), is an error.
TEST(LoadDocuments, TrailingMarkerLoadsAndStrayOrSecondDocumentsAreRejectedWithTheirLine) {
  std::ifstream base_in(test::data_dir() / "bad" / "_census-base.yaml");
  std::stringstream base;
  base << base_in.rdbuf();
  const auto message = [](const std::string& text) -> std::string {
    try {
      load_scenario_text(text, "doc.yaml");
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "loaded";
  };
  const std::string text = base.str();
  EXPECT_EQ(message(text + "---\n"), "loaded");
  EXPECT_EQ(message("---\n" + text), "loaded");
  const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  const std::string second_line = std::to_string(lines + 1);
  EXPECT_NE(message(text + "---\nname: Other\n")
                .find("doc.yaml:" + second_line + ":1: a second YAML document starts at line " + second_line),
            std::string::npos);
  EXPECT_NE(message("# pasted\n, 250, 400]\n" + text)
                .find("doc.yaml:2:1: YAML syntax error: unexpected `,` where a key or value should start"),
            std::string::npos);
  EXPECT_NE(message("# pasted\n, 1\n, 2\n").find("doc.yaml:2:1: YAML syntax error"), std::string::npos);
}

}  // namespace
}  // namespace pfsim::loader
