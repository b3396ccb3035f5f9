// Care-home residents' own emergencies (care_homes.residents_ae): Poisson attendances while in the home, admitted at
// the residents' rate, their place kept while away, back to it afterwards, and freed if they die in hospital.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "pfsim/models/system.hpp"
#include "test_scenarios.hpp"

using namespace pfsim::models;
using namespace pfsim::models::testing;

namespace {
constexpr int kResidents = 1000, kDays = 365;

// 1,000 residents who never die in the home, no other demand: every attendance and admission is a resident's.
Scenario residents_only(double attendances_per_year, double admit) {
  Scenario s = single_site(0.0, 20, 400, kDays, 0);
  s.ae.sdec_share = 0.0;
  s.care_homes = CareHomeSettings{2000, kResidents, 0.0, pfsim::engine::Distribution::weibull(1.0, 1e13), {}};
  s.care_homes->residents_ae = CareHomeResidentsAe{attendances_per_year, admit};
  s.run.check_invariants = true;
  return s;
}

const std::vector<float>& daily(const ReplicationResult& r, Daily d) { return r.daily[static_cast<std::size_t>(d)]; }
}  // namespace

TEST(CareHomeResidents, AttendancesArePoissonAtTheResidentsRate) {
  // 1,000 residents × 2 a year: 2,000 × 365 / 365.25 attendances, Poisson sd ~45; nobody admitted, all go back.
  const ReplicationResult r = run_replication(residents_only(2.0, 0.0), 0);
  const double expected = kResidents * 2.0 * kDays / 365.25;
  EXPECT_NEAR(r[Kpi::AeAttendances], expected, 4 * std::sqrt(expected));
  EXPECT_EQ(r[Kpi::Nea], 0.0);
  for (float residents : daily(r, Daily::CareHomeResidents)) EXPECT_EQ(residents, kResidents);
}

TEST(CareHomeResidents, AdmittedResidentsKeepTheirPlaceAndGoBack) {
  // Everyone who attends is admitted (no SDEC): admissions match attendances less those still waiting at the end,
  // and the homes hold all 1,000 places every night, those in hospital included.
  const ReplicationResult r = run_replication(residents_only(1.0, 1.0), 1);
  EXPECT_GT(r[Kpi::Nea], 800.0);
  EXPECT_NEAR(r[Kpi::Nea], r[Kpi::AeAttendances], 10.0);
  for (float residents : daily(r, Daily::CareHomeResidents)) EXPECT_EQ(residents, kResidents);
  // Back home is not a discharge into the community: no 30-day readmission draw is made for them.
  EXPECT_EQ(r[Kpi::Readmission30dPct], 0.0);
}

TEST(CareHomeResidents, AResidentWhoDiesInHospitalFreesTheirPlace) {
  Scenario s = residents_only(1.0, 1.0);
  s.admission.died_in_hospital = {1.0};
  const ReplicationResult r = run_replication(s, 2);
  const auto& residents = daily(r, Daily::CareHomeResidents);
  EXPECT_GT(r[Kpi::HospitalDeaths], 500.0);
  // The last midnight's residents are the 1,000 less everyone who died by then (a day's deaths at most after it).
  EXPECT_NEAR(residents.back(), kResidents - r[Kpi::HospitalDeaths], 10.0);
  EXPECT_TRUE(std::is_sorted(residents.rbegin(), residents.rend()));
}
