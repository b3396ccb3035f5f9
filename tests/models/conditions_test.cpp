// Why people are admitted (DESIGN §3 Conditions): the condition is drawn from each arrival's own stream, so adding
// conditions moves no other draw (common random numbers), and the counts follow the shares exactly at the extremes.
#include <gtest/gtest.h>

#include "pfsim/models/system.hpp"
#include "test_scenarios.hpp"

namespace pfsim::models {
namespace {

Scenario with_conditions(std::vector<double> falls, std::vector<double> chronic, std::vector<double> urgent) {
  Scenario s = testing::whole_system(false);
  s.admission.condition_shares = {std::move(falls), std::move(chronic), std::move(urgent)};
  return s;
}

bool is_condition_kpi(std::size_t k) { return kpi_catalogue()[k].module == KpiModule::Conditions; }

TEST(Conditions, DrawingThemChangesNoOtherResult) {
  const Scenario without = testing::whole_system(false);
  const Scenario with = with_conditions({0.02, 0.03, 0.1}, {0.03, 0.05, 0.12}, {0.2, 0.1, 0.15});
  for (std::uint64_t rep : {0, 1}) {
    const ReplicationResult a = run_replication(without, rep), b = run_replication(with, rep);
    for (std::size_t k = 0; k < kKpiCount; ++k) {
      if (is_condition_kpi(k)) continue;
      EXPECT_EQ(a.kpi[k], b.kpi[k]) << kpi_catalogue()[k].name;
    }
    for (std::size_t d = 0; d < kDailyCount; ++d) EXPECT_EQ(a.daily[d], b.daily[d]) << daily_catalogue()[d].name;
    EXPECT_GT(b[Kpi::FallsAdmissions65plus], 0.0);
    EXPECT_EQ(a[Kpi::FallsAdmissions65plus], 0.0) << "no conditions, no condition counts";
  }
}

// Every emergency admission of a band with share 1 has that condition: the count is that band's admissions, and the
// three conditions together are every emergency admission (bedded and same-day) when the shares leave no Other.
TEST(Conditions, SharesOfOneCountEveryAdmission) {
  const Scenario s = with_conditions({0.0, 0.0, 1.0}, {1.0, 0.0, 0.0}, {0.0, 1.0, 0.0});
  const ReplicationResult r = run_replication(s, 3);
  EXPECT_EQ(r[Kpi::FallsAdmissions65plus] + r[Kpi::AcscChronicAdmissions] + r[Kpi::AcscUrgentAdmissions], r[Kpi::NeaAll]);
  EXPECT_GT(r[Kpi::FallsAdmissions65plus], 0.0);
  EXPECT_GT(r[Kpi::AcscChronicAdmissions], 0.0);
}

}  // namespace
}  // namespace pfsim::models
