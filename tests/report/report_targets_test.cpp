// The standard a chart draws follows the run's financial year: 2019/20 runs are held to the NHS Constitution's 95 %
// four-hour and 92 % RTT standards, 2025/26 runs to that year's planning guidance (78 %, 65 %).
#include <gtest/gtest.h>

#include "report_targets.hpp"

namespace pfsim::output {
namespace {

TEST(ReportTargets, EachRunIsHeldToItsFinancialYearsStandard) {
  EXPECT_EQ(financial_year("2019-04-01"), 2019);
  EXPECT_EQ(financial_year("2026-03-31"), 2025);
  EXPECT_EQ(financial_year("not a date"), 0);
  ASSERT_NE(target_for("ae_4h_pct", "2019-04-01"), nullptr);
  EXPECT_EQ(target_for("ae_4h_pct", "2019-04-01")->value, 95.0);
  EXPECT_EQ(target_for("ae_4h_pct", "2025-03-31")->value, 95.0);  // still 2024/25
  EXPECT_EQ(target_for("ae_4h_pct", "2025-04-01")->value, 78.0);
  EXPECT_EQ(target_for("rtt_incomplete_18w_pct", "2019-04-01")->value, 92.0);
  EXPECT_EQ(target_for("rtt_incomplete_18w_pct", "2025-04-01")->value, 65.0);
  EXPECT_EQ(target_for("bed_occupancy_pct", "2025-04-01")->value, 92.0);
  EXPECT_EQ(target_for("nea", "2025-04-01"), nullptr);
}

}  // namespace
}  // namespace pfsim::output
