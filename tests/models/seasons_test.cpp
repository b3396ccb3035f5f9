// The ordinary year (scenario `seasons:`, DESIGN §3): neutral settings change nothing, each multiplier moves what it
// names in its month and nothing else, outbreaks of the ordinary year and of a bad winter draw apart.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "pfsim/models/system.hpp"
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
double kpi(const ReplicationResult& r, Kpi k) { return r.kpi[static_cast<std::size_t>(k)]; }
double sum_days(const std::vector<float>& v, std::size_t from, std::size_t to) {
  double s = 0;
  for (std::size_t d = from; d < to; ++d) s += v[d];
  return s;
}

std::array<std::vector<double>, kMonths> flat(std::size_t bands, double value = 1.0) {
  std::array<std::vector<double>, kMonths> m;
  for (auto& month : m) month.assign(bands, value);
  return m;
}

TEST(Seasons, NeutralSectionIsBitIdenticalToNoSection) {
  const Scenario baseline = whole_system(false);
  Scenario seasons = baseline;
  SeasonSettings& s = seasons.seasons.emplace();
  s.admit = flat(baseline.bands());
  s.los = flat(baseline.bands());
  s.ae_clinicians.emplace().fill(1.0);
  s.assessment_delay.emplace().fill(1.0);
  for (std::uint64_t rep : {0, 2}) {
    SCOPED_TRACE(rep);
    expect_bit_identical(run_replication(baseline, rep), run_replication(seasons, rep));
  }
}

// Measured days 0..90 = 1 Nov 2019 .. 30 Jan 2020: November is days 0-29, December 30-60, January 61-90.
Scenario november_to_january(Scenario s) {
  s.run.start_date = std::chrono::year{2019} / 11 / 1;
  s.run.days = 91;
  return s;
}

TEST(Seasons, AdmitMultiplierDoublesDecemberAdmissionsAndLeavesAttendancesAlone) {
  Scenario base = november_to_january(single_site(0.1, 20, 100000, 91, 5));
  base.ae.admit_probability = {0.2};
  Scenario winter = base;
  auto& admit = winter.seasons.emplace().admit.emplace(flat(1));
  admit[11] = {2.0};
  const ReplicationResult a = run_replication(base, 1), b = run_replication(winter, 1);
  // Attendances are the same people at the same times: the multiplier changes an outcome, never a draw.
  EXPECT_EQ(daily(a, Daily::AeAttendances), daily(b, Daily::AeAttendances));
  const double nov_a = sum_days(daily(a, Daily::Nea), 0, 30), nov_b = sum_days(daily(b, Daily::Nea), 0, 30);
  const double dec_a = sum_days(daily(a, Daily::Nea), 30, 61), dec_b = sum_days(daily(b, Daily::Nea), 30, 61);
  EXPECT_EQ(nov_a, nov_b) << "November is not multiplied";
  const double expected = 2 * 0.2 * 0.1 * kDay * 31;  // 893 admissions
  EXPECT_NEAR(dec_a, expected / 2, 5 * std::sqrt(expected / 2));
  EXPECT_NEAR(dec_b, expected, 5 * std::sqrt(expected));
}

TEST(Seasons, DirectAdmissionsFollowTheirOwnMonthsNotTheAttendanceProfile) {
  Scenario s = november_to_january(beds_only(20.0, 1.0, 100000, 91, 5));
  // An attendance profile that would triple November: direct admissions must ignore it once they have their own.
  s.ae.arrival_profile = engine::RateProfile::flat();
  s.ae.arrival_profile.month[10] = 3.0;
  ASSERT_TRUE(s.ae.arrival_profile.normalise());
  auto& direct = s.seasons.emplace().direct_admissions.emplace(flat(1));
  direct[11] = {2.0};
  const ReplicationResult r = run_replication(s, 0);
  const double nov = sum_days(daily(r, Daily::Nea), 0, 30), dec = sum_days(daily(r, Daily::Nea), 30, 61),
               jan = sum_days(daily(r, Daily::Nea), 61, 91);
  EXPECT_NEAR(nov, 20.0 * 30, 5 * std::sqrt(20.0 * 30));
  EXPECT_NEAR(dec, 40.0 * 31, 5 * std::sqrt(40.0 * 31));
  EXPECT_NEAR(jan, 20.0 * 30, 5 * std::sqrt(20.0 * 30));
}

