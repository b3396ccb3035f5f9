#pragma once
// Turns model results into the output layer's plain RunRecord (models know nothing of HDF5).
#include <string>
#include <vector>

#include "pfsim/models/replication_result.hpp"
#include "pfsim/scenario/scenario.hpp"
#include "pfsim/output/output.hpp"

namespace pfsim::run {

/// The time now in UTC, ISO 8601 to the second ("2026-01-31T09:05:00Z"): when a results file or report was made.
std::string utc_now();

output::RunRecord make_run_record(const scenario::Scenario& scenario, const std::vector<models::ReplicationResult>& results,
                                  const std::string& command_line);

}  // namespace pfsim::run
