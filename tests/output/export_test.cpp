// The export's tables (output/src/export_*.cpp), its CSV and workbook writers, and the STRESS-DES record, on the
// small sample record: what each table holds, that the CSV keeps every digit, that a workbook carries the marker
// pfsim export recognises, and that the STRESS-DES items say what the record says.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "pfsim/engine/stats.hpp"
#include "pfsim/output/error.hpp"
#include "pfsim/output/export.hpp"
#include "pfsim/output/report.hpp"
#include "pfsim/output/stress_des.hpp"
#include "sample_record.hpp"

namespace pfsim::output {
namespace {
namespace fs = std::filesystem;
using testing::sample_record;

const ExportTable* find_table(const std::vector<ExportTable>& tables, std::string_view stem) {
  for (const ExportTable& t : tables)
    if (t.file_stem == stem) return &t;
  return nullptr;
}

double number_at(const ExportTable& t, std::size_t row, std::size_t col) { return std::get<double>(t.rows.at(row).at(col).value); }
std::string text_at(const ExportTable& t, std::size_t row, std::size_t col) { return std::get<std::string>(t.rows.at(row).at(col).value); }

std::size_t column_of(const ExportTable& t, std::string_view header) {
  for (std::size_t c = 0; c < t.headers.size(); ++c)
    if (t.headers[c] == header) return c;
  ADD_FAILURE() << "no column " << header << " in " << t.file_stem;
  return 0;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ExportTables, KpiSummaryHoldsTheStatisticsOfTheReplications) {
  const RunRecord r = sample_record();
  const auto tables = export_tables(r, {});
  const ExportTable* kpis = find_table(tables, "kpi_summary");
  ASSERT_NE(kpis, nullptr);
  ASSERT_EQ(kpis->rows.size(), r.kpis.size());
  for (std::size_t k = 0; k < r.kpis.size(); ++k) {
    const engine::Summary s = engine::summarise(r.kpis[k].per_replication);
    EXPECT_EQ(text_at(*kpis, k, column_of(*kpis, "name")), r.kpis[k].name);
    EXPECT_EQ(number_at(*kpis, k, column_of(*kpis, "mean")), s.mean);
    EXPECT_EQ(number_at(*kpis, k, column_of(*kpis, "95% CI low")), s.mean - s.ci95_half);
    EXPECT_EQ(number_at(*kpis, k, column_of(*kpis, "95% CI high")), s.mean + s.ci95_half);
    EXPECT_EQ(number_at(*kpis, k, column_of(*kpis, "p95")), s.p95);
  }
  // Shown as people write them: the 4-hour % as a percentage, attendances as a grouped whole number.
  EXPECT_EQ(kpis->rows[1][column_of(*kpis, "mean")].shown.kind, Shown::Kind::Percent);
  EXPECT_EQ(kpis->rows[0][column_of(*kpis, "mean")].shown.kind, Shown::Kind::Number);
}

TEST(ExportTables, MonthlyAndDailyAreOneRowPerMonthAndPerDay) {
  const RunRecord r = sample_record(20, 40);
  const auto tables = export_tables(r, {});
  const ExportTable* monthly = find_table(tables, "monthly");
  const ExportTable* daily = find_table(tables, "daily");
  ASSERT_NE(monthly, nullptr);
  ASSERT_NE(daily, nullptr);
  EXPECT_EQ(monthly->rows.size(), 3u);
  EXPECT_EQ(text_at(*monthly, 0, 0), "2019-12");
  // The first month's 4-hour mean over replications (row-major [replication × month]).
  const auto& values = r.table_groups[0].tables[0].values;
  double sum = 0;
  for (std::size_t rep = 0; rep < 20; ++rep) sum += values[rep * 3];
  EXPECT_NEAR(number_at(*monthly, 0, 1), sum / 20, 1e-9);
  ASSERT_EQ(daily->rows.size(), 40u);
  EXPECT_EQ(text_at(*daily, 0, 0), "2019-04-01");
  EXPECT_EQ(text_at(*daily, 39, 0), "2019-05-10");
  EXPECT_EQ(daily->headers.size(), 1 + 3 * r.daily.size());  // median, p5, p95 per series
  EXPECT_LE(number_at(*daily, 0, 2), number_at(*daily, 0, 1));
  EXPECT_LE(number_at(*daily, 0, 1), number_at(*daily, 0, 3));
}

TEST(ExportTables, BySiteHasAMeanAndCiColumnPerSite) {
  const RunRecord r = sample_record();
  const auto tables = export_tables(r, {});
  const ExportTable* by_site = find_table(tables, "by_site");
  ASSERT_NE(by_site, nullptr);
  EXPECT_EQ(by_site->headers.size(), 3 + 2 * r.site_names.size());
  EXPECT_EQ(by_site->headers[3], "Southend mean");
  std::vector<double> southend;
  for (std::size_t rep = 0; rep < 20; ++rep) southend.push_back(r.by_site[0].values[rep * 2]);
  EXPECT_NEAR(number_at(*by_site, 0, 3), engine::summarise(southend).mean, 1e-9);
}

TEST(ExportTables, CompareAndSchemesAppearOnlyWithTheirData) {
  RunRecord r = sample_record();
  const auto plain = export_tables(r, {});
  EXPECT_EQ(find_table(plain, "compare"), nullptr);
  EXPECT_EQ(find_table(plain, "schemes"), nullptr);

  r.extra_meta.emplace_back("option_more-beds", "Southend with 30 more beds");
  r.extra_datasets.push_back({"/compare/more-beds/ae_4h_pct", std::vector<double>(20, 1.0)});
  r.extra_datasets.push_back({"/compare/more-beds/ae_4h_pct_summary", {1.14, 0.56, 0.2, 1.1, 2.0}});
  r.extra_datasets.push_back({"/compare/more-beds/by_site/bed_occupancy_pct_summary", {-4.1, 0.04, 0, 0, 0, -3.9, 0.1, 0, 0, 0}});
  r.table_groups.push_back({"schemes", {"HICM 6", "BCF 1"}, {{"delivery", "", "", {0.5, 1.0, 0.7, 0.9}}}});
  r.extra_datasets.push_back({"/qipp/savings_gbp", {12.9e6, 11.1e6}});
  r.extra_datasets.push_back({"/qipp/p_meet_target", {21.975e6, 0.0, 0.0, 0.019}});
  const auto tables = export_tables(r, {});

  const ExportTable* compare = find_table(tables, "compare");
  ASSERT_NE(compare, nullptr);
  ASSERT_EQ(compare->rows.size(), 1u);
  const engine::Summary base = engine::summarise(r.kpis[1].per_replication);
  EXPECT_EQ(text_at(*compare, 0, column_of(*compare, "option scenario")), "Southend with 30 more beds");
  EXPECT_EQ(number_at(*compare, 0, column_of(*compare, "option mean")), base.mean + 1.14);
  EXPECT_NEAR(number_at(*compare, 0, column_of(*compare, "95% CI low")), 1.14 - 0.56, 1e-12);
  EXPECT_EQ(text_at(*compare, 0, column_of(*compare, "CI excludes 0")), "yes");
  const ExportTable* by_site = find_table(tables, "compare_by_site");
  ASSERT_NE(by_site, nullptr);
  ASSERT_EQ(by_site->rows.size(), 2u);
  EXPECT_EQ(text_at(*by_site, 1, 1), "Basildon");
  EXPECT_EQ(number_at(*by_site, 1, column_of(*by_site, "difference")), -3.9);

  const ExportTable* schemes = find_table(tables, "schemes");
  ASSERT_NE(schemes, nullptr);
  EXPECT_EQ(text_at(*schemes, 1, 0), "BCF 1");
  EXPECT_NEAR(number_at(*schemes, 1, column_of(*schemes, "mean delivered")), 0.95, 1e-12);  // (1.0 + 0.9) / 2
  const ExportTable* qipp = find_table(tables, "qipp");
  ASSERT_NE(qipp, nullptr);
  EXPECT_EQ(number_at(*qipp, 0, 1), 12.0e6);
  EXPECT_EQ(qipp->rows[0][1].shown.kind, Shown::Kind::Money);
}

TEST(ExportCsv, KeepsEveryDigitAndQuotesTextWithCommas) {
  RunRecord r = sample_record();
  r.extra_meta.emplace_back("build", "Release, GNU 12.2.0");
  const auto tables = export_tables(r, {});
  const fs::path dir = fs::temp_directory_path() / "pfsim_export_csv_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  write_csv_tables(tables, dir);
  for (const ExportTable& t : tables) EXPECT_TRUE(fs::exists(dir / (t.file_stem + ".csv"))) << t.file_stem;
  const std::string kpi = slurp(dir / "kpi_summary.csv");
  EXPECT_TRUE(kpi.starts_with(csv_header(*find_table(tables, "kpi_summary"))));
  // The stored mean reads back bit for bit from its CSV text.
  const double mean = engine::summarise(r.kpis[1].per_replication).mean;
  const std::string key = "ae_4h_pct,%,";
  const auto at = kpi.find(key);
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(std::stod(kpi.substr(at + key.size())), mean);
  EXPECT_NE(slurp(dir / "run_record.csv").find("build,\"Release, GNU 12.2.0\"\r\n"), std::string::npos);
  for (const auto& entry : fs::directory_iterator(dir)) EXPECT_NE(entry.path().extension(), ".tmp");
  fs::remove_all(dir);
}

TEST(ExportWorkbook, IsAZipEndingWithTheMarkerAndLeavesNoTemporaryFile) {
  const fs::path dir = fs::temp_directory_path() / "pfsim_export_xlsx_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path path = dir / "results.xlsx";
  write_workbook(export_tables(sample_record(), {}), path);
  const std::string bytes = slurp(path);
  EXPECT_TRUE(bytes.starts_with("PK\x03\x04"));
  EXPECT_TRUE(bytes.ends_with(kWorkbookMarker));
  EXPECT_FALSE(fs::exists(dir / "results.xlsx.tmp"));
  EXPECT_THROW(write_workbook(export_tables(sample_record(), {}), dir / "no-such-dir" / "x.xlsx"), OutputError);
  EXPECT_FALSE(fs::exists(dir / "no-such-dir"));
  fs::remove_all(dir);
}

std::string item_text(const std::vector<StressDesItem>& items, std::string_view number) {
  for (const StressDesItem& i : items)
    if (i.number == number) return i.text;
  return {};
}

TEST(StressDes, ReportsTheRecordsWarmupReplicationsAndVersionAndLeavesObjectivesToTheTeam) {
  RunRecord r = sample_record(20, 40);
  r.extra_meta.emplace_back("build", "Release, GNU 12.2.0");
  const auto items = stress_des_items(r, {});
  EXPECT_TRUE(item_text(items, "1.1").starts_with("To be completed by the study team."));
  EXPECT_NE(item_text(items, "4.1").find("Fixed warm-up of 60 days"), std::string::npos);
  EXPECT_NE(item_text(items, "4.2").find("40 measured days, 2019-04-01 to 2019-05-10"), std::string::npos);
  EXPECT_TRUE(item_text(items, "4.3").starts_with("20 replications, a fixed number"));
  EXPECT_NE(item_text(items, "4.3").find("seed 20190401"), std::string::npos);
  EXPECT_EQ(item_text(items, "5.1"), "pfsim 0.1.0 (C++20); build: Release, GNU 12.2.0");
  // What the file does not record is said to be missing, not invented.
  EXPECT_NE(item_text(items, "5.2").find("not recorded in this results file"), std::string::npos);
  EXPECT_EQ(items.back().number, "6.1");
}

TEST(StressDes, DescribesAnAutomaticWarmupAndASequentialReplicationCount) {
  RunRecord r = sample_record();
  r.extra_meta.emplace_back("warmup_method", "mser5");
  r.extra_meta.emplace_back("warmup_pilot", "5 replications x (1095 warm-up + 365) days from 2016-04-01");
  r.extra_meta.emplace_back("warmup_by_site", "Southend=412");
  r.extra_meta.emplace_back("ci_kpi", "dtoc_daily_delays");
  r.extra_meta.emplace_back("target_ci_half", "1.5");
  r.extra_meta.emplace_back("target_met", "yes");
  r.extra_meta.emplace_back("achieved_ci_half", "1.42");
  const auto items = stress_des_items(r, {});
  EXPECT_NE(item_text(items, "4.1").find("chosen automatically: 60 days, by MSER-5"), std::string::npos);
  EXPECT_NE(item_text(items, "4.1").find("Southend=412"), std::string::npos);
  EXPECT_NE(item_text(items, "4.3").find("until the 95 % CI half-width of dtoc_daily_delays was at most 1.5"), std::string::npos);
}

TEST(StressDes, ListsModulesAndEachCitedAndAssumedLine) {
  StressDesInputs in;
  in.modules = {{"A&E", true, "InAe"}, {"Winter", false, "winter demand"}};
  in.sources = {{"s.yaml", 3, "beds: 500  # seeds/001 L12", false}, {"s.yaml", 9, "rate: 0.2  # assumed", true}};
  in.sources_note = "Read from s.yaml.";
  const auto items = stress_des_items(sample_record(), in);
  std::size_t modules = 0, cited = 0, assumed = 0;
  for (const StressDesItem& i : items) {
    if (i.number == "2.2") ++modules;
    if (i.item == "s.yaml line 3") {
      ++cited;
      EXPECT_EQ(i.number, "3.1");
    }
    if (i.item == "s.yaml line 9") {
      ++assumed;
      EXPECT_EQ(i.number, "3.4");
    }
  }
  EXPECT_EQ(modules, 2u);
  EXPECT_EQ(cited, 1u);
  EXPECT_EQ(assumed, 1u);
  EXPECT_NE(item_text(items, "3.1").find("1 line(s) of the scenario files cite a source document"), std::string::npos);
  EXPECT_NE(item_text(items, "3.1").find("Read from s.yaml."), std::string::npos);
}

TEST(StressDes, IsASectionOfTheReport) {
  ReportOptions options;
  options.stress.modules = {{"A&E", true, "InAe"}};
  options.stress.sources = {{"s.yaml", 3, "beds: 500  # seeds/001 L12", false}};
  const std::string html = render_report(sample_record(), options);
  EXPECT_NE(html.find("<section id=\"stress-des\">"), std::string::npos);
  EXPECT_NE(html.find("href=\"#stress-des\""), std::string::npos);
  EXPECT_NE(html.find("Fixed warm-up of 60 days"), std::string::npos);
  EXPECT_NE(html.find("Cited and assumed lines of the scenario files"), std::string::npos);
  EXPECT_NE(html.find("seeds/001 L12"), std::string::npos);
}

}  // namespace
}  // namespace pfsim::output