TEST(Seasons, LosMultiplierActsByBandOnTheStayLikeLittlesLaw) {
  Scenario base = beds_only(20.0, 3.0, 100000, 200, 30);  // M/G/inf: mean occupied = 60
  Scenario longer = base;
  longer.seasons.emplace().los = flat(1, 1.5);
  const auto mean_occupied = [](const ReplicationResult& r) {
    return sum_days(daily(r, Daily::BedsOccupied), 0, r.daily[0].size()) / static_cast<double>(r.daily[0].size());
  };
  EXPECT_NEAR(mean_occupied(run_replication(base, 0)), 60.0, 4.0);
  EXPECT_NEAR(mean_occupied(run_replication(longer, 0)), 90.0, 6.0);
}

TEST(Seasons, FewerAeCliniciansInAMonthLengthenDepartmentTimesThere) {
  // M/M/c with c = 4 and offered load 2: halving the rota in December (c = 2, rho = 1) must make December worse.
  Scenario base = november_to_january(single_site(0.1, 4, 100000, 91, 5));
  Scenario short_staffed = base;
  auto& clinicians = short_staffed.seasons.emplace().ae_clinicians.emplace();
  clinicians.fill(1.0);
  clinicians[11] = 0.5;
  const ReplicationResult a = run_replication(base, 0), b = run_replication(short_staffed, 0);
  const auto december_4h = [](const ReplicationResult& r) { return r.monthly[static_cast<std::size_t>(Monthly::Ae4hPct)][1]; };
  const auto november_4h = [](const ReplicationResult& r) { return r.monthly[static_cast<std::size_t>(Monthly::Ae4hPct)][0]; };
  EXPECT_EQ(november_4h(a), november_4h(b)) << "November's rota is unchanged and nothing else differs before December";
  EXPECT_GT(december_4h(a), 99.0);
  EXPECT_LT(december_4h(b), december_4h(a) - 5.0);
}

TEST(Seasons, AssessmentDelayMultiplierDoublesDelaysWhenCapacityNeverBinds) {
  // Unbounded services: every delayed day is assessment, so doubling every assessment doubles the delayed bed-days
  // (the same patients, the same draws) up to the few stays that straddle the window's edges.
  Scenario base = whole_system(true);
  base.discharge->assessment_delay[1] = engine::Distribution::gamma(1440.0, 1440.0);
  base.discharge->assessment_delay[3] = engine::Distribution::gamma(5 * 1440.0, 3 * 1440.0);
  Scenario slower = base;
  slower.seasons.emplace().assessment_delay.emplace().fill(2.0);
  const ReplicationResult a = run_replication(base, 0), b = run_replication(slower, 0);
  EXPECT_EQ(daily(a, Daily::AeAttendances), daily(b, Daily::AeAttendances));
  EXPECT_NEAR(kpi(b, Kpi::DtocDays) / kpi(a, Kpi::DtocDays), 2.0, 0.15);
}

TEST(Seasons, OrdinaryYearOutbreaksDrawApartFromABadWintersOnes) {
  Scenario s = beds_only(10.0, 4.0, 80, 150, 10);
  s.run.start_date = std::chrono::year{2019} / 11 / 1;  // measured days 0..149 = 1 Nov 2019 .. 29 Mar 2020
  WinterOutbreaks january;
  january.per_month[0] = 31.0;
  january.duration = engine::Distribution::fixed(3 * kDay);
  january.beds_closed = engine::Distribution::fixed(10);
  s.seasons.emplace().outbreaks.push_back(january);
  Scenario bad_winter = s;
  WinterOutbreaks march = january;
  march.per_month = {};
  march.per_month[2] = 31.0;
  march.beds_closed = engine::Distribution::fixed(5);
  bad_winter.winter.emplace().outbreaks.push_back(march);
  const ReplicationResult a = run_replication(s, 3), b = run_replication(bad_winter, 3);
  const auto& closed_a = daily(a, Daily::BedsClosed);
  const auto& closed_b = daily(b, Daily::BedsClosed);
  const std::size_t jan1 = 61, feb1 = 92, mar1 = 121;
  EXPECT_GT(sum_days(closed_a, jan1, feb1), 0.0) << "the ordinary year closes beds in January";
  for (std::size_t d = 0; d < mar1; ++d) {
    SCOPED_TRACE(d);
    EXPECT_EQ(closed_a[d], closed_b[d]) << "the bad winter's March outbreaks leave the ordinary year's closures alone";
  }
  EXPECT_GT(sum_days(closed_b, mar1, closed_b.size()), 0.0);
}

}  // namespace
}  // namespace pfsim::models
