#pragma once
// /kpi/replications and /kpi/summary: the two compound tables, whose field lists depend on the KPIs.
#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "pfsim/output/results_file.hpp"
#include "pfsim/output/run_record.hpp"

namespace pfsim::output {

/// Writes /kpi/replications (one row per replication: "replication" int64, then one float64 field per KPI in
/// order, units_<name> / description_<name> attributes) and /kpi/summary (one row per KPI, engine::summarise()).
/// With no KPIs the replications table still has `replications` rows so scripts can rely on its shape.
void write_kpi_tables(hid_t kpi_group, const std::vector<Kpi>& kpis, std::int64_t replications);

/// Reads the KPIs back from /kpi/replications (fields other than "replication", in stored order).
std::vector<Kpi> read_kpi_replications(hid_t kpi_group);

/// Reads /kpi/summary as stored; n is the row count of /kpi/replications.
std::vector<KpiSummary> read_kpi_summary_table(hid_t kpi_group);

}  // namespace pfsim::output
