#pragma once
// Turns model results into the output layer's plain RunRecord (models know nothing of HDF5).
#include <string>
#include <vector>

#include "pfsim/models/kpis.hpp"
#include "pfsim/models/scenario.hpp"
#include "pfsim/output/output.hpp"

namespace pfsim::cli {

output::RunRecord make_run_record(const models::Scenario& scenario, const std::vector<models::ReplicationResult>& results,
                                  const std::string& command_line);

}  // namespace pfsim::cli
