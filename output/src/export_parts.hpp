#pragma once
// The export's tables (export_tables.cpp lists them in sheet order) and the cell helpers they share. Each table
// family is one function from the record to zero or more tables: none when the file has no data for it.
#include <string>
#include <string_view>
#include <vector>

#include "pfsim/output/export.hpp"

namespace pfsim::output {

// ---- table families ---------------------------------------------------------------------------------------------
std::vector<ExportTable> run_tables(const RunRecord& r, const StressDesInputs& stress);  // export_run.cpp
std::vector<ExportTable> kpi_tables(const RunRecord& r);                                // export_kpis.cpp
std::vector<ExportTable> series_tables(const RunRecord& r);                             // export_series.cpp
std::vector<ExportTable> breakdown_tables(const RunRecord& r);                          // export_breakdowns.cpp
std::vector<ExportTable> compare_tables(const RunRecord& r);                            // export_compare.cpp
std::vector<ExportTable> scheme_tables(const RunRecord& r);                             // export_schemes.cpp

// ---- cells (export_cells.cpp) ----------------------------------------------------------------------------------------

ExportCell text(std::string value);
/// A number shown as its units suggest (% → 89.8 %, £ → £12.9 m, else grouped) with `decimals` decimals.
ExportCell number(double value, std::string_view units, int decimals);
/// A fraction 0–1 shown as a percentage with `decimals` decimals.
ExportCell share(double value, int decimals = 1);
/// Decimals that show `spread` (a CI half-width) to two significant figures, as the report's tables do; money
/// and shown-in-millions values need none past their unit.
int decimals_for_spread(double spread, std::string_view units);
/// Column `label` of a row-major [replication × labels] table: one value per replication.
std::vector<double> column(const std::vector<double>& values, std::size_t labels, std::size_t label);

}  // namespace pfsim::output
