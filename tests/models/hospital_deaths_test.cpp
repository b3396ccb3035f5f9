// Deaths in hospital (admission.died_in_hospital): the stay ends in death where it would have reached medically fit,
// so it takes exactly the bed-time it would have, and a death is not a discharge (no pathway, delay or readmission).
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/engine/stats.hpp"
#include "pfsim/models/system.hpp"
#include "test_scenarios.hpp"

using namespace pfsim::models;
using namespace pfsim::models::testing;

TEST(HospitalDeaths, DeathsAreTheirShareOfStaysAndTakeTheBedTimeTheStayWouldHave) {
  // Direct admissions 2/day, LOS exponential 4 d, 30 beds, ~6,000 stays: deaths / (discharges + deaths) is
  // binomial(n, 0.1), sd 0.39 points.
  Scenario alive = beds_only(2.0, 4.0, 30, 3000, 100), dying = alive;
  dying.admission.died_in_hospital = {0.1};
  std::vector<double> share;
  for (std::uint64_t r = 0; r < 3; ++r) {
    const ReplicationResult a = run_replication(alive, r), d = run_replication(dying, r);
    EXPECT_EQ(a[Kpi::HospitalDeaths], 0.0);
    // Common random numbers: the same people, the same stays, the same beds; only how the stay ends differs.
    EXPECT_EQ(d[Kpi::BedOccupancyPct], a[Kpi::BedOccupancyPct]);
    EXPECT_EQ(d[Kpi::Nea], a[Kpi::Nea]);
    EXPECT_EQ(d[Kpi::TrolleyWaitMeanH], a[Kpi::TrolleyWaitMeanH]);
    EXPECT_GT(d[Kpi::HospitalDeaths], 400.0);
    share.push_back(d[Kpi::HospitalDeathsPct]);
  }
  const auto s = pfsim::engine::summarise(share);
  EXPECT_NEAR(s.mean, 10.0, 1.0);
}

TEST(HospitalDeaths, ADeathIsNeverDelayedDischargedOrReadmitted) {
  // Everyone admitted dies when the stay ends: no discharge pathway, so no delayed transfer of care, no reablement
  // cohort and no readmission; care homes fill only from the community.
  Scenario s = whole_system(false);
  s.admission.died_in_hospital = {1.0, 1.0, 1.0};
  const ReplicationResult r = run_replication(s, 0);
  EXPECT_GT(r[Kpi::HospitalDeaths], 1000.0);
  EXPECT_DOUBLE_EQ(r[Kpi::HospitalDeathsPct], 100.0);
  EXPECT_EQ(r[Kpi::DtocDays], 0.0);
  EXPECT_EQ(r[Kpi::Readmission30dPct], 0.0);
  EXPECT_EQ(r[Kpi::Reablement91dHomePct], 0.0);
  EXPECT_GT(r[Kpi::BedOccupancyPct], 0.0);
}
