// One-process build (PFSIM_MPI=OFF): a single rank runs every replication.
#include "pfsim/run/distributed.hpp"

namespace pfsim::run {

Distributed& Distributed::instance() {
  static Distributed single;
  return single;
}
void Distributed::initialise(int&, char**&) {}
void Distributed::finalise() {}

ReplicationRun Distributed::run_shared(const ReplicationScenarios& scenarios, std::size_t replications, std::size_t threads,
                                       const Checkpoints* checkpoints, const std::function<void()>& on_done) const {
  ReplicationPlan plan;
  plan.replications = replications;
  return run_plan(scenarios, plan, threads, checkpoints, on_done);
}

}  // namespace pfsim::run
