// Discharge timing (discharge.timing): the hour profile sets when in the day people leave, the weekday factors how
// many a weekend takes, and Little's law gives the bed-time the wait for the departure adds.
#include <gtest/gtest.h>

#include "pfsim/models/system.hpp"
#include "test_scenarios.hpp"

using namespace pfsim::models;
using namespace pfsim::models::testing;

namespace {
// Direct admissions 2/day, exponential stays of `los_days`, everyone home (P0), nobody waits for a bed.
Scenario home_only(double los_days, int beds, int days = 2000) {
  Scenario s = beds_only(2.0, los_days, beds, days, 60);
  DischargeSettings d;
  d.pathway_share = {1, 0, 0, 0};
  s.discharge = d;
  return s;
}

// Leaves between 10:00 and 11:00 (a quarter) or between 15:00 and 16:00 (three quarters).
DischargeTimingSettings ten_and_three(std::array<double, 7> weekday = {1, 1, 1, 1, 1, 1, 1}) {
  DischargeTimingSettings t;
  t.hour[10] = 1;
  t.hour[15] = 3;
  t.weekday = weekday;
  return t;
}
}  // namespace

TEST(DischargeTiming, DischargesFollowTheHourProfile) {
  // ~4,000 discharges: the share before noon is binomial(n, 0.25), sd 0.7 points. Every day takes everyone, so the
  // weekend has its 2 days in 7.
  Scenario s = home_only(4.0, 40);
  s.discharge->timing = ten_and_three();
  const ReplicationResult r = run_replication(s, 0);
  EXPECT_NEAR(r[Kpi::DischargesBeforeNoonPct], 25.0, 2.5);
  EXPECT_NEAR(r[Kpi::WeekendDischargesPct], 100.0 * 2 / 7, 2.5);
}

TEST(DischargeTiming, AWeekendTakesOnlyItsShareOfTheDaysLeavers) {
  // Saturday takes 65 % of those due that day and Sunday 55 %; one uniform per person, so nobody held on Saturday
  // goes on Sunday: the weekend has (0.65 + 0.55) / 7 = 17.1 % of the discharges. The hour profile is unchanged.
  Scenario s = home_only(4.0, 40);
  s.discharge->timing = ten_and_three({1, 1, 1, 1, 1, 0.65, 0.55});
  const ReplicationResult r = run_replication(s, 0);
  EXPECT_NEAR(r[Kpi::WeekendDischargesPct], 100.0 * 1.2 / 7, 2.0);
  EXPECT_NEAR(r[Kpi::DischargesBeforeNoonPct], 25.0, 2.5);
}

TEST(DischargeTiming, TheWaitForTheDepartureAddsItsMeanToEveryStay) {
  // Little's law: the same people (common random numbers) each stay E[departure − ready] longer, so 2/day × that
  // more beds are in use. Profile mean 14:15 → +2.25 h; weekend holds (Saturday 0.35 × 2 d + Sunday 0.45 × 1 d) / 7
  // = 0.164 d; 0.258 d in all → 0.516 beds. Stays of 10 days rarely end on the day of admission, where the
  // departure can move a day later (+~0.04 beds).
  const Scenario flat = home_only(10.0, 60, 3000);
  Scenario timed = flat;
  timed.discharge->timing = ten_and_three({1, 1, 1, 1, 1, 0.65, 0.55});
  const double beds_flat = run_replication(flat, 1)[Kpi::BedOccupancyPct] * 60 / 100;
  const double beds_timed = run_replication(timed, 1)[Kpi::BedOccupancyPct] * 60 / 100;
  EXPECT_NEAR(beds_timed - beds_flat, 0.516 + 0.04, 0.08);
}
