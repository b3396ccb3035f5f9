#include "pfsim/engine/event_queue.hpp"

#include <algorithm>
#include <random>
#include <vector>

#include <gtest/gtest.h>

using pfsim::engine::Event;
using pfsim::engine::EventQueue;

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
