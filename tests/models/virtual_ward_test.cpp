// Virtual wards (README "Virtual wards", DESIGN §3 and §12): a ward with no slots changes nothing else, invariants
// hold with checks on, the KPIs move the right way with capacity (also through a scheme), and the by-site and
// by-locality cuts add up to the whole system. The Erlang-B check is a CLI test (scenarios/tests/).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <numeric>

#include "pfsim/models/system.hpp"
#include "test_scenarios.hpp"

namespace pfsim::models {
namespace {

using testing::whole_system;

constexpr double kDay = 1440.0;

Scenario with_virtual_ward(Scenario s, int slots) {
  VirtualWardSettings w;
  w.capacity = {slots};
  w.step_down = VirtualWardStepDown{{0.0, 0.3, 0.4}, engine::Distribution::lognormal(2 * kDay, 1.5 * kDay)};
  w.step_up = VirtualWardStepUp{{0.0, 0.15, 0.2}, engine::Distribution::lognormal(5 * kDay, 3 * kDay)};
  s.virtual_wards = w;
  return s;
}

double kpi(const ReplicationResult& r, Kpi k) { return r[k]; }
bool is_virtual_ward(std::size_t k) { return kpi_catalogue()[k].module == KpiModule::VirtualWards; }

TEST(VirtualWards, NoSlotsLeavesEveryOtherResultUnchanged) {
  const Scenario base = whole_system(false);
  const Scenario none = with_virtual_ward(base, 0);
  for (std::uint64_t rep : {0, 2}) {
    SCOPED_TRACE(rep);
    const ReplicationResult a = run_replication(base, rep), b = run_replication(none, rep);
    for (std::size_t k = 0; k < kKpiCount; ++k) {
      if (is_virtual_ward(k)) continue;
      EXPECT_EQ(a.kpi[k], b.kpi[k]) << kpi_catalogue()[k].name;
      EXPECT_EQ(a.by_site[k], b.by_site[k]) << kpi_catalogue()[k].name;
      EXPECT_EQ(a.by_locality[k], b.by_locality[k]) << kpi_catalogue()[k].name;
    }
    for (std::size_t k = 0; k < kDailyCount; ++k) {
      if (daily_catalogue()[k].module == KpiModule::VirtualWards) continue;
      EXPECT_EQ(a.daily[k], b.daily[k]) << daily_catalogue()[k].name;
    }
    EXPECT_EQ(a.monthly, b.monthly);
    EXPECT_EQ(a.patients_created, b.patients_created);
    EXPECT_EQ(kpi(b, Kpi::VirtualWardAdmissionsAvoided), 0.0);
    EXPECT_EQ(kpi(b, Kpi::VirtualWardBedDaysSaved), 0.0);
  }
}

TEST(VirtualWards, SlotsAvoidAdmissionsSaveBedDaysAndLowerOccupancyWithChecksOn) {
  Scenario base = whole_system(false);
  base.run.check_invariants = true;  // stage transitions against kStageTransitions, flow snapshot every midnight
  const Scenario small = with_virtual_ward(base, 10), large = with_virtual_ward(base, 60);
  for (std::uint64_t rep : {0, 1}) {
    SCOPED_TRACE(rep);
    const ReplicationResult a = run_replication(base, rep), s = run_replication(small, rep), l = run_replication(large, rep);
    EXPECT_GT(kpi(s, Kpi::VirtualWardAdmissionsAvoided), 0.0);
    EXPECT_GT(kpi(l, Kpi::VirtualWardAdmissionsAvoided), kpi(s, Kpi::VirtualWardAdmissionsAvoided));
    EXPECT_GT(kpi(l, Kpi::VirtualWardBedDaysSaved), kpi(s, Kpi::VirtualWardBedDaysSaved));
    EXPECT_LT(kpi(l, Kpi::Nea), kpi(a, Kpi::Nea));
    EXPECT_LT(kpi(l, Kpi::BedOccupancyPct), kpi(s, Kpi::BedOccupancyPct));
    EXPECT_LT(kpi(s, Kpi::BedOccupancyPct), kpi(a, Kpi::BedOccupancyPct));
    // A small ward is fuller than a large one; both within (0, 100].
    EXPECT_GT(kpi(s, Kpi::VirtualWardOccupancyPct), kpi(l, Kpi::VirtualWardOccupancyPct));
    EXPECT_LE(kpi(s, Kpi::VirtualWardOccupancyPct), 100.0);
    EXPECT_GT(kpi(l, Kpi::VirtualWardOccupancyPct), 0.0);
    const auto& in_use = s.daily[static_cast<std::size_t>(Daily::VirtualWardInUse)];
    EXPECT_LE(*std::max_element(in_use.begin(), in_use.end()), 10.0f);
    EXPECT_GT(std::accumulate(in_use.begin(), in_use.end(), 0.0), 0.0);
    // Common random numbers: the same people arrive whatever the ward's size.
    EXPECT_EQ(kpi(a, Kpi::AeAttendances), kpi(l, Kpi::AeAttendances));
  }
}

TEST(VirtualWards, CountsAddUpOverSitesAndLocalities) {
  const ReplicationResult r = run_replication(with_virtual_ward(whole_system(false), 20), 0);
  for (Kpi k : {Kpi::VirtualWardAdmissionsAvoided, Kpi::VirtualWardBedDaysSaved}) {
    const auto& sites = r.site_values(k);
    const auto& localities = r.locality_values(k);
    EXPECT_NEAR(std::accumulate(sites.begin(), sites.end(), 0.0), r[k], 1e-9 * (1 + r[k]));
    EXPECT_NEAR(std::accumulate(localities.begin(), localities.end(), 0.0), r[k], 1e-9 * (1 + r[k]));
  }
  EXPECT_EQ(r.site_values(Kpi::VirtualWardOccupancyPct)[0], r[Kpi::VirtualWardOccupancyPct]);
}

TEST(VirtualWards, CapacitySchemeAddsSlots) {
  const Scenario base = with_virtual_ward(whole_system(false), 10);
  Scenario with = base;
  Scheme more;
  more.name = "more virtual-ward slots";
  more.prior.fixed = 1.0;
  more.start = std::chrono::year{2019} / 4 / 1;
  SchemeEffect e;
  e.target = SchemeTarget::VirtualWardCapacity;
  e.is_delta = true;
  e.delta = 50;
  e.filter.sites = {0};
  more.effects = {e};
  with.schemes.emplace().schemes.push_back(more);
  const ReplicationResult a = run_replication(base, 0), b = run_replication(with, 0);
  EXPECT_GT(b[Kpi::VirtualWardAdmissionsAvoided], a[Kpi::VirtualWardAdmissionsAvoided]);
  const auto& in_use = b.daily[static_cast<std::size_t>(Daily::VirtualWardInUse)];
  EXPECT_GT(*std::max_element(in_use.begin(), in_use.end()), 10.0f);
}

}  // namespace
}  // namespace pfsim::models
