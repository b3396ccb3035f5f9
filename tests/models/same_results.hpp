#pragma once
// One assertion for "this option changes nothing": two replications agree on every KPI, series, table and count.
#include <gtest/gtest.h>

#include "pfsim/models/replication_result.hpp"

namespace pfsim::models::testing {

inline void expect_bit_identical(const ReplicationResult& a, const ReplicationResult& b) {
  for (std::size_t k = 0; k < kKpiCount; ++k) EXPECT_EQ(a.kpi[k], b.kpi[k]) << kpi_catalogue()[k].name;
  for (std::size_t k = 0; k < kDailyCount; ++k) EXPECT_EQ(a.daily[k], b.daily[k]) << daily_catalogue()[k].name;
  for (std::size_t k = 0; k < kKpiCount; ++k) EXPECT_EQ(a.by_site[k], b.by_site[k]) << kpi_catalogue()[k].name;
  for (std::size_t k = 0; k < kKpiCount; ++k) EXPECT_EQ(a.by_locality[k], b.by_locality[k]) << kpi_catalogue()[k].name;
  for (std::size_t k = 0; k < kMonthlyCount; ++k) EXPECT_EQ(a.monthly[k], b.monthly[k]) << monthly_catalogue()[k].name;
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.patients_created, b.patients_created);
}

}  // namespace pfsim::models::testing
