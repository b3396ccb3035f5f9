#pragma once
// A results record (what the HDF5 file holds) as plain Python values and numpy arrays, for the pure-Python side to
// turn into pandas tables. One conversion serves a run just made and a file read back, so both give the same tables.
#include <optional>
#include <vector>

#include <pybind11/pybind11.h>

#include "pfsim/output/results_file.hpp"
#include "pfsim/output/run_record.hpp"

namespace pfsim::python {

/// {"meta", "scenario_yaml", "kpis", "summary", "daily", "site_names", "locality_names", "by_site", "by_locality",
/// "table_groups", "datasets"}. `stored_summary` is /kpi/summary as read from a file; without it the summary is
/// computed with engine::summarise, the function the writer uses.
pybind11::dict record_tables(const output::RunRecord& record, const std::optional<std::vector<output::KpiSummary>>& stored_summary);

}  // namespace pfsim::python
