// Parameter uncertainty (DESIGN §6.5): the sampler's draws have the law the section states (in the logit-of-bounds
// space), never leave the bounds, depend on (seed, replication) alone; the law calibrate writes keeps an identified
// parameter's delta-method spread and spreads an unidentified one over its range; the section round-trips through
// its YAML text; and each replication's scenario carries its draw at the key paths.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "pfsim/loader/load.hpp"
#include "pfsim/loader/parameter_uncertainty.hpp"
#include "pfsim/run/bad_argument.hpp"
#include "pfsim/run/calibration/sampling_law.hpp"
#include "pfsim/run/parameter_sampler.hpp"
#include "pfsim/run/sampled_scenarios.hpp"

namespace pfsim::run {
namespace {

loader::ParameterUncertainty three_parameters() {
  loader::ParameterUncertainty law;
  law.parameters = {{"ae.attendances_per_1000_per_year[0]", 1050, 10.0, 800, 1300, false, 0.6},
                    {"sites.Hospital.ae.clinicians", 5, 0.5, 4, 8, true, 1.2},
                    {"sites.Hospital.beds.general", 10, std::nullopt, 8, 12, true, 0.2}};
  law.correlation = {{1, 0.5, -0.3}, {0.5, 1, 0.2}, {-0.3, 0.2, 1}};
  return law;
}

TEST(ParameterSampler, LogitDrawsHaveTheStatedMeanAndCovarianceWithin4StandardErrors) {
  const loader::ParameterUncertainty law = three_parameters();
  const ParameterSampler sampler(law);
  constexpr std::size_t kDraws = 20000;
  std::vector<std::vector<double>> draws;
  for (std::size_t r = 0; r < kDraws; ++r) draws.push_back(sampler.draw_logit(42, r));
  const std::size_t n = law.parameters.size();
  std::vector<double> mean(n, 0.0);
  for (const auto& d : draws)
    for (std::size_t i = 0; i < n; ++i) mean[i] += d[i] / kDraws;
  for (std::size_t i = 0; i < n; ++i) {
    const double sd = law.parameters[i].logit_sd;
    EXPECT_NEAR(mean[i], sampler.centre()[i], 4 * sd / std::sqrt(kDraws)) << law.parameters[i].key_path;
    EXPECT_NEAR(sampler.centre()[i], to_logit_of_bounds(law.parameters[i].fitted, law.parameters[i].lower, law.parameters[i].upper), 0);
  }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      double covariance = 0;
      for (const auto& d : draws) covariance += (d[i] - mean[i]) * (d[j] - mean[j]) / (kDraws - 1);
      const double si = law.parameters[i].logit_sd, sj = law.parameters[j].logit_sd, rho = law.correlation[i][j];
      // Standard error of a sample covariance of normals: σi σj √((1 + ρ²) / n).
      EXPECT_NEAR(covariance, rho * si * sj, 4 * si * sj * std::sqrt((1 + rho * rho) / kDraws)) << i << "," << j;
    }
}

TEST(ParameterSampler, ValuesStayInsideTheBoundsAndIntegersAreWholeEvenWithAHugeSpread) {
  loader::ParameterUncertainty law = three_parameters();
  law.parameters[0].logit_sd = 80;  // intermediate_care.capacity's sd of 298 on [29, 45] read naively in logit space
  law.parameters[1].logit_sd = 40;
  const ParameterSampler sampler(law);
  for (std::size_t r = 0; r < 5000; ++r) {
    const std::vector<double> values = sampler.draw(7, r);
    for (std::size_t i = 0; i < values.size(); ++i) {
      const auto& p = law.parameters[i];
      ASSERT_GE(values[i], p.lower) << p.key_path;
      ASSERT_LE(values[i], p.upper) << p.key_path;
      if (p.integer) {
        ASSERT_EQ(values[i], std::round(values[i])) << p.key_path;
      }
    }
  }
}

TEST(ParameterSampler, DrawDependsOnSeedAndReplicationOnly) {
  const ParameterSampler sampler(three_parameters());
  EXPECT_EQ(sampler.draw_logit(42, 3), sampler.draw_logit(42, 3));
  EXPECT_EQ(sampler.draw_logit(42, 3), ParameterSampler(three_parameters()).draw_logit(42, 3));
  EXPECT_NE(sampler.draw_logit(42, 3), sampler.draw_logit(42, 4));
  EXPECT_NE(sampler.draw_logit(42, 3), sampler.draw_logit(43, 3));
}

TEST(ParameterSampler, ZeroSpreadGivesExactlyTheFittedValueEvenAtABound) {
  loader::ParameterUncertainty law = three_parameters();
  for (auto& p : law.parameters) p.logit_sd = 0;
  law.parameters[0].fitted = 1050.123456789;  // no exact logit round trip
  law.parameters[1].fitted = 4;               // at its lower bound: the centre is clamped 1 % inside
  for (std::size_t r = 0; r < 3; ++r) {
    const std::vector<double> values = ParameterSampler(law).draw(1, r);
    for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(values[i], law.parameters[i].fitted);
  }
}

TEST(SamplingLaw, IdentifiedParameterKeepsItsDeltaMethodSpreadAndAnUnidentifiedOneSpreadsOverItsRange) {
  loader::Calibration calibration;
  calibration.targets = {{"ae_attendances", 0, 1, ""}};
  calibration.parameters = {{"a", 0, 100, false, 50, std::nullopt}, {"b", 0, 10, false, 5, std::nullopt}};
  calibration::Uncertainty uncertainty;
  uncertainty.jacobian = {{2.0, 0.0}};  // the target sees a (sd 0.5) and not b
  uncertainty.sd = {0.5, std::numeric_limits<double>::infinity()};
  calibration::Evaluation best;
  best.values = {50, 5};
  const loader::ParameterUncertainty law = calibration::sampling_law(calibration, uncertainty, best);
  // a at the centre of [0, 100]: dθ/du = 100 · ¼ = 25, so the delta method gives 0.5 / 25 = 0.02 in u; the bounds
  // prior (variance π²/3) changes it by a factor 1 / √(1 + 0.02² · 3/π²) ≈ 1 − 6e-5.
  EXPECT_NEAR(law.parameters[0].logit_sd, 0.02, 0.02 * 1e-4);
  EXPECT_NEAR(law.parameters[1].logit_sd, std::numbers::pi / std::sqrt(3.0), 1e-12);
  EXPECT_FALSE(law.parameters[1].sd.has_value());
  EXPECT_NEAR(law.correlation[0][1], 0, 1e-12);
  EXPECT_EQ(law.correlation[0][0], 1);
}

const std::filesystem::path kScenarios = PFSIM_SCENARIOS_DIR;

std::string with_section(const loader::ParameterUncertainty& law) {
  return "pfsim: 1\nname: sampled\nextends: mmc-ae.yaml\n" + loader::parameter_uncertainty_yaml(law);
}

TEST(ParameterUncertaintySection, RoundTripsThroughItsYamlText) {
  const loader::ParameterUncertainty law = three_parameters();
  const auto document = loader::read_scenario_text(with_section(law), "sampled.yaml", {}, kScenarios / "tests");
  const auto back = loader::parameter_uncertainty_of(document);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->parameters.size(), law.parameters.size());
  for (std::size_t i = 0; i < law.parameters.size(); ++i) {
    const auto &a = law.parameters[i], &b = back->parameters[i];
    EXPECT_EQ(a.key_path, b.key_path);
    EXPECT_EQ(a.fitted, b.fitted);
    EXPECT_EQ(a.sd, b.sd);
    EXPECT_EQ(a.lower, b.lower);
    EXPECT_EQ(a.upper, b.upper);
    EXPECT_EQ(a.integer, b.integer);
    EXPECT_EQ(a.logit_sd, b.logit_sd);
  }
  EXPECT_EQ(back->correlation, law.correlation);
}

