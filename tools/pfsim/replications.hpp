#pragma once
// Runs replications in parallel with TBB; results come back in replication order, so the output is
// bit-identical for any thread count (each replication owns its System and its streams).
#include <cstddef>
#include <functional>
#include <vector>

#include "pfsim/models/kpis.hpp"
#include "pfsim/models/scenario.hpp"

namespace pfsim::cli {

std::vector<models::ReplicationResult> run_replications(const models::Scenario& scenario, std::size_t replications,
                                                        std::size_t threads, const std::function<void()>& on_done);

}  // namespace pfsim::cli
