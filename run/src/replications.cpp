#include "pfsim/run/replications.hpp"

#include <algorithm>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>

#include "pfsim/run/checkpoints.hpp"
#include "pfsim/run/sampled_scenarios.hpp"
#include "pfsim/engine/stats.hpp"
#include "pfsim/models/system.hpp"

// Debian's libtbb is not built with ThreadSanitizer, so TSan cannot see the happens-before edges of TBB's task
// hand-off and reports every parallel run. These annotations state the edges explicitly; outside TSan builds they
// compile to nothing.
#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#define PFSIM_TSAN_RELEASE(address) __tsan_release(address)
#define PFSIM_TSAN_ACQUIRE(address) __tsan_acquire(address)
#else
#define PFSIM_TSAN_RELEASE(address) ((void)(address))
#define PFSIM_TSAN_ACQUIRE(address) ((void)(address))
#endif

namespace pfsim::run {

ReplicationScenarios::ReplicationScenarios(const scenario::Scenario& every) : every_(&every) {}

models::ReplicationResult ReplicationScenarios::run(std::size_t replication, const std::function<void()>& on_day) const {
  // Built here, inside the replication's task, so building runs in parallel like the replications themselves.
  const scenario::Scenario own = sampled_ ? sampled_->scenario_for(replication) : scenario::Scenario{};
  const scenario::Scenario& scenario = sampled_ ? own : *every_;
  return on_day ? models::run_replication(scenario, replication, [&](std::int64_t) { on_day(); })
                : models::run_replication(scenario, replication);
}

std::vector<models::ReplicationResult> run_indices(const ReplicationScenarios& scenarios, const std::vector<std::size_t>& indices,
                                                   std::size_t threads, const Checkpoints* checkpoints,
                                                   const std::function<void()>& on_done,
                                                   const std::function<void()>& on_day) {
  std::vector<models::ReplicationResult> results(indices.size());
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::max<std::size_t>(1, threads));
  char spawn_token = 0, join_token = 0;
  PFSIM_TSAN_RELEASE(&spawn_token);
  // One task per replication (simple_partitioner, grain 1): a replication is long (0.1-2 s), so a thread that falls
  // idle takes a replication nobody has started and the last round is as short as it can be. The default auto_partitioner may hand a
  // thread two or three replications as one chunk, which on many cores leaves the others idle at the end.
  const auto one_replication = [&](std::size_t k) {
    PFSIM_TSAN_ACQUIRE(&spawn_token);
    struct ReleaseOnExit {
      char* token;
      ~ReleaseOnExit() { PFSIM_TSAN_RELEASE(token); }
    } release_on_exit{&join_token};
    const std::size_t r = indices[k];
    if (checkpoints) {
      auto done = checkpoints->finished().find(r);
      if (done != checkpoints->finished().end()) {
        results[k] = done->second;
        if (on_done) on_done();
        return;
      }
    }
    results[k] = scenarios.run(r, on_day);
    if (checkpoints) checkpoints->save(r, results[k]);
    if (on_done) on_done();
  };
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, indices.size(), 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t k = range.begin(); k != range.end(); ++k) one_replication(k);
      },
      tbb::simple_partitioner());
  PFSIM_TSAN_ACQUIRE(&join_token);
  return results;
}

std::size_t look_ahead(std::size_t n) {
  constexpr std::size_t kLimit = 5;  // Hoad et al. recommend kLimit = 5
  return n <= 100 ? kLimit : kLimit * n / 100;
}

ReplicationRun run_plan(const ReplicationScenarios& scenarios, const ReplicationPlan& plan, std::size_t threads,
                        const Checkpoints* checkpoints, const std::function<void()>& on_done,
                        const std::function<void()>& on_day) {
  ReplicationRun run;
  if (!plan.target_ci_half) {
    std::vector<std::size_t> all(plan.replications);
    for (std::size_t r = 0; r < all.size(); ++r) all[r] = r;
    run.results = run_indices(scenarios, all, threads, checkpoints, on_done, on_day);
    run.replications_needed = run.results.size();
    std::vector<double> values;
    for (const auto& r : run.results) values.push_back(r.kpi[plan.ci_kpi]);
    run.achieved_ci_half = engine::ci_half_width(values);
    return run;
  }
  // Sequential procedure: batches run in parallel, but the stopping rule is applied replication by
  // replication in order, and replications beyond the stopping point are dropped — so -j never changes the answer.
  constexpr std::size_t kInitial = 3;
  const std::size_t batch = std::max<std::size_t>(4, 2 * threads);
  std::vector<double> values;
  std::size_t candidate = 0;  // 0 = none yet (candidates are at least kInitial)
  std::size_t stop_at = 0;
  while (stop_at == 0) {
    const std::size_t first = run.results.size();
    const std::size_t count = std::min(batch, plan.max_replications - first);
    std::vector<std::size_t> indices(count);
    for (std::size_t k = 0; k < count; ++k) indices[k] = first + k;
    for (auto& r : run_indices(scenarios, indices, threads, checkpoints, on_done, on_day)) run.results.push_back(std::move(r));
    for (std::size_t n = first + 1; n <= run.results.size() && stop_at == 0; ++n) {
      values.push_back(run.results[n - 1].kpi[plan.ci_kpi]);
      if (n < kInitial) continue;
      const double half = engine::ci_half_width(values);
      if (half <= *plan.target_ci_half) {
        if (candidate == 0) candidate = n;
        if (n >= candidate + look_ahead(candidate)) stop_at = n;
      } else {
        candidate = 0;
      }
      if (n == plan.max_replications && stop_at == 0) {
        stop_at = n;
        run.target_met = false;
      }
    }
  }
  run.results.resize(stop_at);
  values.resize(stop_at);
  run.replications_needed = run.target_met ? candidate : stop_at;
  run.achieved_ci_half = engine::ci_half_width(values);
  return run;
}

}  // namespace pfsim::run
