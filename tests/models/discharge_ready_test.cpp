// Discharge-ready dates and usual place of residence (DESIGN §5.2): the recorder's arithmetic, and whole runs where
// the answer is known — with nobody held past medically fit for any reason but a pathway, the no-criteria-to-reside
// count is the acute delayed-patient count; with every adult going home at once, everyone leaves on their date.
#include <gtest/gtest.h>

#include <cmath>

#include "pfsim/models/system.hpp"
#include "recorder.hpp"
#include "test_scenarios.hpp"

namespace pfsim::models {
namespace {

constexpr double kDay = 1440.0;

TEST(DischargeReady, RecorderCountsTheDateTheDelayAndTheUsualResidence) {
  const std::vector<std::vector<double>> choice{{1.0}};
  Recorder rec(10 * kDay, 20, 1, choice, scenario::measured_months(std::chrono::year{2019} / 4 / 1, 20));
  const auto t = [](double day) { return (10 + day) * kDay; };
  using F = Recorder::DischargeFacts;
  rec.discharge(t(1.5), 0, 0, F{false, false, true, 0, true, true});     // on the date, home, 65+
  rec.discharge(t(1.6), 0, 0, F{false, false, true, 3, false, true});    // 3 days late, to a care home, 65+
  rec.discharge(t(2.5), 0, 0, F{false, false, true, 1, true, false});    // 1 day late, home
  rec.discharge(t(2.7), 0, 0, F{false, false, false, 0, true, false});   // a same-day stay: not a ready-date discharge
  rec.discharge(t(-1), 0, 0, F{false, false, true, 9, false, true});     // before the window: not counted
  Recorder::Census c;
  for (std::size_t d = 0; d < 20; ++d) {
    rec.in_bed_at_midnight(0, 0, nullptr, false, d < 10 ? 1 : -1);  // pathway 1 for ten nights
    rec.in_bed_at_midnight(0, 0, nullptr, false, 3);                // pathway 3 every night
    rec.in_bed_at_midnight(0, 0, nullptr, false);                   // still needs to be in hospital
    c.no_criteria_to_reside = d < 10 ? 2 : 1;
    rec.census(d, c);
  }
  Recorder::Denominators den;
  den.locality_population = {1000};
  den.locality_adults = {800};
  den.locality_65plus = {200};
  den.population = 1000;
  den.adults = 800;
  den.aged_65plus = 200;
  den.site_occupied_area = {0};
  den.site_available_area = {kDay};
  const ReplicationResult r = rec.finish(den);
  EXPECT_DOUBLE_EQ(r[Kpi::DischargedOnReadyDatePct], 100.0 / 3);
  EXPECT_DOUBLE_EQ(r[Kpi::DischargeDelayDaysMean], 4.0 / 3);
  EXPECT_DOUBLE_EQ(r[Kpi::DischargeDelayDaysMeanDelayed], 2.0);
  EXPECT_DOUBLE_EQ(r[Kpi::DischargedUsualResidencePct], 75.0);
  EXPECT_DOUBLE_EQ(r[Kpi::DischargedUsualResidence65plusPct], 50.0);
  EXPECT_DOUBLE_EQ(r[Kpi::NctrMidnightP1], 0.5);
  EXPECT_DOUBLE_EQ(r[Kpi::NctrMidnightP3], 1.0);
  EXPECT_DOUBLE_EQ(r[Kpi::NctrMidnightP0], 0.0);
  EXPECT_DOUBLE_EQ(r[Kpi::NctrMidnight], 1.5);
  const auto& daily_nctr = r.daily[static_cast<std::size_t>(Daily::NctrMidnight)];
  EXPECT_EQ(daily_nctr[0], 2.0F);
  EXPECT_EQ(daily_nctr[19], 1.0F);
  const auto& daily_on_date = r.daily[static_cast<std::size_t>(Daily::DischargedOnReadyDatePct)];
  EXPECT_FLOAT_EQ(daily_on_date[1], 50.0F);
  EXPECT_FLOAT_EQ(daily_on_date[2], 0.0F);
}

// Without discharge timing or a winter discharge dip, only a pathway keeps a medically fit adult in an acute bed, so
// the people past their discharge-ready time are exactly the acute delayed transfers of care, night by night.
TEST(DischargeReady, NoCriteriaToResideEqualsTheAcuteDelayedPatientsWithoutTimingHolds) {
  const Scenario s = testing::whole_system(false);
  ASSERT_FALSE(s.discharge->timing);
  for (std::uint64_t rep : {0, 1, 2}) {
    const ReplicationResult r = run_replication(s, rep);
    const double acute_delayed = r[Kpi::DtocDailyDelays] - r[Kpi::DtocDailyDelaysNonAcute];
    EXPECT_GT(acute_delayed, 1.0) << "the pathways must delay someone";
    EXPECT_NEAR(r[Kpi::NctrMidnight], acute_delayed, 1e-9 * acute_delayed) << "replication " << rep;
    EXPECT_EQ(r[Kpi::NctrMidnightP0], 0.0) << "P0 goes home at once";
    double by_pathway = 0;
    for (Kpi k : {Kpi::NctrMidnightP0, Kpi::NctrMidnightP1, Kpi::NctrMidnightP2, Kpi::NctrMidnightP3}) by_pathway += r[k];
    EXPECT_NEAR(by_pathway, r[Kpi::NctrMidnight], 1e-9 * by_pathway);
    EXPECT_GT(r[Kpi::DischargeDelayDaysMean], 0.0);
    EXPECT_LT(r[Kpi::DischargedOnReadyDatePct], 100.0);
    EXPECT_GE(r[Kpi::DischargeDelayDaysMeanDelayed], 1.0) << "a late discharge is at least a day late";
  }
}

// Everyone home without support at once (P0, no timing, no assessment): every adult leaves on their date, nobody is
// past it at midnight, and every discharge is to the usual place of residence.
TEST(DischargeReady, EveryoneHomeAtOnceLeavesOnTheDateToTheirUsualResidence) {
  Scenario s = testing::whole_system(true);
  s.discharge->pathway_share = {1.0, 0.0, 0.0, 0.0};
  const ReplicationResult r = run_replication(s, 0);
  EXPECT_DOUBLE_EQ(r[Kpi::DischargedOnReadyDatePct], 100.0);
  EXPECT_DOUBLE_EQ(r[Kpi::DischargeDelayDaysMean], 0.0);
  EXPECT_DOUBLE_EQ(r[Kpi::NctrMidnight], 0.0);
  EXPECT_DOUBLE_EQ(r[Kpi::DischargedUsualResidencePct], 100.0);
  EXPECT_DOUBLE_EQ(r[Kpi::DischargedUsualResidence65plusPct], 100.0);
}

// Pathways 2 and 3 are not the usual place of residence: with half of the adults on each of P1 and P2, about half of
// the adults' discharges (children always go home on P0) are to where they live.
TEST(DischargeReady, UsualResidenceFollowsThePathwayShares) {
  Scenario s = testing::whole_system(true);
  s.discharge->pathway_share = {0.0, 0.5, 0.5, 0.0};
  const ReplicationResult r = run_replication(s, 0);
  EXPECT_NEAR(r[Kpi::DischargedUsualResidence65plusPct], 50.0, 3.0);
  EXPECT_GT(r[Kpi::DischargedUsualResidencePct], r[Kpi::DischargedUsualResidence65plusPct]) << "children go home";
}

}  // namespace
}  // namespace pfsim::models
