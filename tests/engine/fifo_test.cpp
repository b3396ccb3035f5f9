#include "pfsim/engine/fifo.hpp"

#include <deque>

#include <gtest/gtest.h>

#include "pfsim/engine/rng.hpp"

using namespace pfsim::engine;

// The ring behaves exactly like std::deque used as a queue, through growth while wrapped around and long runs.
TEST(IdFifo, BehavesLikeADequeQueue) {
  IdFifo fifo;
  std::deque<std::uint32_t> reference;
  Stream s(9, 0, "fifo");
  std::uint32_t next = 0;
  for (int step = 0; step < 200000; ++step) {
    const double phase = (step / 20000) % 2 == 0 ? 0.6 : 0.4;  // queues build up, then drain
    if (reference.empty() || s.uniform() < phase) {
      fifo.push_back(next);
      reference.push_back(next++);
    } else {
      ASSERT_EQ(fifo.front(), reference.front()) << step;
      fifo.pop_front();
      reference.pop_front();
    }
    ASSERT_EQ(fifo.size(), reference.size());
    ASSERT_EQ(fifo.empty(), reference.empty());
    if (step % 9973 == 0) {
      ASSERT_EQ(fifo.to_vector(), std::vector<std::uint32_t>(reference.begin(), reference.end())) << step;
    }
  }
  EXPECT_GT(next, 100000u);
}
