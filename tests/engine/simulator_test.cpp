#include "pfsim/engine/simulator.hpp"

#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <queue>
#include <random>
#include <set>
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

namespace {
// What the simulator must do, written the obvious way: a (time, seq) binary heap, cancellations in a set.
class ReferenceSimulator {
 public:
  std::uint64_t schedule_at(double at, std::uint32_t entity) {
    queue_.push(Event{at, seq_, 0, entity});
    return seq_++;
  }
  void cancel(std::uint64_t seq) { cancelled_.insert(seq); }
  template <class Body>
  void run_until(double until, Body&& body) {
    while (!queue_.empty() && queue_.top().time <= until) {
      const Event e = queue_.top();
      queue_.pop();
      if (cancelled_.count(e.seq) != 0) continue;
      now_ = e.time;
      body(e.entity);
    }
    if (until > now_ && until < std::numeric_limits<double>::infinity()) now_ = until;
  }
  double now() const { return now_; }

 private:
  struct Later {
    bool operator()(const Event& a, const Event& b) const { return earlier(b, a); }
  };
  std::priority_queue<Event, std::vector<Event>, Later> queue_;
  std::set<std::uint64_t> cancelled_;
  std::uint64_t seq_ = 0;
  double now_ = 0;
};

// A random model run in slices by run_until, with scheduling and cancelling both inside handlers and between slices;
// returns the trace (time, entity) of every event that ran.
template <class Sim, class Schedule, class Cancel, class RunUntil>
std::vector<std::pair<double, std::uint32_t>> random_model_trace(std::uint64_t seed, Sim& sim, Schedule schedule,
                                                                 Cancel cancel, RunUntil run_until) {
  std::mt19937_64 gen(seed);
  std::exponential_distribution<double> gap(1.0);
  std::vector<std::pair<double, std::uint32_t>> trace;
  std::vector<std::uint64_t> handles;
  const auto next_time = [&](double now) {
    switch (gen() % 6) {
      case 0: return now;                                     // same instant: FIFO tie
      case 1: return std::floor(now) + 1.0;                   // whole minutes: ties between events
      case 2: return now + gap(gen) * 1e7;                    // far future
      default: return now + gap(gen) * 5.0;
    }
  };
  const auto body = [&](std::uint32_t entity) {
    trace.emplace_back(sim.now(), entity);
    if (trace.size() > 30000) return;
    const auto children = gen() % 4;  // 0-3 follow-ups: the pending count grows until the trace is long enough
    for (std::uint64_t c = 0; c < children; ++c)
      handles.push_back(schedule(next_time(sim.now()), static_cast<std::uint32_t>(gen() % 1000)));
    if (gen() % 10 == 0 && !handles.empty()) cancel(handles[gen() % handles.size()]);
  };
  for (std::uint32_t i = 0; i < 200; ++i) handles.push_back(schedule(next_time(0.0), i));
  for (double until = 1.0; until < 400.0; until += 1.0 + static_cast<double>(gen() % 7)) {
    run_until(until, body);
    // Between slices the clock stands at `until`, possibly before the next pending event.
    handles.push_back(schedule(sim.now() + (gen() % 2 ? 0.0 : gap(gen) * 0.5), 5000));
  }
  run_until(std::numeric_limits<double>::infinity(), body);
  return trace;
}
}  // namespace

TEST(Simulator, RunsTheSameEventsInTheSameOrderAsAReferenceTimeSeqHeap) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    Simulator sim;
    std::function<void(std::uint32_t)> body;
    HandlerId h = sim.add_handler([&](std::uint32_t e) { body(e); });
    const auto got = random_model_trace(
        seed, sim, [&](double at, std::uint32_t e) { return sim.schedule_at(at, h, e).seq; },
        [&](std::uint64_t seq) { sim.cancel(EventHandle{seq}); },
        [&](double until, auto& b) {
          body = b;
          sim.run_until(until);
        });
    ReferenceSimulator ref;
    const auto want = random_model_trace(
        seed, ref, [&](double at, std::uint32_t e) { return ref.schedule_at(at, e); },
        [&](std::uint64_t seq) { ref.cancel(seq); }, [&](double until, auto& b) { ref.run_until(until, b); });
    ASSERT_GT(want.size(), 5000u);
    ASSERT_EQ(got.size(), want.size()) << "seed " << seed;
    for (std::size_t i = 0; i < want.size(); ++i) {
      ASSERT_EQ(std::bit_cast<std::uint64_t>(got[i].first), std::bit_cast<std::uint64_t>(want[i].first))
          << "seed " << seed << " event " << i;
      ASSERT_EQ(got[i].second, want[i].second) << "seed " << seed << " event " << i;
    }
  }
}

// Handlers are stored as type-erased objects allocated once: a move-only handler (which std::function cannot hold)
// is accepted, and a stateful handler keeps its state at a stable address while many more handlers are registered.
TEST(Simulator, HandlersMayBeMoveOnlyAndKeepTheirStateAsMoreAreAdded) {
  Simulator sim;
  std::vector<std::uint32_t> seen;
  auto box = std::make_unique<int>(40);
  const HandlerId move_only = sim.add_handler(
      [&seen, b = std::move(box)](std::uint32_t id) { seen.push_back(id + static_cast<std::uint32_t>(*b)); });
  int calls = 0;
  const HandlerId counter = sim.add_handler([&calls, own = 0](std::uint32_t) mutable { calls = ++own; });
  for (int i = 0; i < 100; ++i) sim.add_handler([](std::uint32_t) {});
  for (int i = 0; i < 5; ++i) sim.schedule_at(static_cast<double>(i), counter);
  sim.schedule_at(2.5, move_only, 2);
  sim.run();
  EXPECT_EQ(calls, 5);
  EXPECT_EQ(seen, std::vector<std::uint32_t>{42});
}
