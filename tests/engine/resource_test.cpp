#include "pfsim/engine/resource.hpp"

#include <vector>

#include <gtest/gtest.h>

using namespace pfsim::engine;

TEST(Resource, FifoQueueGrantsInArrivalOrder) {
  Simulator sim;
  std::vector<std::uint32_t> granted;
  HandlerId on_grant = sim.add_handler([&](std::uint32_t id) { granted.push_back(id); });
  Resource r(sim, "beds", 1, on_grant);
  EXPECT_TRUE(r.request(0));
  for (std::uint32_t i = 1; i <= 3; ++i) EXPECT_FALSE(r.request(i));
  HandlerId free = sim.add_handler([&](std::uint32_t) { r.release(); });
  for (int k = 1; k <= 3; ++k) sim.schedule_at(k, free);
  sim.run();
  EXPECT_EQ(granted, (std::vector<std::uint32_t>{1, 2, 3}));
}

TEST(Resource, PriorityQueueServesLowestPriorityValueFirst) {
  Simulator sim;
  std::vector<std::uint32_t> granted;
  HandlerId on_grant = sim.add_handler([&](std::uint32_t id) { granted.push_back(id); });
  Resource r(sim, "clinicians", 1, on_grant, QueueDiscipline::Priority);
  r.request(0);
  r.request(1, 3);
  r.request(2, 1);
  r.request(3, 1);
  r.request(4, 2);
  for (int k = 0; k < 4; ++k) {
    r.release();
    sim.run();
  }
  EXPECT_EQ(granted, (std::vector<std::uint32_t>{2, 3, 4, 1}));
}

TEST(Resource, CuttingCapacityNeverPreempts) {
  Simulator sim;
  HandlerId on_grant = sim.add_handler([](std::uint32_t) {});
  Resource r(sim, "beds", 3, on_grant);
  for (std::uint32_t i = 0; i < 3; ++i) ASSERT_TRUE(r.request(i));
  r.set_capacity(1);
  EXPECT_EQ(r.in_use(), 3);
  EXPECT_FALSE(r.request(9));
  r.release();
  r.release();
  EXPECT_EQ(r.in_use(), 1);  // still no room: capacity 1 is in use
  EXPECT_EQ(r.queue_length(), 1u);
  r.release();
  EXPECT_EQ(r.in_use(), 1);  // entity 9 granted
  EXPECT_EQ(r.queue_length(), 0u);
}

TEST(CapacitySchedule, HourOfWeekProfileAndDatedChangesAreHonoured) {
  Simulator sim;
  HandlerId on_grant = sim.add_handler([](std::uint32_t) {});
  Resource r(sim, "clinicians", 0, on_grant);
  CapacitySchedule schedule;
  schedule.hour_of_week.assign(168, 2);
  for (int d = 0; d < 7; ++d)
    for (int h = 9; h < 17; ++h) schedule.hour_of_week[static_cast<std::size_t>(d * 24 + h)] = (d < 5 ? 6 : 4);
  schedule.changes.push_back({10 * 1440.0 + 30, 5});  // day 10, 00:30: five more
  attach_schedule(sim, r, schedule, /*start_weekday=*/0);
  std::vector<std::int64_t> seen;
  HandlerId probe = sim.add_handler([&](std::uint32_t) { seen.push_back(r.capacity()); });
  for (double t : {8.5 * 60, 9.5 * 60, 5 * 1440.0 + 10 * 60, 10 * 1440.0 + 10, 10 * 1440.0 + 40, 10 * 1440.0 + 600})
    sim.schedule_at(t, probe);
  sim.run_until(11 * 1440.0);
  EXPECT_EQ(seen, (std::vector<std::int64_t>{2, 6, 4, 2, 7, 11}));
}

