#include "pfsim/engine/simulator.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/engine/rng.hpp"

using namespace pfsim::engine;

TEST(Simulator, EqualTimeEventsRunFifo) {
  Simulator sim;
  std::vector<std::uint32_t> order;
  HandlerId h = sim.add_handler([&](std::uint32_t id) { order.push_back(id); });
  for (std::uint32_t i = 0; i < 50; ++i) sim.schedule_at(10.0, h, i);
  sim.run();
  ASSERT_EQ(order.size(), 50u);
  for (std::uint32_t i = 0; i < 50; ++i) EXPECT_EQ(order[i], i);
}

TEST(Simulator, ClockIsMonotoneAndRunUntilStopsAtTheLimit) {
  Simulator sim;
  double last = -1;
  int fired = 0;
  HandlerId h = 0;
  h = sim.add_handler([&](std::uint32_t) {
    EXPECT_GE(sim.now(), last);
    last = sim.now();
    ++fired;
    sim.schedule_in(7.0, h);
  });
  sim.schedule_at(0.0, h);
  sim.run_until(100.0);
  EXPECT_EQ(fired, 15);  // t = 0, 7, ..., 98
  EXPECT_DOUBLE_EQ(sim.now(), 100.0);
}

TEST(Simulator, CancelledEventDoesNotRun) {
  Simulator sim;
  std::vector<std::uint32_t> ran;
  HandlerId h = sim.add_handler([&](std::uint32_t id) { ran.push_back(id); });
  sim.schedule_at(1.0, h, 1);
  EventHandle second = sim.schedule_at(2.0, h, 2);
  sim.schedule_at(3.0, h, 3);
  sim.cancel(second);
  sim.run();
  EXPECT_EQ(ran, (std::vector<std::uint32_t>{1, 3}));
}

TEST(Simulator, SchedulingIntoThePastThrows) {
  Simulator sim;
  HandlerId h = sim.add_handler([](std::uint32_t) {});
  sim.schedule_at(5.0, h);
  sim.run();
  EXPECT_THROW(sim.schedule_at(4.0, h), EngineError);
}

TEST(Simulator, DailyCallbackFiresAtEachMidnightBeforeOtherEvents) {
  Simulator sim;
  std::vector<std::string> log;
  HandlerId h = sim.add_handler([&](std::uint32_t) { log.push_back("event"); });
  sim.schedule_at(1440.0, h);  // scheduled before the daily callback, at the same instant
  sim.every_day([&](std::int64_t day) { log.push_back("day" + std::to_string(day)); });
  sim.run_until(3 * 1440.0);
  // The daily event was scheduled later, so FIFO puts the model event first at t=1440.
  EXPECT_EQ(log, (std::vector<std::string>{"event", "day1", "day2", "day3"}));
}

namespace {
// A small stochastic model whose full event trace is returned, to check determinism.
std::vector<std::pair<double, std::uint32_t>> trace_of(std::uint64_t seed) {
  Simulator sim;
  Stream s(seed, 0, "trace");
  std::vector<std::pair<double, std::uint32_t>> trace;
  HandlerId h = 0;
  h = sim.add_handler([&](std::uint32_t id) {
    trace.emplace_back(sim.now(), id);
    if (trace.size() < 2000) sim.schedule_in(s.exponential(3.0), h, static_cast<std::uint32_t>(s.next_u64() % 10));
  });
  for (std::uint32_t i = 0; i < 10; ++i) sim.schedule_at(s.exponential(1.0), h, i);
  sim.run();
  return trace;
}
}  // namespace

TEST(Simulator, SameSeedGivesIdenticalEventTrace) {
  EXPECT_EQ(trace_of(42), trace_of(42));
  EXPECT_NE(trace_of(42), trace_of(43));
}
