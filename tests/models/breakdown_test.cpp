// /by_site and /by_locality (DESIGN §7): every KPI is cut both ways, and the cuts add back up to the whole system.
// Counts sum to the total over sites and over localities; ratios recombine to the total with their denominators as
// weights (checked on the recorder, where the denominators are visible, and on whole runs for the per-100k rates).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <string>

#include "pfsim/models/population.hpp"
#include "pfsim/models/system.hpp"
#include "pfsim/loader/load.hpp"
#include "recorder.hpp"
#include "test_scenarios.hpp"

namespace pfsim::models {
namespace {

constexpr double kDay = 1440.0;

// KPIs whose value for the system is the plain sum of their values for the parts.
const std::set<Kpi> kCounts = {Kpi::AeAttendances,      Kpi::Nea,                    Kpi::SdecAdmissions,     Kpi::NeaAll,
                               Kpi::NeaZeroLos,         Kpi::NeaLos1PlusDays,        Kpi::DtocDays,           Kpi::DtocDaysNhs,
                               Kpi::DtocDaysSocialCare, Kpi::DtocDaysBoth,           Kpi::DtocDaysNonAcute,   Kpi::DtocDailyDelays,
                               Kpi::DtocDailyDelaysNhs, Kpi::DtocDailyDelaysSocialCare, Kpi::DtocDailyDelaysBoth,
                               Kpi::DtocDailyDelaysNonAcute, Kpi::LosOver21d,        Kpi::GpUnmetAppointments, Kpi::Opel4Days,
                               Kpi::EscalationBedDays,  Kpi::NctrMidnight,       Kpi::NctrMidnightP0,     Kpi::NctrMidnightP1,
                               Kpi::NctrMidnightP2,     Kpi::NctrMidnightP3,     Kpi::FallsAdmissions65plus,
                               Kpi::AcscChronicAdmissions, Kpi::AcscUrgentAdmissions};

std::string name(Kpi k) { return std::string(kpi_catalogue()[static_cast<std::size_t>(k)].name); }
double sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}
double weighted(const std::vector<double>& values, const std::vector<double>& weights) {
  double s = 0;
  for (std::size_t i = 0; i < values.size(); ++i) s += values[i] * weights[i];
  return s;
}
void expect_close(double expected, double actual, const std::string& what) {
  EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

/// Two A&E sites chosen in different shares by two localities, plus a beds-only site nobody chooses; winter
/// escalation and OPEL so that every counter is exercised.
Scenario two_sites_and_a_community_hospital() {
  Scenario s = testing::whole_system(false);
  s.run.days = 60;
  s.run.warmup_days = 20;
  s.sites[0].general_beds = 260;
  s.sites[0].escalation_beds = 20;
  Site second = s.sites[0];
  second.name = "Second";
  second.general_beds = 140;
  Site community;
  community.name = "Community";
  community.general_beds = 30;
  s.sites = {s.sites[0], second, community};
  s.ae.site_choice = {{0.7, 0.3, 0.0}, {0.2, 0.8, 0.0}};
  WinterSettings& w = s.winter.emplace();
  w.escalation.emplace();
  w.opel.emplace();
  return s;
}

Scenario short_winter_file() {
  Scenario s = loader::load_scenario(std::filesystem::path(PFSIM_SCENARIOS_DIR) / "south-east-essex-2019-winter.yaml");
  s.run.days = 45;
  s.run.warmup_days = 20;
  return s;
}

std::vector<double> population_mean(const Scenario& s, const std::vector<bool>& bands) {
  const double year_minutes = engine::kDaysPerYear * kDay;
  const PopulationProjection projection(s.population, s.run.warmup_days * kDay / year_minutes);  // growth from start_date
  const Eigen::ArrayXd people = projection.mean_over(s.run.warmup_days * kDay / year_minutes,
                                                     (s.run.warmup_days + s.run.days) * kDay / year_minutes, bands);
  return {people.begin(), people.end()};
}

void expect_breakdowns_add_up(const Scenario& s, std::uint64_t replication) {
  SCOPED_TRACE(::testing::Message() << s.name << " replication " << replication);
  const ReplicationResult r = run_replication(s, replication);
  for (std::size_t k = 0; k < kKpiCount; ++k) {
    ASSERT_EQ(r.by_site[k].size(), s.sites.size()) << kpi_catalogue()[k].name;
    ASSERT_EQ(r.by_locality[k].size(), s.localities()) << kpi_catalogue()[k].name;
  }
  for (Kpi k : kCounts) {
    expect_close(r[k], sum(r.site_values(k)), name(k) + " summed over sites");
    expect_close(r[k], sum(r.locality_values(k)), name(k) + " summed over localities");
  }
  EXPECT_GT(r[Kpi::Opel4Days] + r[Kpi::EscalationBedDays], 0) << "winter pressure must be exercised";

  // Per-100k rates: weighted by the locality's own people, or by the site's catchment (people × site_choice share).
  const std::vector<bool> all(s.bands(), true);
  const auto people = population_mean(s, all), adults = population_mean(s, s.population.band_is_adult),
             aged_65 = population_mean(s, s.population.band_is_65plus);
  const auto catchment = [&](const std::vector<double>& by_locality) {
    std::vector<double> c(s.sites.size(), 0.0);
    for (std::size_t l = 0; l < by_locality.size(); ++l)
      for (std::size_t site = 0; site < s.sites.size(); ++site) c[site] += by_locality[l] * s.ae.site_choice[l][site];
    return c;
  };
  const std::pair<Kpi, const std::vector<double>*> rates[] = {
      {Kpi::NeaPer100k, &people}, {Kpi::DtocDailyDelaysPer100k18plus, &adults}, {Kpi::CareHomeAdmissionsPer100k65plus, &aged_65}};
  for (const auto& [k, denominator] : rates) {
    const double total = r[k] * sum(*denominator);
    EXPECT_NEAR(weighted(r.locality_values(k), *denominator), total, 1e-6 * total) << name(k) << " by locality";
    EXPECT_NEAR(weighted(r.site_values(k), catchment(*denominator)), total, 1e-6 * total) << name(k) << " by site";
  }
  // A site nobody chooses has no catchment and no patients.
  for (std::size_t site = 0; site < s.sites.size(); ++site) {
    if (!s.sites[site].ae) {
      EXPECT_EQ(r.site_values(Kpi::Nea)[site], 0.0);
    }
  }
}

TEST(Breakdowns, ByLocalityAndBySiteCatalogueEveryKpiUnderItsName) {
  for (std::size_t k = 0; k < kKpiCount; ++k) {
    EXPECT_EQ(by_site_catalogue()[k].name, kpi_catalogue()[k].name);
    EXPECT_EQ(by_locality_catalogue()[k].name, kpi_catalogue()[k].name);
    EXPECT_FALSE(by_site_catalogue()[k].description.empty());
    EXPECT_FALSE(by_locality_catalogue()[k].description.empty());
  }
}

TEST(Breakdowns, CountsSumAndRatesRecombineToTheTotalInEveryReplicationOfTwoSitesAndACommunityHospital) {
  const Scenario s = two_sites_and_a_community_hospital();
  for (std::uint64_t rep : {0, 1, 2}) expect_breakdowns_add_up(s, rep);
}

TEST(Breakdowns, CountsSumAndRatesRecombineToTheTotalInEveryReplicationOfTheWinterScenario) {
  const Scenario s = short_winter_file();
  for (std::uint64_t rep : {0, 1}) expect_breakdowns_add_up(s, rep);
}

TEST(Breakdowns, ASingleSiteAndLocalityEqualsTheWholeSystem) {
  Scenario s = testing::whole_system(false);
  s.population.localities.resize(1);
  s.ae.site_choice.resize(1);
  s.primary_care->slots_per_week.resize(1);
  const ReplicationResult r = run_replication(s, 4);
  for (std::size_t k = 0; k < kKpiCount; ++k) {
    EXPECT_EQ(r.by_site[k][0], r.kpi[k]) << kpi_catalogue()[k].name;
    // A locality's occupied bed-time is summed over its residents' stays, not read from the bed resource.
    if (static_cast<Kpi>(k) == Kpi::BedOccupancyPct) {
      expect_close(r.kpi[k], r.by_locality[k][0], "bed_occupancy_pct by locality");
    } else {
      EXPECT_EQ(r.by_locality[k][0], r.kpi[k]) << kpi_catalogue()[k].name;
    }
  }
  EXPECT_GT(r[Kpi::BedOccupancyPct], 10.0);
}

// ---- the recorder: every ratio's denominator is known here -------------------------------------------------

/// Three sites, three localities; locality 2 splits 25/75 between sites 0 and 1; nobody chooses site 2.
struct RecorderFixture {
  std::vector<std::vector<double>> site_choice{{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.25, 0.75, 0.0}};
  Recorder recorder{10 * kDay, 30, 3, site_choice, measured_months(std::chrono::year{2019} / 1 / 1, 30)};
  double t(double day) const { return (10 + day) * kDay; }
};

TEST(Breakdowns, RecorderRatiosRecombineWithTheirDenominatorsAsWeights) {
  RecorderFixture f;
  Recorder& rec = f.recorder;
  // A&E: (site, locality, minutes); 4h and mean time are weighted by departures.
  const struct { std::size_t site, locality; double minutes; } ae[] = {{0, 0, 100}, {0, 0, 300}, {1, 1, 200}, {1, 2, 500}, {0, 2, 60}};
  for (const auto& a : ae) {
    rec.ae_arrival(f.t(1), a.site, a.locality);
    rec.ae_departure(f.t(1), f.t(1) + a.minutes, a.site, a.locality);
  }
  rec.bed_wait(f.t(2), f.t(2) + 600, 0, 0, false);
  rec.bed_wait(f.t(2), f.t(2) + 60, 1, 2, false);
  rec.bed_wait(f.t(2), f.t(2) + 120, 1, 1, false);
  for (int i = 0; i < 3; ++i) rec.home_at_91d_pending();
  rec.home_at_91d(true, 0, 2);
  rec.home_at_91d(false, 1, 2);
  rec.home_at_91d(true, 1, 1);
  for (std::size_t l : {0, 1, 2, 2}) rec.discharge(f.t(4), l == 0 ? 0 : 1, l, {});
  rec.readmission_within_30d(f.t(4), 1, 2);
  rec.care_home_admission(f.t(5), Recorder::kNoSite, 2, true, true);  // community referral: 0.25 / 0.75 over sites
  rec.care_home_admission(f.t(5), 0, 1, true, true);
  rec.care_home_admission(f.t(5), 1, 2, true, false);  // 18-64
  rec.gp_unmet(f.t(5), 2, 8.0);
  rec.bed_stay(f.t(0), f.t(30), 0);
  rec.bed_stay(f.t(-5), f.t(10), 2);  // clipped to the window: 10 days
  rec.bed_stay(f.t(3), f.t(20), 1);
  rec.delayed_period(f.t(2), f.t(5), DelayAttribution{0.5, 0.3, 0.2}, 1, 2, false);
  rec.delayed_period(f.t(28), f.t(40), DelayAttribution{}, 0, 0, true);  // 2 days inside the window, non-acute
  rec.escalation_open(f.t(6), f.t(8), 1, 4.0);
  Recorder::Census c;
  c.opel_by_site = {4, 1, 4};
  for (std::size_t d = 0; d < 30; ++d) {
    const DelayAttribution social{0.0, 1.0, 0.0};
    rec.in_bed_at_midnight(0, 0, d % 2 == 0 ? &social : nullptr, false);
    rec.in_bed_at_midnight(1, 2, &social, d > 20);
    if (d % 3 == 0) rec.delayed_non_acute_at_midnight(1, 1, DelayAttribution{});
    rec.census(d, c);
  }
  Recorder::Denominators den;
  den.locality_population = {1000, 3000, 6000};
  den.locality_adults = {800, 2400, 4800};
  den.locality_65plus = {200, 600, 1200};
  den.population = 10000;
  den.adults = 8000;
  den.aged_65plus = 2000;
  den.site_occupied_area = {27 * kDay, 30 * kDay, 0.0};  // = the residents' stays: 30 + 10 + 17 days
  den.site_available_area = {30 * kDay, 60 * kDay, 10 * kDay};
  const ReplicationResult r = rec.finish(den);

  const auto check = [&](Kpi k, const std::vector<double>& site_weights, const std::vector<double>& locality_weights) {
    expect_close(r[k] * sum(site_weights), weighted(r.site_values(k), site_weights), name(k) + " by site");
    expect_close(r[k] * sum(locality_weights), weighted(r.locality_values(k), locality_weights), name(k) + " by locality");
  };
  check(Kpi::Ae4hPct, {3, 2, 0}, {2, 1, 2});
  check(Kpi::AeMeanTimeMin, {3, 2, 0}, {2, 1, 2});
  check(Kpi::TrolleyWaitMeanH, {1, 2, 0}, {1, 1, 1});
  check(Kpi::Reablement91dHomePct, {1, 2, 0}, {0, 1, 2});
  check(Kpi::Readmission30dPct, {1, 3, 0}, {1, 1, 2});
  // Catchments: site 0 = 1000 + 0.25 × 6000, site 1 = 3000 + 0.75 × 6000, site 2 none.
  check(Kpi::NeaPer100k, {2500, 7500, 0}, den.locality_population);
  check(Kpi::DtocDailyDelaysPer100k18plus, {2000, 6000, 0}, den.locality_adults);
  check(Kpi::CareHomeAdmissionsPer100k65plus, {500, 1500, 0}, den.locality_65plus);
  check(Kpi::CareHomeAdmissionsPer100k18to64, {1500, 4500, 0}, {600, 1800, 3600});
  // Available beds go to localities by their part of each site's catchment (locality 2: 0.6 of site 0's and 0.6 of
  // site 1's), and site 2's, which nobody chooses, by population (0.1, 0.3, 0.6).
  check(Kpi::BedOccupancyPct, den.site_available_area, {(0.4 * 30 + 0.1 * 10) * kDay, (0.4 * 60 + 0.3 * 10) * kDay, (0.6 * 90 + 0.6 * 10) * kDay});
  EXPECT_DOUBLE_EQ(r[Kpi::BedOccupancyPct], 100.0 * 57 / 100);
  EXPECT_DOUBLE_EQ(r.locality_values(Kpi::BedOccupancyPct)[2], 100.0 * 10 / 60);
  for (Kpi k : kCounts) {
    expect_close(r[k], sum(r.site_values(k)), name(k) + " summed over sites");
    expect_close(r[k], sum(r.locality_values(k)), name(k) + " summed over localities");
  }
  // Shared out by site_choice: the community referral and GP demand of locality 2.
  EXPECT_DOUBLE_EQ(r.site_values(Kpi::GpUnmetAppointments)[0], 2.0);
  EXPECT_DOUBLE_EQ(r.site_values(Kpi::GpUnmetAppointments)[1], 6.0);
  EXPECT_DOUBLE_EQ(r.site_values(Kpi::CareHomeAdmissionsPer100k65plus)[0], 1.25 / 500 * 1e5 * engine::kDaysPerYear / 30);
  EXPECT_DOUBLE_EQ(r.site_values(Kpi::Opel4Days)[0], 30.0);
  EXPECT_DOUBLE_EQ(r.locality_values(Kpi::Opel4Days)[2], 0.6 * 30.0 + 0.6 * 30.0);
  EXPECT_DOUBLE_EQ(r.site_values(Kpi::NeaPer100k)[2], 0.0) << "no catchment";
  EXPECT_DOUBLE_EQ(r.locality_values(Kpi::EscalationBedDays)[1], 0.4 * 8.0);
  EXPECT_DOUBLE_EQ(r[Kpi::DtocDays], 5.0);
  EXPECT_DOUBLE_EQ(r.site_values(Kpi::DtocDaysSocialCare)[1], 0.9);
}

}  // namespace
}  // namespace pfsim::models
