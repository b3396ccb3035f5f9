// Discharge by age: pathway shares and 91-day hazards by age band, and when the 91-day events fall.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/engine/stats.hpp"
#include "pfsim/models/system.hpp"
#include "test_scenarios.hpp"

using namespace pfsim::models;
using namespace pfsim::models::testing;

namespace {
constexpr std::size_t kOlder = 2;  // whole_system's bands: 0-17, 18-64, 65+
}

TEST(DischargeByAge, EachBandTakesItsOwnPathwaySplit) {
  // 18-64s all go home (P0), 65+ all to reablement (P1): whoever is in reablement at a census is 65+.
  Scenario s = whole_system(true);
  s.discharge->pathway_share_by_band = {{1, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}};
  const Census census = System(s, 0).census_at(100);
  std::size_t reablement = 0, intermediate = 0;
  for (const CensusPerson& p : census.people) {
    if (p.kind == CensusKind::Reablement) {
      ++reablement;
      EXPECT_EQ(p.band, kOlder);
    }
    if (p.kind == CensusKind::IntermediateCare) ++intermediate;
    if (p.kind == CensusKind::Acute && p.band != kOlder) {
      EXPECT_NE(p.pathway, Pathway::P1);
    }
  }
  EXPECT_GT(reablement, 50u);
  EXPECT_EQ(intermediate, 0u);
}

TEST(DischargeByAge, EachBandHasItsOwnNinetyOneDayOutcome) {
  // Everyone adult on P1; ASCOF 2B counts the 65+ only. 65+ all die within 91 days → 0 % at home whatever the
  // 18-64s do; swap the bands' hazards and it is 100 %.
  Scenario dies = whole_system(true), lives = dies;
  for (Scenario* s : {&dies, &lives}) s->discharge->pathway_share = {0, 1, 0, 0};
  dies.reablement->hazards_by_band = {{}, {0, 0, 0}, {0, 0, 1.0}};
  lives.reablement->hazards_by_band = {{}, {0, 0, 1.0}, {0, 0, 0}};
  EXPECT_DOUBLE_EQ(run_replication(dies, 0)[Kpi::Reablement91dHomePct], 0.0);
  EXPECT_DOUBLE_EQ(run_replication(lives, 0)[Kpi::Reablement91dHomePct], 100.0);
}

TEST(DischargeByAge, NinetyOneDayReadmissionsFallWithinThirtyDaysAsTheSquareRootLawSays) {
  // Direct admissions 2/day, all discharged to (unlimited) reablement, half readmitted within 91 days at
  // 91 d × U²: P(within 30 d | readmitted) = √(30 / 91), so 50 × √(30/91) = 28.71 % of discharges are readmitted
  // within 30 days. ~12,000 discharges: sd 0.41 points; the end of the window loses ~0.1 point.
  Scenario s = beds_only(2.0, 4.0, 80, 3000, 100);
  DischargeSettings d;
  d.pathway_share = {0, 1, 0, 0};
  s.discharge = d;
  s.reablement = DownstreamService{1'000'000, pfsim::engine::Distribution::gamma(14 * 1440.0, 10 * 1440.0), {0.5, 0, 0}, {}};
  std::vector<double> pct;
  for (std::uint64_t r = 0; r < 3; ++r) pct.push_back(run_replication(s, r)[Kpi::Readmission30dPct]);
  EXPECT_NEAR(pfsim::engine::summarise(pct).mean, 50.0 * std::sqrt(30.0 / 91.0), 1.0);
}
