#pragma once
// Runs replications in parallel with TBB. Results come back in replication order, and every decision (such as
// when a target precision is met) is taken in that order, so the output is bit-identical for any thread count:
// each replication owns its System and its streams.
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "pfsim/models/replication_result.hpp"
#include "pfsim/scenario/scenario.hpp"

namespace pfsim::run {

class Checkpoints;
class SampledScenarios;

/// The scenario each replication runs: one for every replication (the usual case, converted implicitly from a
/// Scenario), or with parameter uncertainty each replication's own (DESIGN §6.5). Either way replication r's scenario
/// depends on r alone, never on which thread or rank runs it.
class ReplicationScenarios {
 public:
  ReplicationScenarios(const scenario::Scenario& every);  // NOLINT(google-explicit-constructor): the usual case
  explicit ReplicationScenarios(const SampledScenarios& sampled) : sampled_(&sampled) {}
  /// Runs replication `replication` (`on_day` after each simulated day, when given).
  [[nodiscard]] models::ReplicationResult run(std::size_t replication, const std::function<void()>& on_day) const;

 private:
  const scenario::Scenario* every_ = nullptr;
  const SampledScenarios* sampled_ = nullptr;
};

/// How many replications: a fixed count, or until the 95 % CI half-width of one KPI is at most a target
/// (the sequential procedure of Hoad, Robinson & Davies 2010, with its look-ahead), up to a cap.
struct ReplicationPlan {
  std::size_t replications = 10;             // fixed count (no target)
  std::optional<double> target_ci_half;      // absolute half-width in the KPI's units
  std::size_t ci_kpi = 0;                    // index in scenario::kpi_catalogue()
  std::size_t max_replications = 1000;
};

struct ReplicationRun {
  std::vector<models::ReplicationResult> results;  // replication 0..n-1
  bool target_met = true;
  std::size_t replications_needed = 0;       // Hoad's n_sol: first n whose precision held through the look-ahead
  double achieved_ci_half = 0;
};

/// Which replications this process runs (all of them, or one MPI rank's share).
struct ReplicationShare {
  std::size_t rank = 0, ranks = 1;
  [[nodiscard]] bool mine(std::size_t replication) const { return replication % ranks == rank; }
};

/// Runs `indices` (skipping any already in `checkpoints`), saving each as it finishes.
std::vector<models::ReplicationResult> run_indices(const ReplicationScenarios& scenarios, const std::vector<std::size_t>& indices,
                                                   std::size_t threads, const Checkpoints* checkpoints,
                                                   const std::function<void()>& on_done,
                                                   const std::function<void()>& on_day = {});

/// Runs a plan on one process.
ReplicationRun run_plan(const ReplicationScenarios& scenarios, const ReplicationPlan& plan, std::size_t threads,
                        const Checkpoints* checkpoints, const std::function<void()>& on_done,
                        const std::function<void()>& on_day = {});

/// Hoad, Robinson & Davies' look-ahead: replications to run beyond a candidate n before accepting it.
std::size_t look_ahead(std::size_t n);

}  // namespace pfsim::run