TEST(SampledScenarios, EachReplicationRunsItsDrawAndTheBaseRunSettings) {
  const auto document = loader::read_scenario_text(with_section(three_parameters()), "sampled.yaml", {}, kScenarios / "tests");
  scenario::Scenario base = loader::build_scenario(document);
  base.run.warmup_days = 3;  // as a chosen warm-up would be, after the scenario was built
  const SampledScenarios sampled(document, base, "sampled.yaml");
  for (std::size_t r = 0; r < 5; ++r) {
    const std::vector<double> values = sampled.values_for(r);
    const scenario::Scenario own = sampled.scenario_for(r);
    EXPECT_EQ(own.ae.attendances_per_1000_per_year[0], values[0]);
    EXPECT_EQ(own.sites[0].ae->clinicians.weekday[0], values[1]);
    EXPECT_EQ(own.sites[0].general_beds, values[2]);
    EXPECT_EQ(own.run.warmup_days, 3);
    EXPECT_EQ(own.run.seed, base.run.seed);
  }
  const output::TableGroup table = sampled.samples_table(5);
  EXPECT_EQ(table.name, "parameter_samples");
  ASSERT_EQ(table.tables.size(), 1u);
  EXPECT_EQ(table.tables[0].values.size(), 15u);
  EXPECT_EQ(table.tables[0].values[3], sampled.values_for(1)[0]);
}

TEST(SampledScenarios, AScenarioWithoutTheSectionIsRefused) {
  const auto document = loader::read_scenario(kScenarios / "tests" / "mmc-ae.yaml");
  const scenario::Scenario base = loader::build_scenario(document);
  EXPECT_THROW(SampledScenarios(document, base, "mmc-ae.yaml"), BadArgument);
}

}  // namespace
}  // namespace pfsim::run
