// Routable patient streams (README "Reconfiguration options"): patients of a stream go to a providing site, the
// travel burden counts exactly the routed ones, and routing never moves anyone's other draws (common random numbers).
#include <filesystem>
#include <numeric>

#include <gtest/gtest.h>

#include "pfsim/models/system.hpp"
#include "pfsim/loader/load.hpp"

using namespace pfsim::models;

namespace {
const std::filesystem::path kData = PFSIM_TEST_DATA_DIR;

// tests/data/good/routing.yaml: North chooses General (10 min; Annex 30), South chooses Annex (12 min; General 25);
// stroke is provided only at General.
Scenario routed() { return pfsim::loader::load_scenario(kData / "good" / "routing.yaml"); }

double site(const ReplicationResult& r, Kpi k, std::size_t s) { return r.by_site[static_cast<std::size_t>(k)][s]; }
double travel(const ReplicationResult& r, TravelOutcome::Table t, std::size_t column) { return r.travel.tables[t][column]; }
}  // namespace

TEST(Routing, EverySiteProvidingEveryStreamGivesTheSameResultsAsNoRouting) {
  Scenario with = routed();
  with.routing->streams[0].providers = {{0, 0, 24}, {1, 0, 24}};
  Scenario without = with;
  without.routing.reset();
  for (std::uint64_t r = 0; r < 2; ++r) {
    const ReplicationResult a = run_replication(with, r), b = run_replication(without, r);
    EXPECT_EQ(a.kpi, b.kpi);
    EXPECT_EQ(a.by_site, b.by_site);
    EXPECT_EQ(a.daily, b.daily);
    EXPECT_TRUE(b.travel.empty());
    EXPECT_EQ(travel(a, TravelOutcome::Routed, 2), 0.0);  // the "all localities" column
  }
}

TEST(Routing, OnlySouthStrokePatientsAreRoutedEachWithThirteenExtraMinutes) {
  Scenario all_sites = routed();
  all_sites.routing->streams[0].providers = {{0, 0, 24}, {1, 0, 24}};
  const Scenario general_only = routed();
  for (std::uint64_t r = 0; r < 2; ++r) {
    const ReplicationResult base = run_replication(all_sites, r), option = run_replication(general_only, r);
    // North's first choice provides stroke: nobody from North moves.
    EXPECT_EQ(travel(option, TravelOutcome::Routed, 0), 0.0);
    const double routed = travel(option, TravelOutcome::Routed, 1);
    EXPECT_GT(routed, 5.0);
    // South → General 25 min instead of Annex 12 min: every routed patient travels exactly 13 minutes more.
    EXPECT_DOUBLE_EQ(travel(option, TravelOutcome::ExtraMinutesMean, 1), 13.0);
    EXPECT_DOUBLE_EQ(travel(option, TravelOutcome::ExtraMinutesP95, 1), 13.0);
    EXPECT_EQ(travel(option, TravelOutcome::Routed, 2), routed);
    // The same people arrive (common random numbers); routed A&E attenders count at General instead of Annex.
    EXPECT_EQ(option.kpi[static_cast<std::size_t>(Kpi::AeAttendances)], base.kpi[static_cast<std::size_t>(Kpi::AeAttendances)]);
    const double moved = site(option, Kpi::AeAttendances, 0) - site(base, Kpi::AeAttendances, 0);
    EXPECT_GT(moved, 0.0);
    EXPECT_EQ(site(base, Kpi::AeAttendances, 1) - site(option, Kpi::AeAttendances, 1), moved);
    EXPECT_LE(moved, routed);  // routed also counts direct admissions, which are not A&E attendances
  }
}

TEST(Routing, TransfersLengthenTheAeTimeAndConveyedPatientsAreNotTransferred) {
  Scenario transferred = routed(), conveyed = routed();
  transferred.routing->streams[0].direct_share = 0.0;
  transferred.routing->streams[0].transfer = pfsim::engine::Distribution::fixed(600.0);  // 10 h: every one breaches 4 h
  conveyed.routing->streams[0].direct_share = 1.0;
  const ReplicationResult t = run_replication(transferred, 0), c = run_replication(conveyed, 0);
  EXPECT_EQ(travel(c, TravelOutcome::Transferred, 2), 0.0);
  EXPECT_GT(travel(t, TravelOutcome::Transferred, 2), 0.0);
  EXPECT_EQ(travel(t, TravelOutcome::Routed, 2), travel(c, TravelOutcome::Routed, 2));
  EXPECT_GT(t.kpi[static_cast<std::size_t>(Kpi::AeMeanTimeMin)], c.kpi[static_cast<std::size_t>(Kpi::AeMeanTimeMin)]);
  EXPECT_LT(t.kpi[static_cast<std::size_t>(Kpi::Ae4hPct)], c.kpi[static_cast<std::size_t>(Kpi::Ae4hPct)]);
}

TEST(Routing, DaytimeProviderSendsItsNightPatientsToTheOtherSite) {
  Scenario day_and_night = routed();
  // Annex takes stroke 08:00–20:00 only; General all day. South (first choice Annex) moves only at night.
  day_and_night.routing->streams[0].providers = {{0, 0, 24}, {1, 8, 20}};
  const Scenario general_only = routed();
  const ReplicationResult partial = run_replication(day_and_night, 0), full = run_replication(general_only, 0);
  EXPECT_GT(travel(partial, TravelOutcome::Routed, 1), 0.0);
  EXPECT_LT(travel(partial, TravelOutcome::Routed, 1), travel(full, TravelOutcome::Routed, 1));
}
