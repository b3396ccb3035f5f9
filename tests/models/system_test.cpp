#include "pfsim/models/system.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/engine/stats.hpp"
#include "test_scenarios.hpp"

using namespace pfsim::models;
using namespace pfsim::models::testing;
using pfsim::engine::summarise;

namespace {
double erlang_c(int c, double a) {
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  const double rho = a / c;
  return b / (1.0 - rho + rho * b);
}
std::vector<double> kpi_over(const Scenario& s, Kpi k, int replications) {
  std::vector<double> values;
  for (int r = 0; r < replications; ++r) values.push_back(run_replication(s, static_cast<std::uint64_t>(r))[k]);
  return values;
}
}  // namespace

TEST(AeModel, MeanTimeInDepartmentMatchesErlangCForMMc) {
  // λ = 0.2/min, 5 clinicians, exponential 20 min: Wq = C(5, 4) / (5/20 − 0.2); time in A&E = Wq + 20.
  const Scenario s = single_site(0.2, 5, 10, 300, 10);
  const double theory = erlang_c(5, 4.0) / (5.0 / 20.0 - 0.2) + 20.0;
  const auto summary = summarise(kpi_over(s, Kpi::AeMeanTimeMin, 12));
  EXPECT_NEAR(summary.mean, theory, 2.0 * summary.ci95_half) << "theory " << theory;
  EXPECT_LT(summary.ci95_half, 0.05 * theory);
}

TEST(AeModel, AttendanceCountMatchesThePoissonRate) {
  const Scenario s = single_site(0.2, 5, 10, 300, 10);
  const double expected = 0.2 * 1440.0 * 300;
  const auto summary = summarise(kpi_over(s, Kpi::AeAttendances, 8));
  EXPECT_NEAR(summary.mean, expected, 2.5 * summary.ci95_half + 1e-9);
}

TEST(BedModel, TrolleyWaitMatchesErlangCForExponentialStays) {
  // Direct admissions λ = 2/day, exponential LOS 4 d, 10 beds: a = 8 Erlangs; Wq = C(10, 8) / (10/4 − 2) days.
  const Scenario s = beds_only(2.0, 4.0, 10, 4000, 200);
  const double theory_hours = erlang_c(10, 8.0) / (10.0 / 4.0 - 2.0) * 24.0;
  const auto summary = summarise(kpi_over(s, Kpi::TrolleyWaitMeanH, 24));
  EXPECT_NEAR(summary.mean, theory_hours, 2.0 * summary.ci95_half) << "theory " << theory_hours;
  EXPECT_LT(summary.ci95_half, 0.12 * theory_hours);
}

TEST(BedModel, OccupancyObeysLittlesLaw) {
  // Mean beds in use = λ × mean LOS when nobody waits long: 2/day × 4 d = 8 of 30 beds.
  const Scenario s = beds_only(2.0, 4.0, 30, 3000, 100);
  const auto summary = summarise(kpi_over(s, Kpi::BedOccupancyPct, 8));
  EXPECT_NEAR(summary.mean, 100.0 * 8.0 / 30.0, 2.0 * summary.ci95_half + 0.1);
}

TEST(WholeSystem, DtocIsExactlyZeroWhenDownstreamCapacityIsUnbounded) {
  const Scenario s = whole_system(true);
  for (std::uint64_t r = 0; r < 3; ++r) {
    const ReplicationResult result = run_replication(s, r);
    EXPECT_EQ(result[Kpi::DtocDays], 0.0);
    EXPECT_EQ(result[Kpi::DtocDailyDelays], 0.0);
    EXPECT_GT(result[Kpi::Nea], 0.0);
  }
}

TEST(WholeSystem, DelaysAppearWhenDownstreamIsTightAndAttributionSplitsThem) {
  const ReplicationResult r = run_replication(whole_system(false), 0);
  EXPECT_GT(r[Kpi::DtocDays], 0.0);
  EXPECT_GT(r[Kpi::DtocDailyDelays], 0.0);
  EXPECT_NEAR(r[Kpi::DtocDaysNhs] + r[Kpi::DtocDaysSocialCare] + r[Kpi::DtocDaysBoth], r[Kpi::DtocDays], 1e-9);
}