TEST(CapacitySchedule, DatedScalesMultiplyTheProfileRoundedThenChangesAdd) {
  Simulator sim;
  HandlerId on_grant = sim.add_handler([](std::uint32_t) {});
  Resource r(sim, "clinicians", 0, on_grant);
  CapacitySchedule schedule;
  schedule.hour_of_week.assign(168, 10);
  // From day 3 00:00 the rota is 0.95 (9.5 rounds to 10 away from zero), from day 5 10:00 it is 0.5; a ward of 2
  // opens on day 6.
  schedule.scales = {{0.0, 1.0}, {3 * 1440.0, 0.95}, {5 * 1440.0 + 600, 0.5}};
  schedule.changes.push_back({6 * 1440.0, 2});
  attach_schedule(sim, r, schedule, /*start_weekday=*/0);
  std::vector<std::int64_t> seen;
  HandlerId probe = sim.add_handler([&](std::uint32_t) { seen.push_back(r.capacity()); });
  for (double t : {1440.0, 3 * 1440.0 + 1, 5 * 1440.0 + 599, 5 * 1440.0 + 601, 6 * 1440.0 + 1}) sim.schedule_at(t, probe);
  sim.run_until(7 * 1440.0);
  EXPECT_EQ(seen, (std::vector<std::int64_t>{10, 10, 10, 5, 7}));
  schedule.scales = {{0.0, 0.84}};
  EXPECT_EQ(schedule.at(100.0, 0), 8) << "8.4 rounds to 8";
}

TEST(Resource, ExtraCapacityGrantsWaitingEntities) {
  Simulator sim;
  int granted = 0;
  HandlerId on_grant = sim.add_handler([&](std::uint32_t) { ++granted; });
  Resource r(sim, "beds", 0, on_grant);
  for (std::uint32_t i = 0; i < 4; ++i) r.request(i);
  r.set_capacity(3);
  sim.run();
  EXPECT_EQ(granted, 3);
  EXPECT_EQ(r.queue_length(), 1u);
}

TEST(Resource, ReleasingAnEmptyResourceIsAnError) {
  Simulator sim;
  Resource r(sim, "beds", 1, sim.add_handler([](std::uint32_t) {}));
  EXPECT_THROW(r.release(), EngineError);
}

// Reneging: an entity that gives up leaves the queue without disturbing the order of the others, and one that was
// already granted a unit (its grant event pending) cannot cancel.
TEST(Resource, CancelRemovesAWaitingEntityAndKeepsTheOrderOfTheRest) {
  for (const auto discipline : {QueueDiscipline::Fifo, QueueDiscipline::Priority}) {
    Simulator sim;
    std::vector<std::uint32_t> granted;
    HandlerId on_grant = sim.add_handler([&](std::uint32_t id) { granted.push_back(id); });
    Resource r(sim, "clinicians", 1, on_grant, discipline);
    ASSERT_TRUE(r.request(0));
    for (std::uint32_t i = 1; i <= 5; ++i) EXPECT_FALSE(r.request(i, i == 4 ? -1 : 0));
    EXPECT_TRUE(r.cancel(3));
    EXPECT_FALSE(r.cancel(3));   // already gone
    EXPECT_FALSE(r.cancel(0));   // holds the unit, is not waiting
    EXPECT_EQ(r.queue_length(), 4u);
    r.release();                 // grants the next one: its event is pending, so it can no longer cancel
    const std::uint32_t next = discipline == QueueDiscipline::Fifo ? 1 : 4;
    EXPECT_FALSE(r.cancel(next));
    EXPECT_EQ(r.queue_length(), 3u);
    for (int k = 0; k < 4; ++k) {
      sim.run();
      r.release();
    }
    sim.run();
    const std::vector<std::uint32_t> expected = discipline == QueueDiscipline::Fifo ? std::vector<std::uint32_t>{1, 2, 4, 5}
                                                                                  : std::vector<std::uint32_t>{4, 1, 2, 5};
    EXPECT_EQ(granted, expected);
    EXPECT_EQ(r.in_use(), 0);
  }
}

TEST(IdFifo, EraseKeepsOrderAcrossTheRingWrap) {
  IdFifo q;
  for (std::uint32_t i = 0; i < 12; ++i) q.push_back(i);
  for (int i = 0; i < 10; ++i) q.pop_front();        // head near the end of the 16-slot ring
  for (std::uint32_t i = 12; i < 20; ++i) q.push_back(i);  // wraps
  EXPECT_TRUE(q.erase(14));
  EXPECT_FALSE(q.erase(3));
  EXPECT_EQ(q.to_vector(), (std::vector<std::uint32_t>{10, 11, 12, 13, 15, 16, 17, 18, 19}));
}
