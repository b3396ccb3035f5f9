#include "pfsim/models/patient.hpp"

#include <gtest/gtest.h>

using namespace pfsim::models;

namespace {
void expect_in_step(const PatientPool& pool) {
  ASSERT_EQ(pool.stages().size(), pool.all().size());
  for (std::uint32_t id = 0; id < pool.all().size(); ++id) EXPECT_EQ(pool.stages()[id], pool[id].stage()) << id;
}
}  // namespace

// The stage array the midnight walk reads agrees with the records through acquire, both setters, release and reuse.
TEST(PatientPool, StageArrayFollowsEveryRecord) {
  PatientPool pool;
  const std::uint32_t a = pool.acquire(), b = pool.acquire(), c = pool.acquire();
  expect_in_step(pool);
  pool.set_stage(pool[a], Stage::InAe);
  pool.set_stage(b, Stage::InBed);
  pool.set_stage(pool[c], Stage::Delayed);
  expect_in_step(pool);
  EXPECT_EQ(pool.stages()[b], Stage::InBed);
  pool.release(b);
  expect_in_step(pool);
  EXPECT_EQ(pool.stages()[b], Stage::Free);
  const std::uint32_t d = pool.acquire();  // LIFO reuse of b's record
  EXPECT_EQ(d, b);
  pool[d] = Patient(pfsim::engine::Stream(1, 0, "x"));  // a fresh record is Free, as the reused slot is
  expect_in_step(pool);
  pool.set_stage(pool[d], Stage::AwaitingCareHome);
  for (int i = 0; i < 1000; ++i) pool.set_stage(pool.acquire(), Stage::AtHome);  // growth reallocates the records
  pool.set_stage(pool[a], Stage::InCareHome);
  expect_in_step(pool);
  EXPECT_EQ(pool.created(), 1004u);
  EXPECT_EQ(pool.released(), 1u);
}
