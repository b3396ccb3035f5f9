// Warm-up (README "Warm-up", issue 19 item 3): population growth is anchored at start_date, so the length of the
// warm-up changes neither the people nor the demand of the measured period; `auto` runs its pilot on the real
// calendar (warm-up + measured period, the run's own dates and season).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "pfsim/engine/time.hpp"
#include "pfsim/models/population.hpp"
#include "pfsim/models/system.hpp"
#include "pfsim/models/warmup.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::models {
namespace {

const std::filesystem::path kBaseline = std::filesystem::path(PFSIM_SCENARIOS_DIR) / "south-east-essex-2019.yaml";

double years_of(int days) { return days * engine::kMinutesPerDay / engine::kMinutesPerYear; }

TEST(Warmup, PopulationIsTheScenariosAtStartDateWhateverTheWarmup) {
  const Scenario s = loader::load_scenario(kBaseline);
  bool some_growth = false;
  for (const int warmup : {0, 60, 365, 1095, 3650}) {
    const PopulationProjection p(s.population, years_of(warmup));
    for (std::size_t l = 0; l < s.population.localities.size(); ++l)
      for (std::size_t b = 0; b < s.population.age_bands.size(); ++b) {
        const double people = s.population.localities[l].people[b];
        // At start_date (simulated time = the warm-up) the factor is 1: the scenario's people.
        EXPECT_NEAR(p.people(l, b, years_of(warmup)), people, 1e-12 * people) << warmup << " " << l << " " << b;
        if (warmup > 0 && p.growth(l, b) > 0) {
          some_growth = true;
          EXPECT_LT(p.people(l, b, 0.0), people);  // fewer people on the first warm-up day, before start_date
        }
      }
  }
  EXPECT_TRUE(some_growth);
  // The measured window's mean population (every per-person KPI's denominator) is the same for any warm-up.
  const std::vector<bool> all(s.population.age_bands.size(), true);
  const PopulationProjection short_warmup(s.population, years_of(60)), long_warmup(s.population, years_of(1095));
  const Eigen::ArrayXd a = short_warmup.mean_over(years_of(60), years_of(60 + 365), all);
  const Eigen::ArrayXd b = long_warmup.mean_over(years_of(1095), years_of(1095 + 365), all);
  for (Eigen::Index l = 0; l < a.size(); ++l) EXPECT_NEAR(a(l), b(l), 1e-9 * a(l));
}

TEST(Warmup, TheRunsPopulationDenominatorDoesNotDependOnTheWarmup) {
  // Through the whole model: nea / nea_per_100k is the measured window's mean population (× days / 365.25), the
  // quantity the demand rates are made from. It was 3.3 % higher after a 1,095-day warm-up when growth started on
  // the first warm-up day.
  const auto population = [](int warmup) {
    const Scenario s = loader::load_scenario(kBaseline, {"run.days=20", "run.warmup_days=" + std::to_string(warmup)});
    const ReplicationResult r = run_replication(s, 0);
    return r[Kpi::Nea] / r[Kpi::NeaPer100k];
  };
  const double short_warmup = population(10), long_warmup = population(1095);
  EXPECT_NEAR(long_warmup / short_warmup, 1.0, 1e-9);
}

TEST(Warmup, AutoPilotRunsOnTheRealCalendarBeforeStartDate) {
  Scenario s = loader::load_scenario(kBaseline, {"run.days=60", "run.replications=2", "run.warmup_days=auto"});
  ASSERT_TRUE(s.run.warmup_auto);
  const auto choice = choose_warmup(s);
  ASSERT_TRUE(choice.has_value());
  // The pilot starts empty kAutoPilotWarmupDays before start_date and runs through the measured period: it ends on
  // the run's last day, in the run's season, with growth anchored at start_date like the run.
  EXPECT_EQ(choice->pilot_warmup_days, kAutoPilotWarmupDays);
  EXPECT_EQ(choice->pilot_days, kAutoPilotWarmupDays + 60);
  EXPECT_EQ(choice->pilot_replications, 2);
  EXPECT_EQ(s.run.warmup_days, choice->days);
  EXPECT_FALSE(s.run.warmup_auto);
  ASSERT_EQ(choice->by_site.size(), 1U);
  EXPECT_GE(choice->by_site[0], 15);  // from empty, 540 beds take weeks to fill
  EXPECT_LE(choice->days, (kAutoPilotWarmupDays + 60) / 2);  // MSER-5 searches the first half
  EXPECT_GE(choice->days, choice->care_homes);
  // The pilot's series is the run's: the same scenario with warm-up = the pilot's gives the same midnight stocks.
  Scenario same = loader::load_scenario(kBaseline, {"run.days=60", "run.warmup_days=" + std::to_string(kAutoPilotWarmupDays)});
  const auto stocks = System(same, 0).midnight_stocks();
  EXPECT_EQ(stocks.beds[0].size(), static_cast<std::size_t>(choice->pilot_days));  // midnights 1 … warm-up + days
  EXPECT_EQ(stocks.care_home_residents.size(), stocks.beds[0].size());
}

TEST(Warmup, CompareGivesEveryOptionTheBasesWarmup) {
  const Scenario base = loader::load_scenario(kBaseline, {"run.warmup_days=123"});
  Scenario option = loader::load_scenario(kBaseline, {"run.warmup_days=auto"});
  use_warmup_of(base, option);
  EXPECT_EQ(option.run.warmup_days, 123);
  EXPECT_FALSE(option.run.warmup_auto);
}

}  // namespace
}  // namespace pfsim::models
