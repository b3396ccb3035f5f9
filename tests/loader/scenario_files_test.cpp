// Every scenario shipped in scenarios/, scenarios/tests/ and scenarios/options/ loads, and the analytic ones have the
// parameters their theory assumes.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "pfsim/loader/load.hpp"
#include "test_paths.hpp"

namespace pfsim::loader {
namespace {

using test::scenarios_dir;

constexpr double kMinutesPerYear = 365.25 * 1440.0;

std::vector<std::filesystem::path> yaml_files_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ShippedScenarios, EveryFileLoads) {
  std::size_t count = 0;
  for (const auto& dir : {scenarios_dir(), scenarios_dir() / "tests", scenarios_dir() / "options"}) {
    for (const auto& file : yaml_files_in(dir)) {
      SCOPED_TRACE(file.string());
      EXPECT_NO_THROW({
        try {
          load_scenario(file);
        } catch (const ScenarioError& e) {
          ADD_FAILURE() << e.what();
        }
      });
      ++count;
    }
  }
  EXPECT_GE(count, 4u);  // the baseline plus the three analytic scenarios
}

// Total arrival rate per minute implied by people × rate per 1,000 per year.
double per_minute(const scenario::Scenario& s, const std::vector<double>& per_1000) {
  double per_year = 0;
  for (const auto& locality : s.population.localities)
    for (std::size_t b = 0; b < s.bands(); ++b) per_year += locality.people[b] * per_1000[b] / 1000.0;
  return per_year / kMinutesPerYear;
}

TEST(ShippedScenarios, MmcAeHasLambda02PerMinuteAndUtilisation08) {
  const auto s = load_scenario(scenarios_dir() / "tests" / "mmc-ae.yaml");
  const double lambda = per_minute(s, s.ae.attendances_per_1000_per_year);
  EXPECT_NEAR(lambda, 0.2, 1e-9);
  ASSERT_TRUE(s.sites[0].ae);
  const auto& ae = *s.sites[0].ae;
  EXPECT_EQ(ae.treatment.kind(), engine::DistributionKind::Exponential);
  EXPECT_NEAR(ae.treatment.mean(), 20.0, 1e-12);
  EXPECT_EQ(ae.clinicians.weekday[0], 5);
  EXPECT_NEAR(lambda * ae.treatment.mean() / 5.0, 0.8, 1e-9);
  EXPECT_FALSE(ae.triage);
  EXPECT_DOUBLE_EQ(s.ae.admit_probability[0], 0.0);
}

TEST(ShippedScenarios, ErlangBBedsOffers8BedsOfLoadTo10Beds) {
  const auto s = load_scenario(scenarios_dir() / "tests" / "erlang-b-beds.yaml");
  EXPECT_DOUBLE_EQ(s.ae.attendances_per_1000_per_year[0], 0.0);
  const double lambda_per_day = per_minute(s, s.admission.direct_per_1000_per_year) * 1440.0;
  EXPECT_NEAR(lambda_per_day, 2.0, 1e-9);
  EXPECT_NEAR(lambda_per_day * s.admission.los[0].mean() / 1440.0, 8.0, 1e-9);
  EXPECT_EQ(s.sites[0].general_beds, 10);
  EXPECT_FALSE(s.discharge);
}

TEST(ShippedScenarios, UnboundedDownstreamHasAllPathwaysAndHugeCapacities) {
  const auto s = load_scenario(scenarios_dir() / "tests" / "unbounded-downstream.yaml");
  ASSERT_TRUE(s.discharge && s.reablement && s.intermediate_care && s.care_homes);
  for (double share : s.discharge->pathway_share) EXPECT_GT(share, 0.0);
  for (const auto& delay : s.discharge->assessment_delay) EXPECT_FALSE(delay);
  EXPECT_EQ(s.reablement->capacity, 1'000'000);
  EXPECT_EQ(s.intermediate_care->capacity, 1'000'000);
  EXPECT_EQ(s.care_homes->beds, 1'000'000);
  EXPECT_EQ(s.run.days, 120);
}

}  // namespace
}  // namespace pfsim::loader

namespace pfsim::loader {
namespace {

// Lists replace under `extends:`, so a file that extends the baseline and restates `sites` must copy the baseline's
// A&E in full: a stale copy silently compares an option with a different emergency department (the test option
// "30 more beds" once carried the one-pool A&E of an older baseline and showed more beds lowering the 4-hour %).
void expect_same_ae(const scenario::SiteAe& base, const scenario::SiteAe& other) {
  EXPECT_EQ(other.clinicians.weekday, base.clinicians.weekday);
  EXPECT_EQ(other.clinicians.weekend, base.clinicians.weekend);
  EXPECT_EQ(other.treatment.describe(), base.treatment.describe());
  EXPECT_EQ(other.triage.has_value(), base.triage.has_value());
  if (other.triage && base.triage) {
    EXPECT_EQ(other.triage->describe(), base.triage->describe());
  }
  EXPECT_EQ(other.cubicles, base.cubicles);
  ASSERT_EQ(other.minors.has_value(), base.minors.has_value());
  if (other.minors) {
    EXPECT_EQ(other.minors->clinicians.weekday, base.minors->clinicians.weekday);
    EXPECT_EQ(other.minors->clinicians.weekend, base.minors->clinicians.weekend);
    EXPECT_EQ(other.minors->treatment.describe(), base.minors->treatment.describe());
  }
}

TEST(ShippedScenarios, FilesExtendingTheBaselineRestateItsAeUnchanged) {
  const auto baseline_path = scenarios_dir() / "south-east-essex-2019.yaml";
  const scenario::Scenario baseline = load_scenario(baseline_path);
  std::size_t checked = 0;
  for (const auto& dir : {scenarios_dir(), test::data_dir() / "good"}) {
    for (const auto& file : yaml_files_in(dir)) {
      std::ifstream in(file);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      const auto extends = text.find("\nextends:");
      const bool extends_baseline =
          extends != std::string::npos && text.substr(extends, text.find('\n', extends + 1) - extends).find("south-east-essex-2019.yaml") != std::string::npos;
      if (!extends_baseline || text.find("\nsites:") == std::string::npos) continue;
      SCOPED_TRACE(file.string());
      const scenario::Scenario s = load_scenario(file);
      ASSERT_EQ(s.sites.size(), baseline.sites.size());
      for (std::size_t k = 0; k < s.sites.size(); ++k) {
        ASSERT_TRUE(s.sites[k].ae && baseline.sites[k].ae);
        expect_same_ae(*baseline.sites[k].ae, *s.sites[k].ae);
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 3u) << "winter, calibrated and the more-beds test option restate the site";
}

}  // namespace
}  // namespace pfsim::loader
