// Census warm start (README "Starting from today"): a saved state loads back to the same state; a census taken at
// the steady state starts the run there (day-1 occupancy = census, MSER-5 finds no warm-up) while an empty start
// needs one; residual stays keep conservation and the census rows' own streams.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "pfsim/engine/stats.hpp"
#include "pfsim/models/system.hpp"
#include "pfsim/models/warmup.hpp"
#include "pfsim/loader/census_csv.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::models {
namespace {

const std::filesystem::path kScenarios = PFSIM_SCENARIOS_DIR;

std::filesystem::path write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

std::size_t count(const Census& census, CensusKind kind) {
  return static_cast<std::size_t>(std::count_if(census.people.begin(), census.people.end(), [&](const CensusPerson& p) { return p.kind == kind; }));
}

TEST(CensusWarmStart, SaveLoadSaveRoundTripGivesTheIdenticalState) {
  // Replication 0 of the baseline on day 150 (90 days into the measured year), saved, loaded as the census of a
  // run that starts that day with no warm-up, and saved again before anything happens: the same rows, byte for byte.
  const Scenario baseline = loader::load_scenario(kScenarios / "south-east-essex-2019.yaml", {"run.days=120"});
  const Census saved = System(baseline, 0).census_at(150);
  ASSERT_GT(count(saved, CensusKind::Acute), 300u);
  ASSERT_GT(count(saved, CensusKind::Reablement), 100u);
  ASSERT_GT(count(saved, CensusKind::CareHome), 1000u);
  ASSERT_GT(count(saved, CensusKind::AtHome), 10u);
  const std::string text = loader::census_csv(saved, baseline);
  const auto file = write_temp("pfsim-census-round-trip.csv", text);
  // Day 150 from 2019-04-01 minus 60 warm-up days is 2019-06-29.
  const Scenario forecast = loader::load_scenario(
      kScenarios / "south-east-essex-2019.yaml",
      {"run.start_date=2019-06-29", "run.warmup_days=0", "run.days=30", "census=" + file.string()});
  ASSERT_TRUE(forecast.census);
  EXPECT_EQ(forecast.census->people.size(), saved.people.size());
  const Census again = System(forecast, 0).census_at(0);
  EXPECT_EQ(loader::census_csv(again, forecast), text);
  // The resolved scenario embeds the census, so it loads on its own, without the file.
  const auto resolved = write_temp("pfsim-census-resolved.yaml", forecast.resolved_yaml);
  std::filesystem::remove(file);
  const Scenario reloaded = loader::load_scenario(resolved);
  ASSERT_TRUE(reloaded.census);
  EXPECT_EQ(loader::census_csv(*reloaded.census, reloaded), text);
  std::filesystem::remove(resolved);
}

TEST(CensusWarmStart, PeopleWaitingInIntermediateCareForACareHomeRoundTrip) {
  // Care homes short of places and many intermediate-care stays ending in a move: some wait in the bed for a place (a
  // non-acute delay).
  // Saved as intermediate_care rows with status waiting and their days delayed, they load back to the same state.
  // Residents' own A&E visits off: a census does not record that a resident in hospital keeps their place (README
  // "Starting from today"), which would free places at the load and let the waiting in.
  const std::vector<std::string> tight = {"run.days=120", "care_homes.beds=1330", "care_homes.residents_ae.attendances_per_year=0",
                                          "intermediate_care.hazards_91d.85+.care_home=0.5", "intermediate_care.hazards_91d.75-84.care_home=0.5"};
  const Scenario baseline = loader::load_scenario(kScenarios / "south-east-essex-2019.yaml", tight);
  const Census saved = System(baseline, 0).census_at(150);
  const auto waiting_in_ic = std::count_if(saved.people.begin(), saved.people.end(), [](const CensusPerson& p) {
    return p.kind == CensusKind::IntermediateCare && p.status == CensusStatus::Waiting;
  });
  ASSERT_GT(waiting_in_ic, 0);
  const std::string text = loader::census_csv(saved, baseline);
  const auto file = write_temp("pfsim-census-ic-waiting.csv", text);
  const Scenario forecast = loader::load_scenario(
      kScenarios / "south-east-essex-2019.yaml",
      {"run.start_date=2019-06-29", "run.warmup_days=0", "run.days=30", "care_homes.beds=1330", "care_homes.residents_ae.attendances_per_year=0",
       "intermediate_care.hazards_91d.85+.care_home=0.5", "intermediate_care.hazards_91d.75-84.care_home=0.5", "census=" + file.string()});
  EXPECT_TRUE(loader::census_csv(System(forecast, 0).census_at(0), forecast) == text) << "the reloaded census differs";
  std::filesystem::remove(file);
}

std::vector<double> mean_series(const Scenario& s, int replications, std::size_t site = 0) {
  std::vector<double> mean;
  for (int r = 0; r < replications; ++r) {
    const auto occupied = System(s, static_cast<std::uint64_t>(r)).midnight_bed_occupancy()[site];
    mean.resize(occupied.size(), 0.0);
    for (std::size_t d = 0; d < occupied.size(); ++d) mean[d] += occupied[d] / replications;
  }
  return mean;
}

TEST(CensusWarmStart, SteadyStateCensusStartsAtTheCensusWithNoTransientWhileAnEmptyStartNeedsAWarmup) {
  // scenarios/south-east-essex-2019-census.yaml: 8 weeks from a census taken (by --save-census) from the baseline
  // on a night its occupancy was near that night's mean. (Over longer horizons the seasonal rise towards summer is a trend
  // that MSER-5, like any truncation rule, reads as non-stationarity: judge warm-ups on horizons without one.)
  const Scenario forecast = loader::load_scenario(kScenarios / "south-east-essex-2019-census.yaml");
  ASSERT_EQ(forecast.run.days, 56);
  ASSERT_TRUE(forecast.census);
  const double census_beds = static_cast<double>(count(*forecast.census, CensusKind::Acute));
  const std::vector<double> occupied = mean_series(forecast, 30);
  // The same 8 weeks of a run warmed up for two years (warm-up included in the series: keep the last 8 weeks).
  Scenario warmed = forecast;
  warmed.census.reset();
  warmed.run.warmup_days = 730;
  const std::vector<double> warmed_series = mean_series(warmed, 30);
  const std::vector<double> same_weeks(warmed_series.end() - forecast.run.days, warmed_series.end());
  // Day 1 (the first midnight, a Saturday: beds fill at weekends, so not the census count) and the first week sit
  // within 2 % of the warmed run's: no fill-up from empty.
  EXPECT_NEAR(occupied[0], same_weeks[0], 0.02 * same_weeks[0]);
  const auto first_week = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.begin() + 7, 0.0) / 7; };
  EXPECT_NEAR(first_week(occupied), first_week(same_weeks), 0.02 * first_week(same_weeks));
  EXPECT_GT(census_beds, 0.9 * first_week(same_weeks));
  // MSER-5 on the census start's beds sees no more "transient" than on the same 8 weeks of the warmed run: what it
  // finds in both is the season (occupancy falls from March into May), not the start.
  const auto reference = static_cast<int>(pfsim::engine::mser5_truncation(same_weeks));
  const WarmupChoice warm = find_warmup(forecast, 0, 10);
  EXPECT_LE(warm.by_site[0], reference + 5) << "MSER-5 truncation of a steady-state census start against a warmed-up run: "
                                            << reference;

  // The same period started empty: beds fill over weeks, and MSER-5 (the warmup_days: auto pilot) says so.
  Scenario empty = forecast;
  empty.census.reset();
  const std::vector<double> from_empty = mean_series(empty, 3);
  EXPECT_LT(from_empty[0], 0.5 * census_beds);
  const WarmupChoice cold = find_warmup(empty, 0, 3);
  EXPECT_GE(cold.by_site[0], 15);
  EXPECT_GE(cold.days, cold.by_site[0]);
}

