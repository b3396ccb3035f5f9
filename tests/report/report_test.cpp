// The whole page from a RunRecord built here: expected sections, charts and rows; absent data leaves no section;
// text is escaped; nothing is fetched; the file appears whole or not at all.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "pfsim/output/error.hpp"
#include "pfsim/output/report.hpp"
#include "text_count.hpp"

namespace pfsim::output {
namespace {

using pfsim::output::testing::count;

RunRecord small_record() {
  RunRecord r;
  r.pfsim_version = "0.1.0";
  r.scenario_name = "A&E <test> \"winter\"";
  r.start_date = "2019-04-01";
  r.created = "2024-01-01T00:00:00Z";
  r.seed = 7;
  r.replications = 4;
  r.days = 10;
  r.warmup_days = 2;
  r.scenario_yaml = "pfsim: 1\nname: \"A&E <test>\"\n";
  const auto kpi = [&](std::string name, std::string units, double base) {
    Kpi k{std::move(name), std::move(units), "description of " + std::string("it"), {}};
    for (int i = 0; i < 4; ++i) k.per_replication.push_back(base + i);
    return k;
  };
  r.kpis = {kpi("ae_4h_pct", "%", 85), kpi("dtoc_daily_delays", "patients", 20), kpi("bed_occupancy_pct", "%", 92),
            kpi("reablement_91d_home_pct", "%", 60), kpi("care_home_admissions_per_100k_65plus", "per year per 100k 65+", 600),
            kpi("nea", "admissions", 26000)};
  const auto daily = [&](std::string name, std::string units) {
    DailySeries s{std::move(name), std::move(units), "a daily series", 4, 10, {}};
    for (std::size_t i = 0; i < 40; ++i) s.values.push_back(static_cast<float>(90 + i % 7));
    return s;
  };
  r.daily = {daily("ae_4h_pct", "%"), daily("bed_occupancy_pct", "%"), daily("dtoc_delayed_patients", "patients"),
             daily("opel_level", "level"), daily("reablement_in_use", "packages")};
  r.site_names = {"Southend", "Basildon & <Thurrock>"};
  r.locality_names = {"West", "East", "Canvey"};
  r.by_site = {{"bed_occupancy_pct", "%", "occupancy at the site", {90, 91, 92, 93, 94, 95, 96, 97}}};
  r.by_locality = {{"nea_per_100k", "per year per 100k", "admissions", std::vector<double>(12, 7000.0)},
                   {"dtoc_daily_delays", "patients", "delays", std::vector<double>(12, 3.0)}};
  return r;
}

TEST(Report, HasEverySectionTheRecordHasDataFor) {
  const std::string html = render_report(small_record(), {});
  for (const char* id : {"run", "kpis", "daily", "histograms", "by-site", "by-locality", "scenario", "scenario-text"})
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
}

TEST(Report, DrawsAFanChartPerDailySeriesAndAHistogramPerHeadlineKpi) {
  const std::string html = render_report(small_record(), {});
  EXPECT_EQ(count(html, "class=\"chart fan-chart\""), 5U);
  EXPECT_EQ(count(html, "class=\"fan-median\"/>"), 5U);  // one median path per chart (the legend line is "fan-median legend-line")
  EXPECT_EQ(count(html, "class=\"chart histogram\""), 5U);
  EXPECT_EQ(count(html, "<svg"), 10U);
  EXPECT_NE(html.find("More daily series"), std::string::npos);  // reablement_in_use is not a headline series
}

TEST(Report, HasOneKpiRowPerKpiAndWithFewSitesOrLocalitiesOneBreakdownRowPerKpi) {
  const std::string html = render_report(small_record(), {});
  EXPECT_EQ(count(html, "<tr class=\"kpi-row\">"), 6U);
  // 2 sites and 3 localities fit as columns: the rows are the 1 by-site and 2 by-locality KPIs.
  EXPECT_EQ(count(html, "<tr class=\"breakdown-row\">"), 1U + 2U);
  // Mean ± CI: by-site occupancy at Southend is the mean of 90, 92, 94, 96 = 93.
  EXPECT_NE(html.find("<td class=\"num\">93"), std::string::npos);
}

TEST(Report, EscapesNamesFromTheFile) {
  const std::string html = render_report(small_record(), {});
  EXPECT_EQ(html.find("<test>"), std::string::npos);
  EXPECT_EQ(html.find("<Thurrock>"), std::string::npos);
  EXPECT_NE(html.find("A&amp;E &lt;test&gt; &quot;winter&quot;"), std::string::npos);
  EXPECT_NE(html.find("Basildon &amp; &lt;Thurrock&gt;"), std::string::npos);
}

TEST(Report, IsSelfContainedWithoutScriptOrNetwork) {
  const std::string html = render_report(small_record(), {});
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  // The only URL is the SVG namespace, which browsers never fetch.
  EXPECT_EQ(count(html, "http://"), count(html, "http://www.w3.org/2000/svg"));
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(Report, LeavesOutSectionsWithoutData) {
  RunRecord r = small_record();
  r.daily.clear();
  r.by_site.clear();
  r.by_locality.clear();
  r.site_names.clear();
  r.locality_names.clear();
  r.scenario_yaml.clear();
  const std::string html = render_report(r, {});
  for (const char* id : {"daily", "by-site", "by-locality", "scenario", "scenario-text"})
    EXPECT_EQ(html.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
  EXPECT_EQ(count(html, "<svg"), 5U);
}

TEST(Report, ShowsBedsAndPopulationFromTheScenarioSummary) {
  ReportOptions options;
  options.scenario.sites = {{"Southend", 540.0, 40.0}};
  options.scenario.localities = {{"West", "Southend", 43950.0}, {"Canvey", "Castle Point", 45000.0}};
  const std::string html = render_report(small_record(), options);
  EXPECT_NE(html.find(">540<"), std::string::npos);
  EXPECT_NE(html.find(">88,950<"), std::string::npos);  // total population
}

TEST(WriteReport, WritesTheWholePageAndNoTemporaryFile) {
  const auto dir = std::filesystem::temp_directory_path() / "pfsim_report_test";
  std::filesystem::create_directories(dir);
  const auto path = dir / "report.html";
  write_report(small_record(), {}, path);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(text.str().ends_with("</html>\n"));
  EXPECT_FALSE(std::filesystem::exists(dir / "report.html.tmp"));
  std::filesystem::remove_all(dir);
}

TEST(WriteReport, ThrowsOutputErrorAndLeavesNothingWhenTheDirectoryIsMissing) {
  const auto path = std::filesystem::temp_directory_path() / "pfsim_no_such_dir" / "report.html";
  EXPECT_THROW(write_report(small_record(), {}, path), OutputError);
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace pfsim::output
