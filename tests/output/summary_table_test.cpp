#include "pfsim/output/summary_table.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include <gtest/gtest.h>

namespace pfsim::output {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

struct Cell {
  std::size_t first, last;  // display columns [first, last)
};

// Cells are separated by two or more blanks (a cell such as "± 0.23" holds a single one). Columns count code
// points, so "±" is one column as on a terminal.
std::vector<Cell> cells_of(const std::string& line) {
  std::vector<Cell> cells;
  std::size_t column = 0, blanks = 0;
  bool in_cell = false;
  for (char c : line) {
    if ((static_cast<unsigned char>(c) & 0xC0U) == 0x80U) continue;  // UTF-8 continuation byte
    if (c == ' ') {
      ++blanks;
      if (in_cell && blanks == 2) in_cell = false;
    } else {
      if (!in_cell) cells.push_back({column, column});
      in_cell = true;
      blanks = 0;
      cells.back().last = column + 1;
    }
    ++column;
  }
  return cells;
}

TEST(SummaryTable, ShowsMeanCiAndPercentilesWithCiPrecision) {
  // 1..5: mean 3, sd 1.58, CI half-width t(4) * sd / sqrt(5) = 1.96 → one decimal; p5 1.2, p95 4.8.
  const std::string table = format_summary_table({{"ae_4h_pct", "%", "", {1, 2, 3, 4, 5}}});
  const auto lines = lines_of(table);
  ASSERT_EQ(lines.size(), 4U) << "header, rule, row, and the note on rough percentiles";
  EXPECT_EQ(lines[0].rfind("KPI", 0), 0U);
  const std::string& row = lines[2];
  for (const char* cell : {"ae_4h_pct", "3.0", "± 2.0", "1.2", "4.8", "%"})
    EXPECT_NE(row.find(cell), std::string::npos) << cell << " missing from: " << row;
}

TEST(SummaryTable, TailPercentilesFromFewerThan20ReplicationsAreMarkedRough) {
  std::vector<double> few(19), enough(20);
  for (std::size_t i = 0; i < few.size(); ++i) few[i] = static_cast<double>(i);
  for (std::size_t i = 0; i < enough.size(); ++i) enough[i] = static_cast<double>(i);
  const auto rough = lines_of(format_summary_table({{"ae_4h_pct", "%", "", few}}));
  ASSERT_EQ(rough.size(), 4U);
  EXPECT_EQ(cells_of(rough[2]).size(), 7U);
  EXPECT_NE(rough[2].find("~0.9"), std::string::npos) << rough[2];
  EXPECT_NE(rough[2].find("~17.1"), std::string::npos) << rough[2];
  EXPECT_NE(rough[3].find("from 19 replications are rough"), std::string::npos) << rough[3];
  const auto fine = lines_of(format_summary_table({{"ae_4h_pct", "%", "", enough}}));
  ASSERT_EQ(fine.size(), 3U) << "no note from 20 replications on";
  EXPECT_EQ(fine[2].find('~'), std::string::npos) << fine[2];
}

TEST(SummaryTable, SkewedKpiGetsItsMedianAndABootstrapCiThatContainsIt) {
  std::vector<double> waits;
  for (int i = 1; i <= 40; ++i) waits.push_back(0.1 * i * i);  // long right tail: mean 55.4, median 42.0
  const auto lines = lines_of(format_summary_table({{"trolley_wait_mean_h", "h", "", waits}, {"nea", "admissions", "", waits}}));
  ASSERT_EQ(lines.size(), 5U) << "only the KPI the catalogue marks skewed gets a line";
  EXPECT_EQ(lines[4].rfind("trolley_wait_mean_h is skewed over replications: median 42", 0), 0U) << lines[4];
  double lo = 0, hi = 0;
  ASSERT_EQ(std::sscanf(lines[4].c_str() + lines[4].find("CI ") + 3, "%lf to %lf", &lo, &hi), 2) << lines[4];
  EXPECT_LT(lo, 42.0);
  EXPECT_GT(hi, 42.0);
  EXPECT_EQ(format_summary_table({{"trolley_wait_mean_h", "h", "", waits}}),
            format_summary_table({{"trolley_wait_mean_h", "h", "", waits}})) << "the bootstrap is seeded: same text every run";
}

TEST(SummaryTable, ColumnsAlignUnderTheirHeadings) {
  const std::string table = format_summary_table({{"ae_attendances", "attendances", "", {100000, 101000, 102500}},
                                                  {"ae_4h_pct", "%", "", {85.1, 86.2, 85.7, 84.9}},
                                                  {"dtoc_daily_delays", "patients", "", {31.5, 29.25, 40.0}}});
  const auto lines = lines_of(table);
  ASSERT_EQ(lines.size(), 6U) << "header, rule, three rows, the note on rough percentiles";
  const auto header = cells_of(lines[0]);
  ASSERT_EQ(header.size(), 7U);
  EXPECT_EQ(lines[1].find_first_not_of('-'), std::string::npos);
  for (std::size_t i = 2; i < 5; ++i) {
    const auto row = cells_of(lines[i]);
    ASSERT_EQ(row.size(), 7U) << lines[i];
    EXPECT_EQ(row[0].first, header[0].first) << lines[i];  // name: left-aligned
    for (std::size_t c = 1; c <= 5; ++c) EXPECT_EQ(row[c].last, header[c].last) << lines[i];  // numbers: right
    EXPECT_EQ(row[6].first, header[6].first) << lines[i];  // units: left
    EXPECT_LE(row[6].last, lines[1].size()) << "the rule spans the widest row";
  }
}

TEST(SummaryTable, NoKpisGivesHeaderAndRuleOnly) { EXPECT_EQ(lines_of(format_summary_table({})).size(), 2U); }

TEST(BreakdownTable, OneRowPerKpiWithTheMeanOfEachLabelAtOnePrecision) {
  // Two replications × three sites, row-major [replication][site].
  const std::vector<Breakdown> breakdowns = {{"nea", "admissions", "", {100, 2000, 30, 110, 2200, 50}},
                                             {"ae_4h_pct", "%", "", {85.0, 90.0, 95.25, 85.0, 90.0, 95.25}}};
  const auto lines = lines_of(format_breakdown_table(breakdowns, {"North", "Central", "South"}));
  ASSERT_EQ(lines.size(), 4U);
  const auto text = [&lines](std::size_t line, const Cell& c) { return lines[line].substr(c.first, c.last - c.first); };
  const auto header = cells_of(lines[0]), nea = cells_of(lines[2]), pct = cells_of(lines[3]);
  ASSERT_EQ(header.size(), 5U);
  ASSERT_EQ(nea.size(), 5U) << lines[2];
  ASSERT_EQ(pct.size(), 5U) << lines[3];
  EXPECT_EQ(text(0, header[1]), "North");
  EXPECT_EQ(text(0, header[4]), "units");
  // CI half-widths 64, 1271, 127 → whole numbers; a row without spread takes its precision from the mean.
  EXPECT_EQ(text(2, nea[1]), "105");
  EXPECT_EQ(text(2, nea[2]), "2100");
  EXPECT_EQ(text(2, nea[3]), "40");
  EXPECT_EQ(text(2, nea[4]), "admissions");
  EXPECT_EQ(text(3, pct[1]), "85");
  EXPECT_EQ(text(3, pct[3]), "95");
  for (std::size_t c = 1; c < 4; ++c) EXPECT_EQ(nea[c].last, header[c].last) << "numbers align right under their label";
}

TEST(BreakdownTable, NoLabelsGivesNothing) { EXPECT_EQ(format_breakdown_table({{"nea", "admissions", "", {}}}, {}), ""); }

}  // namespace
}  // namespace pfsim::output
