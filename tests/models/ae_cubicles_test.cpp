// A&E cubicles and the minors stream (README "A&E cubicles and streams"): a limit that never binds changes nothing,
// minors never take a cubicle, fewer cubicles never shorten the time in A&E, boarders hold cubicles so fewer beds
// slow the patients still to be seen, and the midnight invariants hold with checks on. The Erlang C check of both
// mechanisms is a CLI test (scenarios/tests/mmc-cubicles-minors.yaml).
#include <gtest/gtest.h>

#include "pfsim/models/system.hpp"
#include "same_results.hpp"
#include "test_scenarios.hpp"

namespace pfsim::models {
namespace {

using testing::expect_bit_identical;
using testing::whole_system;

Scenario with_cubicles(Scenario s, int cubicles) {
  s.sites[0].ae->cubicles = cubicles;
  return s;
}

TEST(AeCubicles, ALimitThatNeverBindsChangesNothing) {
  const Scenario base = whole_system(false);
  for (std::uint64_t rep : {0, 1}) {
    SCOPED_TRACE(rep);
    expect_bit_identical(run_replication(base, rep), run_replication(with_cubicles(base, 1'000'000), rep));
  }
}

TEST(AeCubicles, FewerCubiclesNeverShortenTheTimeInAeAndChecksHold) {
  Scenario base = whole_system(false);
  base.run.check_invariants = true;
  double previous_time = 0, previous_4h = 101;
  for (int cubicles : {1'000'000, 20, 10, 6}) {
    SCOPED_TRACE(cubicles);
    const ReplicationResult r = run_replication(with_cubicles(base, cubicles), 0);
    EXPECT_GE(r[Kpi::AeMeanTimeMin], previous_time);
    EXPECT_LE(r[Kpi::Ae4hPct], previous_4h);
    EXPECT_EQ(r[Kpi::AeStillInDepartmentAtEnd], 0.0);
    previous_time = r[Kpi::AeMeanTimeMin];
    previous_4h = r[Kpi::Ae4hPct];
  }
  EXPECT_LT(previous_4h, run_replication(base, 0)[Kpi::Ae4hPct] - 1.0);  // 6 cubicles bind hard
}

// Everyone not admitted is minors: only admissions take a cubicle, so with one cubicle and few admissions the
// minors' times are those of the run without a limit while admissions queue.
TEST(AeCubicles, MinorsNeverTakeACubicle) {
  Scenario s = whole_system(false);
  s.ae.minors_share = {1.0, 1.0, 1.0};
  s.ae.admit_probability = {0.0, 0.0, 0.0};
  s.admission.direct_per_1000_per_year.clear();
  expect_bit_identical(run_replication(s, 0), run_replication(with_cubicles(s, 1), 0));
}

// Boarders keep their cubicle until a bed is found: with cubicles limited, cutting beds slows the majors still to be
// seen as well, so the mean time in A&E rises more than with no limit.
TEST(AeCubicles, BoardersHoldCubiclesSoFewerBedsSlowEveryone) {
  Scenario unlimited = whole_system(false);
  Scenario limited = with_cubicles(unlimited, 14);
  const auto time_in_ae = [](Scenario s, int beds) {
    s.sites[0].general_beds = beds;
    return run_replication(s, 0)[Kpi::AeMeanTimeMin];
  };
  const double unlimited_rise = time_in_ae(unlimited, 100) - time_in_ae(unlimited, 120);
  const double limited_rise = time_in_ae(limited, 100) - time_in_ae(limited, 120);
  EXPECT_GT(unlimited_rise, 0.0);
  EXPECT_GT(limited_rise, unlimited_rise);
}

}  // namespace
}  // namespace pfsim::models
