// Winter pressures (DESIGN §3, issue 7): neutral settings change nothing, closures and escalation show in the
// capacity series, OPEL thresholds map to levels 1–4, multipliers move demand and stays as stated.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>

#include "pfsim/models/opel.hpp"
#include "pfsim/models/system.hpp"
#include "pfsim/loader/load.hpp"
#include "same_results.hpp"
#include "test_scenarios.hpp"

namespace pfsim::models {
namespace {

using testing::beds_only;
using testing::expect_bit_identical;
using testing::single_site;
using testing::whole_system;

constexpr double kDay = 1440.0;

const std::vector<float>& daily(const ReplicationResult& r, Daily d) { return r.daily[static_cast<std::size_t>(d)]; }
double monthly(const ReplicationResult& r, Monthly m, std::size_t month) { return r.monthly[static_cast<std::size_t>(m)][month]; }

/// A winter section that should change nothing: every multiplier and discharge factor 1, no outbreaks, no escalation.
WinterSettings neutral_winter(std::size_t bands) {
  WinterSettings w;
  auto& arrivals = w.arrival_multiplier.emplace();
  for (auto& month : arrivals) month.assign(bands, 1.0);
  w.los_multiplier.emplace().fill(1.0);
  WinterDischarge d;
  d.bank_holidays = {std::chrono::year{2019} / 12 / 25, std::chrono::year{2019} / 5 / 6};
  w.discharge = d;
  return w;
}

TEST(Winter, NeutralSectionIsBitIdenticalToNoSectionInWholeSystem) {
  const Scenario baseline = whole_system(false);
  Scenario winter = baseline;
  winter.winter = neutral_winter(baseline.bands());
  for (std::uint64_t rep : {0, 3}) {
    SCOPED_TRACE(rep);
    expect_bit_identical(run_replication(baseline, rep), run_replication(winter, rep));
  }
}

TEST(Winter, WinterScenarioWithOutbreaksOffAndUnitMultipliersEqualsBaselineBitForBit) {
  const auto dir = std::filesystem::path(PFSIM_SCENARIOS_DIR);
  Scenario winter = loader::load_scenario(dir / "south-east-essex-2019-winter.yaml");
  ASSERT_TRUE(winter.winter.has_value());
  ASSERT_FALSE(winter.winter->outbreaks.empty());
  // Same period for both, short enough for a unit test; the baseline is the winter file without its section.
  winter.run.days = 45;
  winter.run.warmup_days = 20;
  Scenario baseline = winter;
  baseline.winter.reset();
  winter.winter = neutral_winter(winter.bands());
  winter.winter->discharge->bank_holidays = {std::chrono::year{2019} / 12 / 25};
  expect_bit_identical(run_replication(baseline, 1), run_replication(winter, 1));
}

TEST(Opel, ThresholdsMapOccupancyAndTrolleyWaitsToLevelsOneToFour) {
  OpelSettings opel;  // 85, 92, 97 %
  EXPECT_EQ(opel_level(opel, 0.0, 0), 1);
  EXPECT_EQ(opel_level(opel, 84.99, 0), 1);
  EXPECT_EQ(opel_level(opel, 85.0, 0), 2);
  EXPECT_EQ(opel_level(opel, 91.99, 0), 2);
  EXPECT_EQ(opel_level(opel, 92.0, 0), 3);
  EXPECT_EQ(opel_level(opel, 96.99, 0), 3);
  EXPECT_EQ(opel_level(opel, 97.0, 0), 4);
  EXPECT_EQ(opel_level(opel, 130.0, 1000), 4);
  EXPECT_EQ(opel_level(opel, 50.0, 1000), 1) << "trolley waits count only when thresholds are given";
  opel.trolley_waits = std::array<double, 3>{5, 10, 20};
  EXPECT_EQ(opel_level(opel, 50.0, 4), 1);
  EXPECT_EQ(opel_level(opel, 50.0, 5), 2);
  EXPECT_EQ(opel_level(opel, 50.0, 10), 3);
  EXPECT_EQ(opel_level(opel, 50.0, 20), 4);
  EXPECT_EQ(opel_level(opel, 93.0, 6), 3) << "the higher of the two measures wins";
}

TEST(Opel, SeriesIsFourEveryDayWhenBedsAreAlwaysFullAndOneWhenNearlyEmpty) {
  Scenario full = beds_only(30.0, 5.0, 100, 40, 20);  // load 150 on 100 beds: always full
  full.winter.emplace().opel.emplace();
  const ReplicationResult r = run_replication(full, 0);
  for (float level : daily(r, Daily::OpelLevel)) EXPECT_EQ(level, 4.0F);
  EXPECT_EQ(r[Kpi::Opel4Days], 40.0);
  EXPECT_EQ(r.site_values(Kpi::Opel4Days)[0], 40.0);

  Scenario empty = beds_only(2.0, 5.0, 100, 40, 20);  // load 10 on 100 beds
  empty.winter.emplace().opel.emplace();
  const ReplicationResult e = run_replication(empty, 0);
  for (float level : daily(e, Daily::OpelLevel)) EXPECT_EQ(level, 1.0F);
  EXPECT_EQ(e[Kpi::Opel4Days], 0.0);
}

TEST(Outbreaks, KnownClosureOfTenBedsForThreeDaysInJanuaryShowsInCapacitySeries) {
  Scenario s = beds_only(10.0, 4.0, 80, 150, 10);
  s.run.start_date = std::chrono::year{2019} / 11 / 1;  // measured days 0..149 = 1 Nov 2019 .. 29 Mar 2020
  WinterOutbreaks o;
  o.per_month[0] = 31.0;  // ~one a day in January only; P(none in January) = exp(-31)
  o.duration = engine::Distribution::fixed(3 * kDay);
  o.beds_closed = engine::Distribution::fixed(10);
  s.winter.emplace().outbreaks.push_back(o);
  const ReplicationResult r = run_replication(s, 2);
  const auto& closed = daily(r, Daily::BedsClosed);
  const auto& available = daily(r, Daily::BedsAvailable);
  const std::size_t jan1 = 61, feb4 = 95;  // census at the end of each measured day
  bool some_closed_in_january = false;
  for (std::size_t d = 0; d < closed.size(); ++d) {
    SCOPED_TRACE(d);
    EXPECT_EQ(std::fmod(closed[d], 10.0F), 0.0F) << "each outbreak closes exactly 10 beds";
    EXPECT_EQ(available[d], 80.0F - closed[d]) << "capacity = general beds - closed";
    if (d < jan1 || d >= feb4) {
      EXPECT_EQ(closed[d], 0.0F) << "no outbreak outside January (+3 days)";
    }
    if (d >= jan1 && d < jan1 + 31 && closed[d] > 0) some_closed_in_january = true;
  }
  EXPECT_TRUE(some_closed_in_january);
}

TEST(Outbreaks, ClosuresDrawFromTheirOwnStreamAndLeaveArrivalsUnchanged) {
  Scenario base = beds_only(17.0, 4.0, 80, 60, 10);  // load 68 on 80 beds
  // A&E arrivals too (nobody admitted from A&E, 10 clinicians): their count in the measured window is fixed at
  // arrival, so it shows whether the outbreaks' draws moved the arrival streams.
  base.ae.attendances_per_1000_per_year = {0.05 * engine::kMinutesPerYear / 100.0};
  base.sites[0].ae->clinicians.weekday.fill(10);
  base.sites[0].ae->clinicians.weekend.fill(10);
  base.run.start_date = std::chrono::year{2020} / 1 / 1;
  Scenario outbreak = base;
  WinterOutbreaks o;
  o.per_month.fill(4.0);
  o.duration = engine::Distribution::gamma(7 * kDay, 3 * kDay);
  o.beds_closed = engine::Distribution::triangular(4, 10, 24);
  outbreak.winter.emplace().outbreaks.push_back(o);
  const ReplicationResult a = run_replication(base, 0), b = run_replication(outbreak, 0);
  // Not patients_created, nor admissions: the follow-up runs until the measured cohort has a bed, which closed beds
  // delay (creating more arrivals meanwhile), and an admission counts when the bed is found.
  EXPECT_EQ(a.kpi[static_cast<std::size_t>(Kpi::AeAttendances)], b.kpi[static_cast<std::size_t>(Kpi::AeAttendances)]);
  EXPECT_GT(a.kpi[static_cast<std::size_t>(Kpi::AeAttendances)], 3000.0);
  EXPECT_GT(b.kpi[static_cast<std::size_t>(Kpi::TrolleyWaitMeanH)], a.kpi[static_cast<std::size_t>(Kpi::TrolleyWaitMeanH)]);
}

TEST(Escalation, BedsOpenUnderSustainedPressureAndAddToCapacity) {
  Scenario s = beds_only(22.0, 5.0, 100, 60, 20);  // load 110 on 100 beds: above 95 % for hours
  s.sites[0].escalation_beds = 20;
  s.winter.emplace().escalation.emplace();
  const ReplicationResult r = run_replication(s, 0);
  const auto& open = daily(r, Daily::EscalationBedsOpen);
  const auto& available = daily(r, Daily::BedsAvailable);
  double open_days = 0;
  for (std::size_t d = 0; d < open.size(); ++d) {
    EXPECT_TRUE(open[d] == 0.0F || open[d] == 20.0F);
    EXPECT_EQ(available[d], 100.0F + open[d]);
    open_days += open[d] > 0;
  }
  EXPECT_GT(open_days, 30.0);
  EXPECT_GT(r[Kpi::EscalationBedDays], 20.0 * 30.0);
  EXPECT_LE(r[Kpi::EscalationBedDays], 20.0 * 60.0);
}

TEST(Escalation, BedsStayClosedWhenOccupancyNeverPassesTheThreshold) {
  Scenario s = beds_only(10.0, 5.0, 100, 60, 20);  // load 50 on 100 beds
  s.sites[0].escalation_beds = 20;
  s.winter.emplace().escalation.emplace();
  const ReplicationResult r = run_replication(s, 0);
  EXPECT_EQ(r[Kpi::EscalationBedDays], 0.0);
  for (float v : daily(r, Daily::EscalationBedsOpen)) EXPECT_EQ(v, 0.0F);
}

TEST(ArrivalMultiplier, DoublingDecemberDoublesDecemberAttendancesWithin5Sd) {
  Scenario s = single_site(0.1, 20, 1000, 91, 5);  // Nov, Dec, Jan: ~4,320-4,464 arrivals a month
  s.run.start_date = std::chrono::year{2019} / 11 / 1;
  auto& m = s.winter.emplace().arrival_multiplier.emplace();
  for (auto& month : m) month.assign(1, 1.0);
  m[11] = {2.0};
  const ReplicationResult r = run_replication(s, 0);
  const double per_day = 0.1 * kDay;
  const double expected[3] = {30 * per_day, 2 * 31 * per_day, 30 * per_day};  // Nov, Dec, Jan (30 measured days)
  for (std::size_t month = 0; month < 3; ++month) {
    const double count = monthly(r, Monthly::AeAttendances, month);
    EXPECT_NEAR(count, expected[month], 5 * std::sqrt(expected[month])) << "month " << month;
  }
}

TEST(LosMultiplier, OneAndAHalfRaisesMeanOccupancyByHalfInAnInfiniteServer) {
  Scenario base = beds_only(20.0, 3.0, 100000, 200, 30);  // M/G/inf: mean occupied = 60
  Scenario longer = base;
  longer.winter.emplace().los_multiplier.emplace().fill(1.5);
  const auto mean_occupied = [](const ReplicationResult& r) {
    double sum = 0;
    for (float v : r.daily[static_cast<std::size_t>(Daily::BedsOccupied)]) sum += v;
    return sum / static_cast<double>(r.daily[0].size());
  };
  const double a = mean_occupied(run_replication(base, 0)), b = mean_occupied(run_replication(longer, 0));
  EXPECT_NEAR(a, 60.0, 4.0);
  EXPECT_NEAR(b, 90.0, 6.0);
}

TEST(DischargeDip, WeekendFactorZeroHoldsEveryoneUntilMondayAndBankHolidayToo) {
  Scenario s = beds_only(20.0, 3.0, 100000, 56, 14);  // start 2019-04-01, a Monday; P0 only
  WinterDischarge d;
  d.weekend_factor = 0.0;
  d.bank_holiday_factor = 0.0;
  d.bank_holidays = {std::chrono::year{2019} / 5 / 8};  // a Wednesday (measured day 37)
  const Scenario without_dip = s;
  s.winter.emplace().discharge = d;
  const ReplicationResult r = run_replication(s, 0), base = run_replication(without_dip, 0);
  // Unlimited beds and common random numbers: the same patients arrive and become fit; the dip only holds some.
  const auto& occupied = daily(r, Daily::BedsOccupied);
  const auto& occupied_without = daily(base, Daily::BedsOccupied);
  for (std::size_t day = 0; day < occupied.size(); ++day) {
    SCOPED_TRACE(day);
    const bool weekend = day % 7 == 5 || day % 7 == 6;
    const float held = occupied[day] - occupied_without[day];
    if (weekend || day == 37) {
      EXPECT_GT(held, 5.0F) << "medically fit patients wait in bed";
    } else {
      EXPECT_EQ(held, 0.0F) << "everyone held has left by 09:00 on the working day";
    }
  }
  // A P0 patient waiting for the hospital's own weekend discharge is not a delayed transfer of care (no sitrep
  // reason applies): bed time, not DToC.
  EXPECT_EQ(r[Kpi::DtocDays], 0.0);
  EXPECT_EQ(r[Kpi::DtocDailyDelays], 0.0);
}

// Outbreaks close beds and escalation opens them with patients waiting: capacity moves under the queue every
// day, the hardest case for the bed bookkeeping. Checked at every event and midnight, nothing may break.
TEST(Winter, FullWinterScenarioRunsCleanUnderInvariantChecks) {
  const auto dir = std::filesystem::path(PFSIM_SCENARIOS_DIR);
  Scenario winter = loader::load_scenario(dir / "south-east-essex-2019-winter.yaml");
  winter.run.start_date = std::chrono::year{2019} / 11 / 1;
  winter.run.days = 120;
  winter.run.warmup_days = 30;
  winter.run.check_invariants = true;
  Scenario unchecked = winter;
  unchecked.run.check_invariants = false;
  ReplicationResult checked;
  ASSERT_NO_THROW(checked = run_replication(winter, 2));
  EXPECT_EQ(checked.kpi, run_replication(unchecked, 2).kpi);
}

}  // namespace
}  // namespace pfsim::models
