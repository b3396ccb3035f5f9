#include "pfsim/engine/rng.hpp"

#include <vector>

#include <gtest/gtest.h>

using namespace pfsim::engine;

TEST(Stream, SameSeedAndNameGiveSameSequence) {
  Stream a(1, 2, "arrivals/West"), b(1, 2, "arrivals/West");
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.next_u64(), b.next_u64());
}

TEST(Stream, DifferentNameReplicationOrMasterGiveDifferentSequences) {
  Stream base(1, 2, "los");
  const auto first = base.next_u64();
  EXPECT_NE(Stream(1, 2, "pathway").next_u64(), first);
  EXPECT_NE(Stream(1, 3, "los").next_u64(), first);
  EXPECT_NE(Stream(2, 2, "los").next_u64(), first);
}

TEST(Stream, DrawingMoreFromOneStreamLeavesAnotherUnchanged) {
  auto draws_of_b = [](int draws_from_a) {
    Stream a(5, 0, "a"), b(5, 0, "b");
    std::vector<double> out;
    for (int i = 0; i < 100; ++i) {
      for (int k = 0; k < draws_from_a; ++k) a.uniform();
      out.push_back(b.uniform());
    }
    return out;
  };
  EXPECT_EQ(draws_of_b(1), draws_of_b(7));
}

TEST(Stream, EntityStreamsAreReproducibleAndDistinct) {
  Stream p1 = Stream::for_entity(9, 0, "patient", 17), p1_again = Stream::for_entity(9, 0, "patient", 17);
  Stream p2 = Stream::for_entity(9, 0, "patient", 18);
  const double x = p1.uniform();
  EXPECT_EQ(x, p1_again.uniform());
  EXPECT_NE(x, p2.uniform());
}

TEST(Stream, UniformIsOpenIntervalWithCorrectMean) {
  Stream s(3, 0, "u");
  double sum = 0;
  const int n = 1000000;
  for (int i = 0; i < n; ++i) {
    double u = s.uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 5 * std::sqrt(1.0 / 12 / n));
}

TEST(Stream, PoissonMeanAndVarianceMatch) {
  for (double mean : {0.5, 12.0, 180.0, 2500.0}) {
    Stream s(3, 0, "poisson");
    double sum = 0, sum2 = 0;
    const int n = 50000;
    for (int i = 0; i < n; ++i) {
      double k = static_cast<double>(s.poisson(mean));
      sum += k;
      sum2 += k * k;
    }
    const double m = sum / n, v = sum2 / n - m * m;
    EXPECT_NEAR(m, mean, 5 * std::sqrt(mean / n)) << mean;
    EXPECT_NEAR(v, mean, 0.05 * mean) << mean;
  }
}

// StreamFamily is only a faster way to build Stream::for_entity streams: every entity must get the very same draws.
TEST(StreamFamily, EntityStreamsAreTheForEntityStreams) {
  for (std::uint64_t replication : {0u, 3u})
    for (const char* name : {"patient/ae/West", "route/patient/direct/Canvey", ""}) {
      const StreamFamily family(42, replication, name);
      for (std::uint64_t entity : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{123456789}, ~std::uint64_t{0} - 1}) {
        Stream a = family.entity(entity);
        Stream b = Stream::for_entity(42, replication, name, entity);
        for (int i = 0; i < 8; ++i) ASSERT_EQ(a.next_u64(), b.next_u64()) << name << ' ' << entity;
      }
      // And a different entity is a different stream.
      EXPECT_NE(family.entity(1).next_u64(), family.entity(2).next_u64());
    }
}
