// The `calibration:` section: parsed for `pfsim calibrate`, validated but ignored by load_scenario, and the
// calibrated-scenario writer (README "Calibrating with pfsim calibrate").
#include <gtest/gtest.h>

#include <fstream>

#include "pfsim/models/replication_result.hpp"
#include "pfsim/loader/calibration.hpp"
#include "pfsim/loader/load.hpp"
#include "test_paths.hpp"

namespace pfsim::loader {
namespace {

std::filesystem::path analytic() { return test::scenarios_dir() / "tests" / "calibrate-mmc.yaml"; }

TEST(CalibrationSection, ReadsTargetsAndParametersWithIntegerCapacities) {
  const auto calibration = load_calibration(analytic());
  ASSERT_TRUE(calibration.has_value());
  ASSERT_EQ(calibration->targets.size(), 2u);
  EXPECT_EQ(calibration->targets[0].kpi, "ae_attendances");
  EXPECT_DOUBLE_EQ(calibration->targets[0].observed, 25888.25);
  EXPECT_DOUBLE_EQ(calibration->targets[1].sd, 0.5);
  ASSERT_EQ(calibration->parameters.size(), 2u);
  EXPECT_EQ(calibration->parameters[0].key_path, "ae.attendances_per_1000_per_year[0]");
  EXPECT_FALSE(calibration->parameters[0].integer);
  EXPECT_DOUBLE_EQ(calibration->parameters[0].start, 950);
  EXPECT_EQ(calibration->parameters[1].key_path, "sites.Hospital.ae.clinicians");
  EXPECT_TRUE(calibration->parameters[1].integer);
  EXPECT_DOUBLE_EQ(calibration->parameters[1].start, 8);
}

TEST(CalibrationSection, ScenarioWithoutOneHasNone) {
  EXPECT_FALSE(load_calibration(test::scenarios_dir() / "tests" / "mmc-ae.yaml").has_value());
}

TEST(CalibrationSection, BaselineSectionLoadsWithFiveTargets) {
  const auto calibration = load_calibration(test::scenarios_dir() / "south-east-essex-2019.yaml");
  ASSERT_TRUE(calibration.has_value());
  EXPECT_EQ(calibration->targets.size(), 5u);
  EXPECT_EQ(calibration->parameters.size(), 5u);
}

TEST(CalibrationSection, TheModelIgnoresTheSection) {
  const scenario::Scenario with = load_scenario(analytic());
  const scenario::Scenario plain = load_scenario(analytic(), {"ae.attendances_per_1000_per_year=[950]"});
  EXPECT_EQ(with.ae.attendances_per_1000_per_year, plain.ae.attendances_per_1000_per_year);
  EXPECT_EQ(with.sites[0].ae->clinicians.weekday, plain.sites[0].ae->clinicians.weekday);
  // Left out of the resolved text, so results files (which embed it) do not change when the section does.
  EXPECT_EQ(with.resolved_yaml.find("\ncalibration:"), std::string::npos);
  EXPECT_EQ(with.resolved_yaml, plain.resolved_yaml);
}

TEST(CalibratedScenario, WritesListsWholeWithCommentsAndLoadsWithTheFittedValues) {
  const auto dir = std::filesystem::temp_directory_path() / "pfsim-calibrated-yaml-test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "fitted.yaml";
  const std::string text = calibrated_scenario_yaml(
      analytic(), std::filesystem::absolute(analytic()).string(), "fitted", {"a header line"},
      {{"ae.attendances_per_1000_per_year[0]", "1040.5", "fitted 1040.5 ± 10"},
       {"sites.Hospital.ae.clinicians", "6", "fitted 6 ± 0.1"}});
  EXPECT_NE(text.find("# a header line"), std::string::npos);
  EXPECT_NE(text.find("clinicians: 6  # fitted 6 ± 0.1"), std::string::npos) << text;
  EXPECT_NE(text.find("[1040.5]  # [0]: fitted 1040.5 ± 10"), std::string::npos) << text;
  EXPECT_NE(text.find("treatment:"), std::string::npos) << "the sites list must be written whole:\n" << text;
  std::ofstream(file) << text;
  const scenario::Scenario fitted = load_scenario(file);
  EXPECT_DOUBLE_EQ(fitted.ae.attendances_per_1000_per_year.at(0), 1040.5);
  EXPECT_EQ(fitted.name, "fitted");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace pfsim::loader
