// Leaving without being seen, priority by acuity and type 1 / type 3 attendances (README "A&E cubicles and
// streams"): patience shortens nobody's wait but the leavers', the sicker patients are seen first, leavers free their
// cubicle, and the type 1 4-hour % leaves out a type 3 stream. The Erlang A and conservation-law checks are CLI tests
// (scenarios/tests/mmc-abandonment.yaml, cli.mmc_acuity_priority_*).
#include <gtest/gtest.h>


#include "pfsim/models/system.hpp"
#include "test_scenarios.hpp"

namespace pfsim::models {
namespace {

using testing::whole_system;

// Patience 0: none. Beds never run out, so A&E's own queue is all there is.
Scenario busy_ae(double patience_min, bool acuity) {
  Scenario s = whole_system(false);
  s.sites[0].general_beds = 100'000;
  s.sites[0].ae->clinicians.weekday.fill(7);  // queues form every day
  s.sites[0].ae->clinicians.weekend.fill(7);
  if (patience_min > 0) s.ae.patience = engine::Distribution::exponential(patience_min);
  s.ae.acuity_priority = acuity;
  return s;
}

TEST(AeLeaving, NobodyLeavesWithoutAPatienceAndLongerPatienceMeansFewerLeave) {
  EXPECT_EQ(run_replication(busy_ae(0, false), 0)[Kpi::AeLeftWithoutBeingSeenPct], 0.0);
  double previous = 100;
  for (double patience : {10.0, 30.0, 120.0, 600.0}) {
    SCOPED_TRACE(patience);
    const ReplicationResult r = run_replication(busy_ae(patience, false), 0);
    EXPECT_LT(r[Kpi::AeLeftWithoutBeingSeenPct], previous);
    EXPECT_GT(r[Kpi::AeLeftWithoutBeingSeenPct], 0.0);
    previous = r[Kpi::AeLeftWithoutBeingSeenPct];
  }
}

TEST(AeLeaving, LeaversShortenTheQueueForEveryoneElse) {
  // A patience nobody reaches draws the same numbers (common random numbers) and changes nothing else.
  const ReplicationResult stay = run_replication(busy_ae(1e9, false), 0), leave = run_replication(busy_ae(30, false), 0);
  EXPECT_EQ(stay[Kpi::AeLeftWithoutBeingSeenPct], 0.0);
  EXPECT_LT(leave[Kpi::AeMeanTimeMin], stay[Kpi::AeMeanTimeMin]);
  EXPECT_GT(leave[Kpi::Ae4hPct], stay[Kpi::Ae4hPct]);
}

TEST(AeLeaving, SeeingTheSickerFirstMakesTheOthersWaitLongerSoMoreOfThemLeave) {
  // A third to a half admitted (seen first under acuity), the rest may leave; the same patients in both orders.
  const auto with_order = [](bool acuity) {
    Scenario s = busy_ae(60, acuity);
    s.ae.admit_probability = {0.3, 0.4, 0.5};
    return s;
  };
  double fifo = 0, acuity = 0;
  for (std::uint64_t rep : {0, 1, 2}) {
    fifo += run_replication(with_order(false), rep)[Kpi::AeLeftWithoutBeingSeenPct];
    acuity += run_replication(with_order(true), rep)[Kpi::AeLeftWithoutBeingSeenPct];
  }
  EXPECT_GT(acuity, 1.1 * fifo);  // ~1.15 here; exactly 1 if the order were ignored
}

TEST(AeLeaving, LeaversGiveBackTheirCubicleAndTheInvariantsHold) {
  Scenario s = busy_ae(30, true);
  s.sites[0].ae->cubicles = 6;
  s.run.check_invariants = true;
  const ReplicationResult r = run_replication(s, 0);
  EXPECT_GT(r[Kpi::AeLeftWithoutBeingSeenPct], 0.0);
  EXPECT_EQ(r[Kpi::AeStillInDepartmentAtEnd], 0.0);
}

TEST(AeLeaving, TypeOneLeavesOutATypeThreeMinorsStream) {
  Scenario s = busy_ae(0, false);
  s.ae.minors_share = {0.7, 0.6, 0.4};
  s.sites[0].ae->minors = MinorsStream{};
  s.sites[0].ae->minors->clinicians.weekday.fill(3);
  s.sites[0].ae->minors->clinicians.weekend.fill(3);
  s.sites[0].ae->minors->treatment = engine::Distribution::lognormal(20, 15);
  const ReplicationResult type1 = run_replication(s, 0);
  EXPECT_DOUBLE_EQ(type1[Kpi::Ae4hType1Pct], type1[Kpi::Ae4hPct]);  // a type 1 minors stream: one department
  s.sites[0].ae->minors->department_type = 3;
  const ReplicationResult type3 = run_replication(s, 0);
  EXPECT_DOUBLE_EQ(type3[Kpi::Ae4hPct], type1[Kpi::Ae4hPct]);  // the same patients and times, counted apart
  EXPECT_LT(type3[Kpi::Ae4hType1Pct], type3[Kpi::Ae4hPct]);    // minors rarely breach; majors carry the breaches
}

TEST(AeLeaving, PercentilesAndTwelveHourMeasuresAreOrdered) {
  const ReplicationResult r = run_replication(busy_ae(0, false), 0);
  EXPECT_GT(r[Kpi::AeTimeMedianMin], 0.0);
  EXPECT_LT(r[Kpi::AeTimeMedianMin], r[Kpi::AeMeanTimeMin]);  // a right-skewed time in department
  EXPECT_GT(r[Kpi::AeTimeP95Min], r[Kpi::AeMeanTimeMin]);
  EXPECT_LE(r[Kpi::Ae12hFromArrivalPct], 100.0 - r[Kpi::Ae4hPct]);  // over 12 hours is over 4 hours
}

}  // namespace
}  // namespace pfsim::models
