#include "replications.hpp"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include "pfsim/models/system.hpp"

namespace pfsim::cli {

std::vector<models::ReplicationResult> run_replications(const models::Scenario& scenario, std::size_t replications,
                                                        std::size_t threads, const std::function<void()>& on_done) {
  std::vector<models::ReplicationResult> results(replications);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  tbb::parallel_for(std::size_t{0}, replications, [&](std::size_t r) {
    results[r] = models::run_replication(scenario, r);
    if (on_done) on_done();
  });
  return results;
}

}  // namespace pfsim::cli
