#include "pfsim/engine/invariants.hpp"

#include <gtest/gtest.h>

#include "pfsim/engine/resource.hpp"
#include "pfsim/engine/rng.hpp"

using namespace pfsim::engine;

TEST(Invariants, ClockMayStandStillOrAdvanceButNeverRunBackwards) {
  EXPECT_NO_THROW(check_clock_advance(10.0, 10.0));
  EXPECT_NO_THROW(check_clock_advance(10.0, 11.0));
  EXPECT_THROW(check_clock_advance(10.0, 9.5), InvariantError);
  EXPECT_THROW(check_clock_advance(10.0, std::numeric_limits<double>::quiet_NaN()), InvariantError);
}

TEST(Invariants, ResourceMustNotIdleWhileSomeoneWaits) {
  EXPECT_NO_THROW(check_resource_counts("beds", 5, 5, 3));
  EXPECT_NO_THROW(check_resource_counts("beds", 6, 4, 2));  // above capacity after a cut: allowed, cuts never pre-empt
  EXPECT_NO_THROW(check_resource_counts("beds", 2, 5, 0));
  try {
    check_resource_counts("beds/Southend", 3, 5, 1);
    FAIL() << "expected InvariantError";
  } catch (const InvariantError& e) {
    EXPECT_STREQ(e.what(), "invariant broken: resource beds/Southend has 2 of 5 units free while 1 wait");
  }
  EXPECT_THROW(check_resource_counts("beds", -1, 5, 0), InvariantError);
  EXPECT_THROW(check_resource_counts("beds", 0, -1, 0), InvariantError);
}

TEST(Invariants, OnByDefaultOnlyInDebugBuilds) {
  Simulator sim;
  EXPECT_EQ(sim.invariant_checks(), kInvariantChecksByDefault);
  sim.set_invariant_checks(!kInvariantChecksByDefault);
  EXPECT_EQ(sim.invariant_checks(), !kInvariantChecksByDefault);
}

// A queue whose capacity follows a rota (so cuts happen with people waiting) runs clean with checks on,
// and the checks do not change a single event.
TEST(Invariants, CheckedRunOfAScheduledQueueIsCleanAndIdenticalToUnchecked) {
  auto run = [](bool checked) {
    Simulator sim;
    sim.set_invariant_checks(checked);
    Stream rng(7, 0, "invariants");
    std::vector<double> grants;
    HandlerId done = 0;
    HandlerId granted = sim.add_handler([&](std::uint32_t id) {
      grants.push_back(sim.now());
      sim.schedule_in(rng.exponential(30.0), done, id);
    });
    Resource r(sim, "clinicians", 3, granted);
    done = sim.add_handler([&](std::uint32_t) { r.release(); });
    CapacitySchedule rota;
    rota.hour_of_week.resize(168);
    for (std::size_t h = 0; h < 168; ++h) rota.hour_of_week[h] = h % 24 < 8 ? 1 : 4;
    attach_schedule(sim, r, rota, 0);
    HandlerId arrive = 0;
    std::uint32_t next_id = 0;
    arrive = sim.add_handler([&](std::uint32_t) {
      const std::uint32_t id = next_id++;
      if (r.request(id)) {
        grants.push_back(sim.now());
        sim.schedule_in(rng.exponential(30.0), done, id);
      }
      sim.schedule_in(rng.exponential(10.0), arrive, 0);
    });
    sim.schedule_at(0.0, arrive, 0);
    sim.run_until(7 * kMinutesPerDay);
    return grants;
  };
  std::vector<double> checked;
  ASSERT_NO_THROW(checked = run(true));
  EXPECT_GT(checked.size(), 500u);
  EXPECT_EQ(checked, run(false));
}