TEST(WholeSystem, EveryKpiIsFiniteAndPercentagesAreInRange) {
  const ReplicationResult r = run_replication(whole_system(false), 1);
  for (std::size_t k = 0; k < kKpiCount; ++k) EXPECT_TRUE(std::isfinite(r.kpi[k])) << kpi_catalogue()[k].name;
  for (Kpi k : {Kpi::Ae4hPct, Kpi::BedOccupancyPct, Kpi::Reablement91dHomePct, Kpi::Readmission30dPct}) {
    EXPECT_GE(r[k], 0.0);
    EXPECT_LE(r[k], 100.0 + 1e-9);
  }
  EXPECT_GT(r[Kpi::CareHomeAdmissionsPer100k65plus], 0.0);
  EXPECT_GT(r[Kpi::GpUnmetAppointments], 0.0);
  EXPECT_EQ(r.daily[0].size(), 120u);
}

// ASCOF 2B(1): the cohort is discharged 1 October - 31 December and counted where they are on day 91.
Scenario autumn_whole_system() {
  Scenario s = whole_system(true);
  s.run.start_date = std::chrono::year{2019} / 10 / 1;
  return s;
}

TEST(WholeSystem, NinetyOneDayAtHomeFallsWhenDeathsAndCareHomeMovesRise) {
  Scenario low = autumn_whole_system(), high = autumn_whole_system();
  high.reablement->hazards = {0.15, 0.1, 0.25};
  high.intermediate_care->hazards = {0.15, 0.1, 0.25};
  const double at_home_low = run_replication(low, 0)[Kpi::Reablement91dHomePct];
  const double at_home_high = run_replication(high, 0)[Kpi::Reablement91dHomePct];
  // Not at home on day 91: the dead (0.1 -> 0.25) and the care-home residents (0.03 -> 0.1), ~+22 points.
  EXPECT_GT(at_home_low, at_home_high + 12.0);
}

TEST(WholeSystem, NinetyOneDayStatusCountsTheReadmittedWhoAreHomeAgain) {
  // Everyone in reablement or intermediate care is readmitted within 91 days and nobody dies or moves: most are home
  // again on day 91 (the old "no event in 91 days" rule gave 0 %); the rest are back in hospital (each discharge into
  // reablement brings another readmission), in intermediate care or, after a P3 stay, in a care home.
  Scenario s = autumn_whole_system();
  s.reablement->hazards = {1.0, 0.0, 0.0};
  s.intermediate_care->hazards = {1.0, 0.0, 0.0};
  const double at_home = run_replication(s, 0)[Kpi::Reablement91dHomePct];
  EXPECT_GT(at_home, 50.0);
  EXPECT_LT(at_home, 100.0) << "some are in hospital, or in reablement again, on day 91";
}

TEST(WholeSystem, SameSeedSameResultsAndReplicationsDiffer) {
  const Scenario s = whole_system(false);
  const ReplicationResult a = run_replication(s, 4), b = run_replication(s, 4), c = run_replication(s, 5);
  EXPECT_EQ(a.kpi, b.kpi);
  EXPECT_EQ(a.daily, b.daily);
  EXPECT_NE(a.kpi, c.kpi);
}

TEST(WholeSystem, ChangingBedsLeavesArrivalsUnchanged) {
  // Common random numbers: arrivals come from their own streams, so a capacity option sees the same patients.
  Scenario fewer = whole_system(false), more = whole_system(false);
  more.sites[0].general_beds += 40;
  const ReplicationResult a = run_replication(fewer, 2), b = run_replication(more, 2);
  EXPECT_EQ(a[Kpi::AeAttendances], b[Kpi::AeAttendances]);
  EXPECT_NE(a[Kpi::BedOccupancyPct], b[Kpi::BedOccupancyPct]);
}
