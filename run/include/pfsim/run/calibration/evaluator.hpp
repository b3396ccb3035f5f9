#pragma once
// The calibration objective: a candidate's free-parameter values are set in the scenario document (read once, with
// loader::apply_values, as `--set` would set them), the scenario runs the
// same replication indices 0..R-1 (same seed) for every candidate — common random numbers, so two candidates
// differ only by the parameters and the objective is a smooth-ish deterministic function of them — and
//   objective = Σ_targets ((simulated mean − observed) / sd)² + Σ_priors ((value − prior mean) / prior sd)².
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "pfsim/engine/stats.hpp"
#include "pfsim/models/replication_result.hpp"
#include "pfsim/loader/calibration.hpp"
#include "pfsim/loader/load.hpp"
#include "pfsim/scenario/scenario.hpp"

namespace pfsim::run::calibration {

/// One simulated candidate.
struct Evaluation {
  std::vector<double> values;        // free parameters as run (integers rounded, others to 6 significant digits)
  std::vector<std::string> texts;    // the same values as written to the calibrated file
  std::vector<engine::Summary> kpis; // per target, over the R replications
  double objective = 0;
  int phase = 0;                     // 0 = search, 1 = finite differences for the uncertainty
};

class Evaluator {
 public:
  /// `scenario` is the document being calibrated, read once (loader::read_scenario); every candidate is a copy of
  /// it with run.replications and the free parameters set.
  Evaluator(const loader::ScenarioDocument& scenario, loader::Calibration calibration, std::size_t replications,
            std::size_t threads, std::size_t budget);

  /// Free-parameter values from the unconstrained search space: value = lower + (upper − lower) · logistic(u).
  [[nodiscard]] std::vector<double> from_search_space(const std::vector<double>& u) const;
  /// Inverse of from_search_space, with values kept 1 % of the range inside the bounds.
  [[nodiscard]] std::vector<double> to_search_space(const std::vector<double>& values) const;

  /// The objective at `values` (rounded as run). Repeated points come from a cache and cost nothing.
  const Evaluation& evaluate(const std::vector<double>& values, int phase = 0);
  [[nodiscard]] bool budget_left() const { return search_runs_ < budget_; }

  [[nodiscard]] const std::vector<Evaluation>& trace() const { return trace_; }
  [[nodiscard]] const Evaluation& best() const;
  /// Every replication of the best candidate (kept for the diagnostics file).
  [[nodiscard]] const std::vector<models::ReplicationResult>& best_results() const { return best_results_; }
  [[nodiscard]] const loader::Calibration& calibration() const { return calibration_; }
  /// The scenario with run.replications and the free parameters at `values` (as run: see Evaluation::values).
  [[nodiscard]] scenario::Scenario scenario_at(const std::vector<double>& values) const;
  [[nodiscard]] std::size_t replications() const { return replications_; }

 private:
  loader::ScenarioDocument document_;  // with run.replications set
  loader::Calibration calibration_;
  std::size_t replications_, threads_, budget_;
  std::size_t search_runs_ = 0;
  std::vector<std::size_t> kpi_index_;  // per target, into scenario::kpi_catalogue()
  std::map<std::string, std::size_t> cache_;  // joined texts → index in trace_
  std::vector<Evaluation> trace_;
  std::size_t best_ = 0;
  std::vector<models::ReplicationResult> best_results_;
};

/// "552" for integer parameters, else 6 significant digits ("2.13457").
std::string format_value(double value, bool integer);

}  // namespace pfsim::run::calibration
