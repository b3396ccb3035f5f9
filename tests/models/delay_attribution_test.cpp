// Delayed transfers of care as the sitrep counts them (DESIGN §5.2): each delayed day attributed by the reason the
// patient waits then, non-acute delays in intermediate care, and the NEA counts with and without zero-LOS stays.
#include <cmath>

#include <gtest/gtest.h>

#include "pfsim/models/system.hpp"
#include "test_scenarios.hpp"

using namespace pfsim::models;
using namespace pfsim::models::testing;

namespace {
Scenario checked(Scenario s) {
  s.run.check_invariants = true;
  return s;
}
double kpi(const Scenario& s, Kpi k, std::uint64_t replication = 0) { return run_replication(s, replication)[k]; }
}  // namespace

TEST(DelayAttribution, AssessmentDaysGoToTheAssessmentRuleAndServiceWaitsToTheService) {
  // Unbounded services: the only delay is the assessment, so a rule of "both" for it takes every delayed day even
  // though every service is social care's.
  Scenario s = checked(whole_system(true));
  for (std::size_t p = 1; p < kPathways; ++p) s.discharge->assessment_delay[p] = pfsim::engine::Distribution::gamma(1440.0, 1440.0);
  s.discharge->attribution.assessment.fill({0.0, 0.0, 1.0});
  s.discharge->attribution.reablement = s.discharge->attribution.intermediate_care = s.discharge->attribution.care_home = {0.0, 1.0, 0.0};
  const ReplicationResult unbounded = run_replication(s, 0);
  ASSERT_GT(unbounded[Kpi::DtocDays], 0.0);
  EXPECT_DOUBLE_EQ(unbounded[Kpi::DtocDaysBoth], unbounded[Kpi::DtocDays]);
  EXPECT_EQ(unbounded[Kpi::DtocDaysSocialCare], 0.0);
  EXPECT_EQ(unbounded[Kpi::DtocDailyDelaysNhs], 0.0);
  // Tight services: the wait for a place after the assessment is social care's.
  Scenario tight = s;
  tight.reablement->capacity = 60;
  const ReplicationResult r = run_replication(tight, 0);
  EXPECT_GT(r[Kpi::DtocDaysSocialCare], 0.0);
  EXPECT_NEAR(r[Kpi::DtocDaysNhs] + r[Kpi::DtocDaysSocialCare] + r[Kpi::DtocDaysBoth], r[Kpi::DtocDays], 1e-6);
  EXPECT_NEAR(r[Kpi::DtocDailyDelaysNhs] + r[Kpi::DtocDailyDelaysSocialCare] + r[Kpi::DtocDailyDelaysBoth], r[Kpi::DtocDailyDelays], 1e-9);
}

TEST(DelayAttribution, CuttingSocialCareReablementRaisesSocialCareDaysMoreThanNhsDays) {
  // The bar of issue 20: with common random numbers, fewer reablement places add delayed days for social care (the
  // wait for the package) and hardly any for the NHS (assessments take as long as before).
  const Scenario base = whole_system(false);
  Scenario cut = base;
  cut.reablement->capacity = base.reablement->capacity * 3 / 4;
  double social = 0, nhs = 0;
  for (std::uint64_t r = 0; r < 3; ++r) {
    const ReplicationResult a = run_replication(base, r), b = run_replication(cut, r);
    social += b[Kpi::DtocDaysSocialCare] - a[Kpi::DtocDaysSocialCare];
    nhs += b[Kpi::DtocDaysNhs] - a[Kpi::DtocDaysNhs];
  }
  EXPECT_GT(social, 100.0);
  EXPECT_GT(social, 3.0 * std::abs(nhs));
}

TEST(DelayAttribution, FullCareHomesDelayPeopleInIntermediateCare) {
  // Intermediate care that ends in a care-home move waits in its bed for the place: a non-acute delay, counted in the
  // totals, attributed to the care-home rule. With places to spare there is none.
  Scenario roomy = checked(whole_system(false));
  roomy.care_homes->beds = 1'000'000;
  EXPECT_EQ(kpi(roomy, Kpi::DtocDaysNonAcute), 0.0);
  Scenario full = checked(whole_system(false));
  full.care_homes->beds = full.care_homes->initial_residents;  // every place taken at the start
  full.discharge->attribution.care_home = {0.0, 0.0, 1.0};
  const ReplicationResult r = run_replication(full, 0);
  EXPECT_GT(r[Kpi::DtocDaysNonAcute], 1.0);
  EXPECT_GT(r[Kpi::DtocDailyDelaysNonAcute], 0.0);
  EXPECT_LE(r[Kpi::DtocDaysNonAcute], r[Kpi::DtocDaysBoth] + 1e-9) << "non-acute waits are for a care home: the care-home rule";
  EXPECT_LE(r[Kpi::DtocDailyDelaysNonAcute], r[Kpi::DtocDailyDelays]);
}

TEST(EmergencyAdmissions, CountsWithAndWithoutZeroLengthOfStayAddUp) {
  const ReplicationResult r = run_replication(whole_system(false), 0);
  EXPECT_DOUBLE_EQ(r[Kpi::NeaAll], r[Kpi::Nea] + r[Kpi::SdecAdmissions]);
  EXPECT_DOUBLE_EQ(r[Kpi::NeaZeroLos] + r[Kpi::NeaLos1PlusDays], r[Kpi::NeaAll]);
  EXPECT_GT(r[Kpi::NeaZeroLos], r[Kpi::SdecAdmissions]) << "some bedded stays end on the day they began";
  EXPECT_GT(r[Kpi::NeaLos1PlusDays], 0.5 * r[Kpi::Nea]);
}
