#include "pfsim/engine/event_queue.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <queue>
#include <random>
#include <vector>

#include <gtest/gtest.h>

using pfsim::engine::earlier;
using pfsim::engine::Event;
using pfsim::engine::EventQueue;

namespace {

// The reference the event list must match exactly: a binary heap ordered by (time, seq).
struct Later {
  bool operator()(const Event& a, const Event& b) const { return earlier(b, a); }
};
using ReferenceQueue = std::priority_queue<Event, std::vector<Event>, Later>;

bool same_event(const Event& a, const Event& b) {
  return std::bit_cast<std::uint64_t>(a.time) == std::bit_cast<std::uint64_t>(b.time) && a.seq == b.seq &&
         a.handler == b.handler && a.entity == b.entity;
}

// A time at or after `now`, drawn from a mix that stresses the structure: exact ties with now and with each other
// (whole minutes, midnights), tiny and huge gaps, far-future and infinite times.
double draw_time(std::mt19937_64& gen, double now) {
  std::uniform_int_distribution<int> kind(0, 9);
  std::exponential_distribution<double> gap(1.0);
  switch (kind(gen)) {
    case 0: return now;
    case 1: return std::ceil(now) + static_cast<double>(gen() % 3);                   // whole minutes: many ties
    case 2: return (std::floor(now / 1440.0) + 1.0 + static_cast<double>(gen() % 2)) * 1440.0;  // midnights
    case 3: return now + gap(gen) * 1e-9;
    case 4: return now + gap(gen) * 1e6;
    case 5: return now + 1e12 + static_cast<double>(gen() % 4);
    case 6: return (gen() % 50 == 0) ? std::numeric_limits<double>::infinity() : now + 1e300;
    default: return now + gap(gen) * 10.0;
  }
}

// Drives the queue and the reference heap with the same operations and compares every pop and peek bit for bit.
// `next_time(gen, now, step)` draws a push time; with probability 1/8 a push instead lands between now and the
// current top (what the simulator does after run_until peeked past its limit), when the queue is not empty.
template <class NextTime>
void expect_same_as_reference(std::uint64_t seed, int steps, NextTime next_time, EventQueue& q) {
  std::mt19937_64 gen(seed);
  ReferenceQueue ref;
  std::uint64_t seq = 0;
  double now = 0;
  for (int step = 0; step < steps; ++step) {
    const auto op = gen() % 16;
    if (op < 7 || ref.empty()) {
      double t = next_time(gen, now, step);
      if (op == 0 && !ref.empty()) {
        const double top = q.top().time;
        ASSERT_TRUE(same_event(q.top(), ref.top())) << "seed " << seed << " peek before push at step " << step;
        if (std::isfinite(top) && std::isfinite(now))
          t = now + (top - now) * std::uniform_real_distribution<double>(0, 1)(gen);
      }
      const Event e{t, seq++, static_cast<std::uint32_t>(gen() % 5), static_cast<std::uint32_t>(gen())};
      q.push(e);
      ref.push(e);
    } else if (op < 15) {
      const Event got = q.pop();
      const Event want = ref.top();
      ref.pop();
      ASSERT_TRUE(same_event(got, want)) << "seed " << seed << " step " << step << ": got (" << got.time << ", "
                                         << got.seq << ") want (" << want.time << ", " << want.seq << ")";
      now = got.time;
    } else {
      ASSERT_TRUE(same_event(q.top(), ref.top())) << "seed " << seed << " peek at step " << step;
    }
    ASSERT_EQ(q.size(), ref.size());
  }
  while (!ref.empty()) {
    ASSERT_TRUE(same_event(q.pop(), ref.top())) << "seed " << seed << " drain";
    ref.pop();
  }
  EXPECT_TRUE(q.empty());
}

}  // namespace

TEST(EventQueue, PopsInTimeOrderForRandomInput) {
  EventQueue q;
  std::mt19937_64 gen(7);
  std::uniform_real_distribution<double> u(0, 1000);
  std::vector<double> times;
  for (std::uint64_t i = 0; i < 5000; ++i) {
    double t = u(gen);
    times.push_back(t);
    q.push(Event{t, i, 0, 0});
  }
  std::sort(times.begin(), times.end());
  for (double expected : times) {
    ASSERT_FALSE(q.empty());
    EXPECT_EQ(q.pop().time, expected);
  }
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, EqualTimesPopInInsertionOrder) {
  EventQueue q;
  for (std::uint32_t i = 0; i < 100; ++i) q.push(Event{i % 3 == 0 ? 5.0 : 1.0, i, 0, i});
  std::vector<std::uint32_t> at_one, at_five;
  while (!q.empty()) {
    Event e = q.pop();
    (e.time == 1.0 ? at_one : at_five).push_back(e.entity);
  }
  EXPECT_TRUE(std::is_sorted(at_one.begin(), at_one.end()));
  EXPECT_TRUE(std::is_sorted(at_five.begin(), at_five.end()));
  EXPECT_EQ(at_five.size(), 34u);
}

TEST(EventQueue, InterleavedPushPopKeepsHeapOrder) {
  EventQueue q;
  std::mt19937_64 gen(11);
  std::exponential_distribution<double> e(1.0);
  std::uint64_t seq = 0;
  for (int i = 0; i < 1000; ++i) q.push(Event{e(gen), seq++, 0, 0});
  double last = 0;
  for (int i = 0; i < 20000; ++i) {
    Event top = q.pop();
    ASSERT_GE(top.time, last);
    last = top.time;
    q.push(Event{top.time + e(gen), seq++, 0, 0});
  }
}