TEST(CensusWarmStart, ChooseWarmupSetsTheWarmupOnlyForAuto) {
  Scenario s = loader::load_scenario(kScenarios / "south-east-essex-2019.yaml", {"run.days=60", "run.replications=2"});
  EXPECT_FALSE(choose_warmup(s).has_value());
  EXPECT_EQ(s.run.warmup_days, 730);  // the baseline's fixed warm-up (README "Warm-up")
  s = loader::load_scenario(kScenarios / "south-east-essex-2019.yaml", {"run.days=60", "run.replications=2", "run.warmup_days=auto"});
  ASSERT_TRUE(s.run.warmup_auto);
  const auto choice = choose_warmup(s);
  ASSERT_TRUE(choice.has_value());
  EXPECT_EQ(s.run.warmup_days, choice->days);
  EXPECT_EQ(choice->pilot_days, kAutoPilotWarmupDays + 60);  // warm-up + measured period (warmup_test.cpp)
  EXPECT_EQ(choice->pilot_replications, 2);
  EXPECT_GE(choice->days, 15);  // from empty, 540 beds take weeks to fill
  EXPECT_LE(choice->days, (kAutoPilotWarmupDays + 60) / 2);
}

TEST(CensusWarmStart, CensusPeopleDrawFromTheirOwnStreamsSoArrivalsAreUnchanged) {
  // With or without the census, the same A&E attendances arrive (their streams never see the census draws).
  const Scenario with = loader::load_scenario(kScenarios / "south-east-essex-2019-census.yaml", {"run.days=14"});
  Scenario without = with;
  without.census.reset();
  const ReplicationResult a = run_replication(with, 0), b = run_replication(without, 0);
  EXPECT_EQ(a[Kpi::AeAttendances], b[Kpi::AeAttendances]);
  EXPECT_GT(a[Kpi::BedOccupancyPct], b[Kpi::BedOccupancyPct] + 20);  // and the census fills the beds from day 0
}

}  // namespace
}  // namespace pfsim::models
