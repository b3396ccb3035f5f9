// Schemes (README "Schemes and QIPP risk"): a scheme delivered in full shifts its KPI by the analytic amount, a
// scheme at fraction 0 or multiplier 1 changes nothing, and correlation groups correlate the sampled fractions.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "pfsim/models/scheme_delivery.hpp"
#include "pfsim/models/system.hpp"
#include "test_scenarios.hpp"

namespace pfsim::models {
namespace {

using testing::beds_only;
using testing::single_site;
using testing::whole_system;

Scheme fixed_scheme(const std::string& name, double fraction, std::vector<SchemeEffect> effects) {
  Scheme s;
  s.name = name;
  s.prior.fixed = fraction;
  s.start = std::chrono::year{2019} / 4 / 1;  // the test scenarios' start_date: effects cover the measured period
  s.effects = std::move(effects);
  return s;
}

SchemeEffect multiply(SchemeTarget target, double m) {
  SchemeEffect e;
  e.target = target;
  e.multiplier = m;
  return e;
}

SchemeEffect add(SchemeTarget target, double delta) {
  SchemeEffect e;
  e.target = target;
  e.is_delta = true;
  e.delta = delta;
  return e;
}

TEST(Schemes, DegeneratePriorAtOneHalvingAttendanceRateHalvesAttendances) {
  // 0.1 attendances a minute for 100 days ≈ 14,400; each person is avoided with probability 1/2 independently, so
  // the ratio has sd 0.5/√N ≈ 0.0042 per replication; 4 replications, tolerance 4 sd of their mean.
  const Scenario base = single_site(0.1, 20, 100, 100, 5);
  Scenario with = base;
  with.schemes.emplace().schemes.push_back(fixed_scheme("half", 1.0, {multiply(SchemeTarget::AeAttendances, 0.5)}));
  double ratio_sum = 0;
  const int reps = 4;
  for (int r = 0; r < reps; ++r) {
    const ReplicationResult a = run_replication(base, static_cast<std::uint64_t>(r));
    const ReplicationResult b = run_replication(with, static_cast<std::uint64_t>(r));
    ASSERT_GT(a[Kpi::AeAttendances], 10000);
    ratio_sum += b[Kpi::AeAttendances] / a[Kpi::AeAttendances];
    // The counterfactual inside the scheme run is the base run, so the avoided attendances are the difference.
    EXPECT_DOUBLE_EQ(b.schemes.activity[static_cast<std::size_t>(SchemeActivity::AttendancesAvoided)],
                     a[Kpi::AeAttendances] - b[Kpi::AeAttendances]);
    EXPECT_EQ(b.schemes.delivered, std::vector<double>{1.0});
  }
  EXPECT_NEAR(ratio_sum / reps, 0.5, 4 * 0.0042 / std::sqrt(static_cast<double>(reps)));
}

TEST(Schemes, BedCapacityDeltaChangesOccupancyByTheBedRatio) {
  // 10 admissions a day × 4 days = 40 beds in use on average, far below 200 beds: nobody waits, so the same people
  // occupy the same beds and occupancy scales exactly by 200 / 210 (weekly steps fall on the 14-day warm-up end).
  const Scenario base = beds_only(10, 4, 200, 84, 14);
  Scenario with = base;
  with.schemes.emplace().schemes.push_back(fixed_scheme("ten beds", 1.0, {add(SchemeTarget::GeneralBeds, 10)}));
  const ReplicationResult a = run_replication(base, 0);
  const ReplicationResult b = run_replication(with, 0);
  EXPECT_EQ(a[Kpi::Nea], b[Kpi::Nea]);
  EXPECT_NEAR(b[Kpi::BedOccupancyPct] / a[Kpi::BedOccupancyPct], 200.0 / 210.0, 1e-9);
  EXPECT_DOUBLE_EQ(b.bed_days, a.bed_days);
}

// Everyone home (P0) at 10:00-11:00 (a quarter) or 15:00-16:00; weekdays take everyone, weekends half.
Scenario timed_home_discharges() {
  Scenario s = beds_only(2.0, 4.0, 40, 2000, 60);
  DischargeSettings d;
  d.pathway_share = {1, 0, 0, 0};
  DischargeTimingSettings timing;
  timing.hour[10] = 1;
  timing.hour[15] = 3;
  timing.weekday = {1, 1, 1, 1, 1, 0.5, 0.5};
  d.timing = timing;
  s.discharge = d;
  return s;
}

TEST(Schemes, DischargeBeforeNoonMovesThatShareOfDeparturesBeforeTwelve) {
  // +25 points before noon: 25 % → 50 % (binomial sd ~0.8 points); the same people leave the same days, earlier in
  // the day, so fewer beds are in use.
  const Scenario base = timed_home_discharges();
  Scenario with = base;
  with.schemes.emplace().schemes.push_back(fixed_scheme("before noon", 1.0, {add(SchemeTarget::DischargeBeforeNoon, 0.25)}));
  const ReplicationResult a = run_replication(base, 0), b = run_replication(with, 0);
  EXPECT_NEAR(a[Kpi::DischargesBeforeNoonPct], 25.0, 2.5);
  EXPECT_NEAR(b[Kpi::DischargesBeforeNoonPct], 50.0, 2.5);
  EXPECT_EQ(a[Kpi::Nea], b[Kpi::Nea]);
  EXPECT_LT(b[Kpi::BedOccupancyPct], a[Kpi::BedOccupancyPct]);
}

TEST(Schemes, SevenDayDischargeRaisesTheWeekendFactors) {
  // Weekends at half: 1 / 7 = 14.3 % of discharges; +0.5 brings them to 1, a flat week: 2 / 7 = 28.6 %.
  const Scenario base = timed_home_discharges();
  Scenario with = base;
  with.schemes.emplace().schemes.push_back(fixed_scheme("seven days", 1.0, {add(SchemeTarget::WeekendDischarge, 0.5)}));
  const ReplicationResult a = run_replication(base, 0), b = run_replication(with, 0);
  EXPECT_NEAR(a[Kpi::WeekendDischargesPct], 100.0 / 7, 2.0);
  EXPECT_NEAR(b[Kpi::WeekendDischargesPct], 200.0 / 7, 2.5);
  EXPECT_LT(b[Kpi::BedOccupancyPct], a[Kpi::BedOccupancyPct]);
}

TEST(Schemes, FractionZeroOrMultiplierOneLeavesEveryResultIdentical) {
  Scenario base = whole_system(false);
  base.winter.emplace().discharge = WinterDischarge{0.8, 1.0, {}};
  DischargeTimingSettings timing;
  timing.hour = {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 4, 5, 6, 6, 5, 4, 3, 2, 1, 0, 0, 0};
  timing.weekday = {1, 1, 1, 1, 1, 0.7, 0.6};
  base.discharge->timing = timing;
  Scenario with = base;
  std::vector<SchemeEffect> every;
  for (std::size_t t = 0; t < kSchemeTargetCount; ++t) {
    SchemeEffect e = multiply(static_cast<SchemeTarget>(t), 0.5);
    if (e.target == SchemeTarget::PathwayShare) {
      e.filter.pathways = {3};
      e.to_pathway = 1;
    }
    every.push_back(e);
  }
  std::vector<SchemeEffect> neutral;
  for (SchemeEffect e : every) {
    e.multiplier = 1.0;
    neutral.push_back(e);
  }
  auto& settings = with.schemes.emplace();
  settings.schemes.push_back(fixed_scheme("not delivered", 0.0, every));
  settings.schemes.push_back(fixed_scheme("no effect", 1.0, neutral));
  for (std::uint64_t r = 0; r < 2; ++r) {
    const ReplicationResult a = System(base, r).run();
    const ReplicationResult b = System(with, r).run();
    EXPECT_EQ(a.kpi, b.kpi);
    EXPECT_EQ(a.daily, b.daily);
    EXPECT_EQ(a.by_site, b.by_site);
    EXPECT_EQ(a.by_locality, b.by_locality);
    EXPECT_EQ(a.monthly, b.monthly);
    // Only the weekly capacity steps are extra events (day 0, then weeks counted from start_date = day 30: days 2, 9,
    // ..., 149 of the 150 simulated): no dataset holds them.
    EXPECT_EQ(b.events - a.events, 23U);
    EXPECT_EQ(a.patients_created, b.patients_created);
  }
}

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

TEST(Schemes, CorrelationGroupCorrelatesDeliveredFractions) {
  // Gaussian copula with normal-score correlation 0.8 and Beta(2, 2) margins: the fractions' Pearson correlation is
  // close to 0.8 (≈ 0.78); schemes outside the group are independent. 2,000 replications: sd of r ≈ 0.022.
  SchemeSettings settings;
  settings.groups.push_back(SchemeGroup{"enabler", 0.8});
  for (const char* name : {"a", "b", "c", "d"}) {
    Scheme s;
    s.name = name;
    s.prior.a = 2;
    s.prior.b = 2;
    s.group = (name[0] == 'a' || name[0] == 'b') ? 0 : -1;
    settings.schemes.push_back(s);
  }
  std::array<std::vector<double>, 4> f;
  for (std::uint64_t r = 0; r < 2000; ++r) {
    const std::vector<double> d = sample_delivery(settings, 7, r);
    for (std::size_t i = 0; i < 4; ++i) {
      ASSERT_GE(d[i], 0.0);
      ASSERT_LE(d[i], 1.0);
      f[i].push_back(d[i]);
    }
  }
  EXPECT_NEAR(correlation(f[0], f[1]), 0.78, 0.07);
  EXPECT_NEAR(correlation(f[2], f[3]), 0.0, 0.07);
  EXPECT_NEAR(correlation(f[0], f[2]), 0.0, 0.07);
  EXPECT_NEAR(std::accumulate(f[2].begin(), f[2].end(), 0.0) / 2000.0, 0.5, 0.02);  // Beta(2, 2) mean, sd 0.22/√2000
}

TEST(Schemes, DeliverySamplesAreDeterministicPerReplication) {
  SchemeSettings settings;
  Scheme s;
  s.name = "x";
  s.prior.a = 3;
  s.prior.b = 2;
  settings.schemes.push_back(s);
  EXPECT_EQ(sample_delivery(settings, 1, 5), sample_delivery(settings, 1, 5));
  EXPECT_NE(sample_delivery(settings, 1, 5), sample_delivery(settings, 1, 6));
}

}  // namespace
}  // namespace pfsim::models