// Simulator-like use (pushes at or after the last pop, peeks, bursts and drains) against the reference heap,
// event by event, bit for bit.
TEST(EventQueue, MatchesTheTimeSeqHeapExactlyUnderRandomDesLikeUse) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    EventQueue q;
    expect_same_as_reference(seed, 20000, [](std::mt19937_64& gen, double now, int) { return draw_time(gen, now); }, q);
  }
}

// Pushes earlier than what was already popped or peeked (the rebuild path), negative times and -0 vs +0 ties.
TEST(EventQueue, MatchesTheTimeSeqHeapExactlyForArbitraryPushOrder) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 gen(seed * 977);
    std::uniform_real_distribution<double> u(-100, 100);
    EventQueue q;
    ReferenceQueue ref;
    std::uint64_t seq = 0;
    for (int step = 0; step < 5000; ++step) {
      const auto op = gen() % 8;
      if (op < 4 || ref.empty()) {
        double t = u(gen);
        if (gen() % 4 == 0) t = std::round(t / 25.0) * 25.0;  // ties, including -0.0 from rounding small negatives
        if (gen() % 20 == 0) t = (gen() % 2) ? -0.0 : 0.0;
        const Event e{t, seq++, 0, static_cast<std::uint32_t>(step)};
        q.push(e);
        ref.push(e);
      } else if (op < 7) {
        ASSERT_TRUE(same_event(q.pop(), ref.top())) << "seed " << seed << " step " << step;
        ref.pop();
      } else {
        ASSERT_TRUE(same_event(q.top(), ref.top())) << "seed " << seed << " step " << step;
      }
    }
    while (!ref.empty()) {
      ASSERT_TRUE(same_event(q.pop(), ref.top())) << "seed " << seed << " drain";
      ref.pop();
    }
  }
}

TEST(EventQueue, ClearEmptiesAndTheQueueIsReusable) {
  EventQueue q;
  for (std::uint64_t i = 0; i < 100; ++i) q.push(Event{static_cast<double>(100 - i), i, 0, 0});
  EXPECT_EQ(q.pop().time, 1.0);
  q.clear();
  EXPECT_TRUE(q.empty());
  q.push(Event{0.5, 200, 0, 7});
  q.push(Event{0.25, 201, 0, 8});
  EXPECT_EQ(q.pop().entity, 8u);
  EXPECT_EQ(q.pop().entity, 7u);
  EXPECT_TRUE(q.empty());
}

// Mostly near events with a share days to centuries ahead and infinity, with exact ties among the far times, and
// pushes into the earliest pending time.
TEST(EventQueue, MatchesTheTimeSeqHeapExactlyWithFarFutureEventsAndTies) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    EventQueue q;
    expect_same_as_reference(
        seed * 31, 40000,
        [](std::mt19937_64& gen, double now, int) {
          std::exponential_distribution<double> gap(1.0);
          switch (gen() % 12) {
            case 0: return now + gap(gen) * 1e4;   // days ahead
            case 1: return now + gap(gen) * 1e7;   // years ahead
            case 2: return std::floor(now / 4096.0 + 1.0 + static_cast<double>(gen() % 3)) * 4096.0;  // far ties
            case 3: return (gen() % 8 == 0) ? std::numeric_limits<double>::infinity() : now + 1e300;
            case 4: return now;  // into the open bucket
            default: return now + gap(gen) * 3.0;
          }
        },
        q);
  }
}

// Times on coarse binary grids tie exactly and sit on power-of-two boundaries (where a bucketed or bit-sliced queue
// splits), times just below them, tiny gaps (1e-9) and exact repeats of now.
TEST(EventQueue, MatchesTheTimeSeqHeapExactlyForTiesOnBinaryBoundariesAndTinyGaps) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    EventQueue q;
    expect_same_as_reference(
        seed * 101, 40000,
        [](std::mt19937_64& gen, double now, int) {
          const double grid = std::ldexp(1.0, static_cast<int>(gen() % 12) - 6);  // 1/64 .. 32
          switch (gen() % 4) {
            case 0: return (std::floor(now / grid) + static_cast<double>(gen() % 4)) * grid;
            case 1: return now + 1e-9 * static_cast<double>(gen() % 3);
            case 2: return std::nextafter(std::ceil(now / grid) * grid, -1.0);  // just below a boundary
            default: return std::ceil(now / grid) * grid;
          }
        },
        q);
  }
}

// A burst of thousands of events in one short span after a sparse phase, and a burst at one single time.
TEST(EventQueue, MatchesTheTimeSeqHeapExactlyThroughBursts) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    EventQueue q;
    expect_same_as_reference(
        seed * 7, 40000,
        [](std::mt19937_64& gen, double now, int step) {
          const int phase = (step / 5000) % 4;
          if (phase == 1) return now + std::uniform_real_distribution<double>(0, 1e-2)(gen);
          if (phase == 3) return std::floor(now) + 1.0;
          return now + std::exponential_distribution<double>(1.0)(gen) * 10.0;
        },
        q);
  }
}

// Negative times, -0/+0, -infinity and arbitrary order after a dense phase, with events far ahead pending.
TEST(EventQueue, MatchesTheTimeSeqHeapExactlyForArbitraryPushOrderAfterADensePhase) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    EventQueue q;
    expect_same_as_reference(
        seed * 13, 30000,
        [](std::mt19937_64& gen, double now, int step) {
          if (step < 15000) return now + std::exponential_distribution<double>(1.0)(gen) * 1e-4;
          switch (gen() % 5) {
            case 0: return std::uniform_real_distribution<double>(-1e3, 1e3)(gen);
            case 1: return (gen() % 2) ? -0.0 : 0.0;
            case 2: return now + 1e9;
            case 3: return -std::numeric_limits<double>::infinity();
            default: return now + std::exponential_distribution<double>(1.0)(gen);
          }
        },
        q);
  }
}
