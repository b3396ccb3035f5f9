#pragma once
// The /meta a finished `run` adds to make_run_record's: invariant checks, the --target-ci outcome, the auto warm-up,
// the parameter samples and the census. Every front end (the CLI, the Python module) calls this one function, so a
// results file says the same whichever of them ran it.
#include <optional>
#include <string>

#include "pfsim/models/warmup.hpp"
#include "pfsim/output/run_record.hpp"
#include "pfsim/run/replications.hpp"
#include "pfsim/scenario/scenario.hpp"

namespace pfsim::run {

class SampledScenarios;

/// First day of an auto warm-up's pilot, ISO 8601 (it starts empty that many days before start_date).
std::string pilot_start(const scenario::Scenario& scenario, const models::WarmupChoice& warmup);

/// Adds the run's /meta entries (and, with `sampled`, the /parameter_samples table) to `record`. `ci_kpi` names
/// plan.ci_kpi in the file; `warmup` is what choose_warmup() returned.
void add_run_meta(output::RunRecord& record, const scenario::Scenario& scenario, const ReplicationPlan& plan,
                  const ReplicationRun& run, const std::string& ci_kpi, const std::optional<models::WarmupChoice>& warmup,
                  const SampledScenarios* sampled);

}  // namespace pfsim::run
