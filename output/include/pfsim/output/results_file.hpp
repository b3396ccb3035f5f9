#pragma once
// Reading and writing results files (DESIGN §7).
#include <filesystem>
#include <string>
#include <vector>

#include "pfsim/engine/stats.hpp"
#include "pfsim/output/error.hpp"
#include "pfsim/output/run_record.hpp"

namespace pfsim::output {

/// Writes `record` to "<path>.tmp", then renames it onto `path`: a failure never leaves a partial file under the
/// final name, an existing file at `path` is replaced only by a complete one, and the .tmp is removed on failure.
/// The same record gives a byte-identical file (only the `created` attribute may differ). Throws OutputError.
void write_results(const RunRecord& record, const std::filesystem::path& path);

/// Reads a results file back: meta, scenario text, KPIs, daily series, breakdowns and extra datasets.
/// Throws OutputError for a missing file, a file that is not HDF5, or an HDF5 file pfsim did not write.
RunRecord read_results(const std::filesystem::path& path);

/// One row of /kpi/summary as stored (n is the number of rows of /kpi/replications).
struct KpiSummary {
  std::string name;
  engine::Summary summary;
};

/// Reads /kpi/summary, the statistics write_results() computed with engine::summarise(). Throws OutputError.
std::vector<KpiSummary> read_kpi_summary(const std::filesystem::path& path);

}  // namespace pfsim::output
