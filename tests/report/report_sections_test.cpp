// What the page's sections draw and say for the cases a reader trips over: winter-only series without winter, scheme
// tornados from too few replications, wide breakdown tables, numbers for people, national standards on the charts.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/output/report.hpp"
#include "text_count.hpp"

namespace pfsim::output {
namespace {

using pfsim::output::testing::count;

DailySeries series(std::string name, std::string units, float value) {
  DailySeries s{std::move(name), std::move(units), "a daily series", 3, 10, std::vector<float>(30, value)};
  s.values[4] += value > 0 ? 1.0F : 0.0F;  // some spread, except in an all-zero series
  return s;
}

RunRecord base_record() {
  RunRecord r;
  r.scenario_name = "test";
  r.start_date = "2019-04-01";
  r.replications = 3;
  r.days = 10;
  r.daily = {series("ae_4h_pct", "%", 88), series("bed_occupancy_pct", "%", 90), series("opel_level", "level", 0),
             series("escalation_beds_open", "beds", 0), series("beds_closed", "beds", 0)};
  return r;
}

// ---- winter-only series ------------------------------------------------------------------------------------------

TEST(DailySection, LeavesOutWinterOnlySeriesWithoutWinterAndSaysSo) {
  ReportOptions options;
  options.scenario.winter = false;
  const std::string html = render_report(base_record(), options);
  EXPECT_EQ(html.find("<figcaption>OPEL escalation level"), std::string::npos);
  EXPECT_EQ(html.find("<figcaption>Escalation beds open"), std::string::npos);
  EXPECT_NE(html.find("Not drawn: OPEL escalation level and Escalation beds open, which only a <code>winter:</code>"),
            std::string::npos);
  // Beds closed is not winter-only (the ordinary year's outbreaks close beds): drawn, and said to be all zero.
  EXPECT_NE(html.find("<figcaption>Beds closed"), std::string::npos);
  EXPECT_NE(html.find("(beds_closed); zero on every day in every replication"), std::string::npos);
  EXPECT_EQ(count(html, "class=\"chart fan-chart\""), 3U);
}

TEST(DailySection, DrawsWinterSeriesWithWinterOrWhenTheScenarioIsUnknown) {
  ReportOptions with_winter;
  with_winter.scenario.winter = true;
  EXPECT_EQ(count(render_report(base_record(), with_winter), "class=\"chart fan-chart\""), 5U);
  const std::string unknown = render_report(base_record(), {});
  EXPECT_EQ(count(unknown, "class=\"chart fan-chart\""), 5U);
  EXPECT_EQ(unknown.find("Not drawn:"), std::string::npos);
}

// ---- national standards ------------------------------------------------------------------------------------------

TEST(DailySection, DrawsTheFourHourStandardAndTheOccupancyAmbition) {
  const std::string html = render_report(base_record(), {});
  EXPECT_EQ(count(html, "class=\"target-line\""), 2U);
  EXPECT_NE(html.find(">95 % standard</text>"), std::string::npos);
  EXPECT_NE(html.find(">92 % occupancy</text>"), std::string::npos);
}

TEST(MonthlySection, DrawsTheFourHourMonthsWithTheStandard) {
  RunRecord r = base_record();
  r.daily.clear();
  TableGroup monthly{"monthly", {"2019-04", "2019-05"}, {}};
  monthly.tables.push_back({"ae_4h_pct", "%", "4-hour performance of the month's arrivals", {90, 91, 89, 92, 91, 90}});
  r.table_groups.push_back(monthly);
  const std::string html = render_report(r, {});
  EXPECT_EQ(count(html, "class=\"chart month-chart\""), 1U);
  EXPECT_NE(html.find(">95 % standard</text>"), std::string::npos);
}

// ---- schemes -----------------------------------------------------------------------------------------------------

// Four schemes whose delivery varies over `reps` replications; tornados for savings and the 4-hour %.
RunRecord scheme_record(std::size_t reps, bool kpi_swings) {
  RunRecord r;
  r.scenario_name = "schemes";
  r.replications = static_cast<std::int64_t>(reps);
  r.kpis = {{"ae_4h_pct", "%", "4-hour", std::vector<double>(reps, 90.0)}};
  TableGroup schemes{"schemes", {"BCF 1 DFG adaptations", "BCF 7 Winter: reablement or intermediate care at home", "C", "D"}, {}};
  Breakdown delivery{"delivery", "fraction", "delivered", {}};
  for (std::size_t rep = 0; rep < reps; ++rep)
    for (std::size_t s = 0; s < 4; ++s) delivery.values.push_back(0.1 * static_cast<double>(rep + s));
  schemes.tables.push_back(delivery);
  r.table_groups.push_back(schemes);
  std::vector<double> savings;
  for (std::size_t rep = 0; rep < reps; ++rep) savings.push_back(1.1e7 + 1e6 * static_cast<double>(rep));
  r.extra_datasets = {{"/qipp/savings_gbp", savings},
                      {"/qipp/p_meet_target", {21975000, 0, 0, 0.56}},
                      {"/qipp/tornado/savings_gbp", {2.7e6, 1.6e6, 0, 0.2e6}},
                      {"/qipp/tornado/ae_4h_pct", kpi_swings ? std::vector<double>{0.5, -1.2, 0, 0.1} : std::vector<double>(4, 0.0)}};
  return r;
}

TEST(SchemesSection, SaysWhyThereIsNoKpiTornadoWithTooFewReplications) {
  const std::string html = render_report(scheme_record(3, false), {});
  EXPECT_EQ(count(html, "class=\"chart tornado\""), 1U);  // savings only: its money part needs no regression
  EXPECT_NE(html.find("No tornado for A&amp;E 4-hour performance: each scheme's swing comes from a regression on the "
                      "delivered fractions of the 4 schemes whose delivery varies, which needs at least 7 replications, "
                      "and this run has 3."),
            std::string::npos);
  EXPECT_NE(html.find("flow savings not attributed to schemes"), std::string::npos);
}

TEST(SchemesSection, DrawsKpiTornadosWhenTheRegressionWasFitted) {
  const std::string html = render_report(scheme_record(8, true), {});
  EXPECT_EQ(count(html, "class=\"chart tornado\""), 2U);
  EXPECT_EQ(html.find("No tornado"), std::string::npos);
  EXPECT_NE(html.find(">BCF 7 Winter: reablement or intermediate care at home</text>"), std::string::npos);
}

TEST(SchemesSection, PutsTheQippTargetOnTheSavingsAxisInMillions) {
  const std::string html = render_report(scheme_record(3, false), {});
  EXPECT_NE(html.find(">QIPP target £21.98 m</text>"), std::string::npos);
  EXPECT_NE(html.find("QIPP target £21.98 m, P(meet target) = 0 % (95 % CI 0 % – 56 %)"), std::string::npos);
  EXPECT_EQ(html.find("21,975,000"), std::string::npos);
}

// ---- breakdown tables --------------------------------------------------------------------------------------------

// Value columns (<th scope="col"> after the first) of each breakdown table in `html`.
std::vector<std::size_t> value_columns(const std::string& html) {
  std::vector<std::size_t> out;
  for (auto at = html.find("<table class=\"breakdown-table"); at != std::string::npos;
       at = html.find("<table class=\"breakdown-table", at + 1)) {
    const std::string head = html.substr(at, html.find("</thead>", at) - at);
    out.push_back(count(head, "<th scope=\"col\"") - 1);
  }
  return out;
}

RunRecord breakdown_record(std::size_t sites, std::size_t localities, std::size_t kpis) {
  RunRecord r;
  r.replications = 2;
  for (std::size_t i = 0; i < sites; ++i) r.site_names.push_back("Site " + std::to_string(i));
  for (std::size_t i = 0; i < localities; ++i) r.locality_names.push_back("Locality " + std::to_string(i));
  for (std::size_t k = 0; k < kpis; ++k) {
    r.by_site.push_back({"kpi_" + std::to_string(k), "%", "a KPI", std::vector<double>(2 * sites, 50.0 + static_cast<double>(k))});
    r.by_locality.push_back({"kpi_" + std::to_string(k), "%", "a KPI", std::vector<double>(2 * localities, 60.0)});
  }
  return r;
}

TEST(BreakdownTables, FewSitesAreColumnsBesideEachKpi) {
  const std::string html = render_report(breakdown_record(3, 0, 12), {});
  EXPECT_EQ(value_columns(html), std::vector<std::size_t>{3});
  EXPECT_EQ(count(html, "<tr class=\"breakdown-row\">"), 12U);  // one row per KPI
  EXPECT_EQ(html.find("class=\"wide\""), std::string::npos);    // nothing to scroll
}

TEST(BreakdownTables, ManyLocalitiesAreRowsInTablesOfAFewKpis) {
  const std::string html = render_report(breakdown_record(0, 26, 12), {});
  const std::vector<std::size_t> columns = value_columns(html);
  ASSERT_EQ(columns.size(), 3U);  // 12 KPIs in tables of at most 5
  for (const std::size_t c : columns) EXPECT_LE(c, 5U);
  EXPECT_EQ(count(html, "<tr class=\"breakdown-row\">"), 3U * 26U);
  EXPECT_NE(html.find("  .breakdown-table { font-size: 7.5pt"), std::string::npos);  // smaller in print, for A4
}

// ---- numbers for people ------------------------------------------------------------------------------------------

TEST(KpiTable, PrintsPercentagesToAtMostTwoDecimalsAndCountsGrouped) {
  RunRecord r;
  r.replications = 4;
  r.kpis = {{"elective_within_priority_target_pct", "%", "within target", {99.9995, 99.9990, 100.0, 99.9995}},
            {"ae_attendances", "attendances", "arrivals", {108827, 108790, 108900, 108850}}};
  const std::string html = render_report(r, {});
  EXPECT_EQ(html.find("99.9995"), std::string::npos);
  EXPECT_NE(html.find(">100.00<"), std::string::npos);
  EXPECT_NE(html.find(">108,842<"), std::string::npos);
  EXPECT_EQ(html.find("e+0"), std::string::npos);
}

// ---- option appraisal (a compare file) -------------------------------------------------------------------------------

// A base with two headline KPIs and two options: "more-beds" raises the 4-hour % by 1.1 ± 0.3 and leaves occupancy
// alone; "closure" has no difference defined for the 4-hour % (NaN: a module only one side has) and cuts occupancy.
RunRecord compare_record() {
  RunRecord r;
  r.scenario_name = "base";
  r.replications = 4;
  r.days = 30;
  r.kpis = {{"ae_4h_pct", "%", "within 4 hours", {90.0, 91.0, 90.5, 90.5}},
            {"bed_occupancy_pct", "%", "occupancy", {92, 92, 92, 92}}};
  r.extra_meta = {{"option_more-beds", "Southend with 30 more beds"}, {"option_more-beds_warmup_days", "730"},
                  {"option_closure", "Close a ward & <reopen>"}, {"option_closure_warmup_days", "730"}};
  const double nan = std::nan("");
  r.extra_datasets = {{"/compare/more-beds/ae_4h_pct_summary", {1.1, 0.3, 0.8, 1.1, 1.4}},
                      {"/compare/more-beds/bed_occupancy_pct_summary", {0, 0, 0, 0, 0}},
                      {"/compare/closure/ae_4h_pct_summary", {nan, nan, nan, nan, nan}},
                      {"/compare/closure/bed_occupancy_pct_summary", {-2.5, 0.4, -2.9, -2.5, -2.1}}};
  return r;
}

TEST(CompareSection, TablesEveryOptionAndDrawsAForestPerMovedKpi) {
  const std::string html = render_report(compare_record(), {});
  EXPECT_NE(html.find("<h2>Options against the base</h2>"), std::string::npos);
  EXPECT_NE(html.find("2 options against the base, <strong>base</strong>"), std::string::npos);
  EXPECT_NE(html.find("Close a ward &amp; &lt;reopen&gt;"), std::string::npos);  // names escaped
  // The 4-hour % of "more-beds": its mean (90.50 + 1.10) over the paired difference, bold as its CI excludes zero.
  EXPECT_NE(html.find("<td class=\"num significant\">91.60<br><span class=\"desc\">+1.10 ± 0.30</span></td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">n/a</td>"), std::string::npos);
  EXPECT_EQ(count(html, "class=\"chart forest\""), 2U);  // both KPIs move in some option
  EXPECT_NE(html.find("Forest plot: A&amp;E 4-hour performance"), std::string::npos);
}

TEST(CompareSection, SaysWhichKpisNoOptionChangesAndIsAbsentFromARunFile) {
  RunRecord r = compare_record();
  r.extra_datasets[3].second = {0, 0, 0, 0, 0};
  const std::string html = render_report(r, {});
  EXPECT_EQ(count(html, "class=\"chart forest\""), 1U);
  EXPECT_NE(html.find("No forest plot for acute bed occupancy: no option changes it in any replication."), std::string::npos);
  EXPECT_EQ(render_report(base_record(), {}).find("Options against the base"), std::string::npos);
}

}  // namespace
}  // namespace pfsim::output
