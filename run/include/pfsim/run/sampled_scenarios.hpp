#pragma once
// Replications with parameter uncertainty (`pfsim run --parameter-uncertainty`, DESIGN §6.5): replication r builds its
// own scenario, the document with replication r's parameter draw set at the section's key paths exactly as `--set`
// would set them. Everything else about the run (seed, replication count, the chosen warm-up, invariant checks) is
// the base scenario's, so the draw changes parameters and nothing else.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pfsim/loader/load.hpp"
#include "pfsim/output/run_record.hpp"
#include "pfsim/run/parameter_sampler.hpp"
#include "pfsim/scenario/scenario.hpp"

namespace pfsim::run {

class SampledScenarios {
 public:
  /// `document` as read (with every override applied); `base` is built from it and must outlive this object: its run
  /// settings are read at every scenario_for, so a warm-up chosen after construction is used. Throws BadArgument when
  /// the document has no `parameter_uncertainty:` section; `source` names the scenario in that message.
  SampledScenarios(const loader::ScenarioDocument& document, const scenario::Scenario& base, const std::string& source);

  /// Replication `replication`'s parameter values, in the section's order.
  [[nodiscard]] std::vector<double> values_for(std::size_t replication) const;
  /// The scenario replication `replication` runs.
  [[nodiscard]] scenario::Scenario scenario_for(std::size_t replication) const;

  [[nodiscard]] const ParameterSampler& sampler() const { return sampler_; }
  /// /parameter_samples (DESIGN §7.1): labels = key paths, table `values` [replications × parameters].
  [[nodiscard]] output::TableGroup samples_table(std::size_t replications) const;
  /// The /meta `parameter_uncertainty` text: what was sampled and how.
  [[nodiscard]] std::string meta_description() const;

 private:
  loader::ScenarioDocument document_;  // without the sections that only hold key paths (loader::model_document)
  const scenario::Scenario* base_;
  ParameterSampler sampler_;
};

}  // namespace pfsim::run
