#pragma once
// `pfsim export`: a results file as tables a planner can paste into a board paper — an Excel workbook (one sheet per
// table, numbers formatted for people, full precision kept in the cells) and the same tables as CSV files.
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pfsim/output/run_record.hpp"
#include "pfsim/output/stress_des.hpp"

namespace pfsim::output {

/// How a number is shown in the workbook; the cell and the CSV keep the full value.
struct Shown {
  enum class Kind {
    Number,   ///< 108,827 or 23.71 (grouped, `decimals` decimals)
    Percent,  ///< a value already in percent: 89.8 %
    Share,    ///< a fraction 0–1 shown as a percentage: 0.17 → 17.0 %
    Money,    ///< pounds: £12.9 m, £850 k, £120
  };
  Kind kind = Kind::Number;
  int decimals = 0;
};

/// One cell: empty, a number (NaN is written "n/a") or text.
struct ExportCell {
  std::variant<std::monostate, double, std::string> value;
  Shown shown;
};

/// One table: a workbook sheet and a CSV file.
struct ExportTable {
  std::string file_stem;  ///< CSV file name without .csv: "kpi_summary"
  std::string sheet;      ///< sheet name (at most 31 characters): "KPI summary"
  std::string title;      ///< one line above the header in the workbook; not in the CSV
  std::vector<std::string> headers;
  std::vector<std::vector<ExportCell>> rows;
};

/// Every table the record has data for, in sheet order: run record, STRESS-DES, KPI summary, monthly, daily,
/// by site, by locality, compare differences (compare files), schemes and QIPP (scheme files).
std::vector<ExportTable> export_tables(const RunRecord& record, const StressDesInputs& stress);

/// The comment written into a workbook's zip directory, by which `pfsim export` knows a workbook it may replace.
inline constexpr std::string_view kWorkbookMarker = "written by pfsim export";

/// Writes the tables as an .xlsx workbook to "<path>.tmp", then renames it onto `path`: no partial file under the
/// final name. Headers are frozen, columns sized to their contents. Throws OutputError.
void write_workbook(const std::vector<ExportTable>& tables, const std::filesystem::path& path);

/// The CSV file's first line for `table` (the header row), by which an existing CSV of the same table is known.
std::string csv_header(const ExportTable& table);

/// Writes each table as <dir>/<file_stem>.csv (RFC 4180, UTF-8, full precision, NaN as "n/a"), each through a
/// .tmp file and a rename. `dir` must exist. Throws OutputError.
void write_csv_tables(const std::vector<ExportTable>& tables, const std::filesystem::path& dir);

}  // namespace pfsim::output
