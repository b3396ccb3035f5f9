// Common random numbers (DESIGN §6): options that change capacity see the same patients, so paired
// comparisons are much sharper than comparisons of independent runs.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/engine/stats.hpp"
#include "pfsim/models/system.hpp"
#include "test_scenarios.hpp"

using namespace pfsim::models;
using namespace pfsim::models::testing;

TEST(CommonRandomNumbers, BedCountOptionSeesIdenticalArrivalsEveryDay) {
  Scenario base = whole_system(false), option = whole_system(false);
  option.sites[0].general_beds -= 30;
  for (std::uint64_t r = 0; r < 3; ++r) {
    const ReplicationResult a = run_replication(base, r), b = run_replication(option, r);
    EXPECT_EQ(a.daily[static_cast<std::size_t>(Daily::AeAttendances)], b.daily[static_cast<std::size_t>(Daily::AeAttendances)]);
    EXPECT_EQ(a[Kpi::GpUnmetAppointments], b[Kpi::GpUnmetAppointments]);
    EXPECT_NE(a[Kpi::TrolleyWaitMeanH], b[Kpi::TrolleyWaitMeanH]);
  }
}

TEST(CommonRandomNumbers, PairedDifferenceCiIsNarrowerThanUnpaired) {
  Scenario base = whole_system(false), option = whole_system(false);
  option.sites[0].general_beds -= 20;
  const int n = 10;
  std::vector<double> paired, base_values, independent_option_values;
  for (int r = 0; r < n; ++r) {
    const double b = run_replication(base, static_cast<std::uint64_t>(r))[Kpi::BedOccupancyPct];
    const double o_same = run_replication(option, static_cast<std::uint64_t>(r))[Kpi::BedOccupancyPct];
    const double o_independent = run_replication(option, static_cast<std::uint64_t>(1000 + r))[Kpi::BedOccupancyPct];
    paired.push_back(o_same - b);
    base_values.push_back(b);
    independent_option_values.push_back(o_independent);
  }
  const double paired_half = pfsim::engine::ci_half_width(paired);
  // Unpaired (Welch) half-width of the difference of two independent means.
  const auto sb = pfsim::engine::summarise(base_values), so = pfsim::engine::summarise(independent_option_values);
  const double se = std::sqrt(sb.sd * sb.sd / n + so.sd * so.sd / n);
  const double unpaired_half = pfsim::engine::student_t_quantile(0.95, 2 * n - 2) * se;
  EXPECT_LT(paired_half, 0.5 * unpaired_half) << "paired " << paired_half << " unpaired " << unpaired_half;
}
