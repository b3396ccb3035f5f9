#include "pfsim/run/sampled_scenarios.hpp"

#include <fmt/format.h>

#include "pfsim/run/bad_argument.hpp"

namespace pfsim::run {
namespace {

loader::ParameterUncertainty law_of(const loader::ScenarioDocument& document, const std::string& source) {
  auto law = loader::parameter_uncertainty_of(document);
  if (!law)
    throw BadArgument(fmt::format("{}: --parameter-uncertainty: the scenario has no parameter_uncertainty section (hint: run "
                                  "`pfsim calibrate` on a scenario with a calibration: section and run the -calibrated.yaml it "
                                  "writes, or drop the flag)",
                                  source));
  return std::move(*law);
}

}  // namespace

SampledScenarios::SampledScenarios(const loader::ScenarioDocument& document, const scenario::Scenario& base, const std::string& source)
    : document_(loader::model_document(document)), base_(&base), sampler_(law_of(document, source)) {}

std::vector<double> SampledScenarios::values_for(std::size_t replication) const { return sampler_.draw(base_->run.seed, replication); }

scenario::Scenario SampledScenarios::scenario_for(std::size_t replication) const {
  const std::vector<double> values = values_for(replication);
  std::vector<std::pair<std::string, double>> settings;
  for (std::size_t i = 0; i < values.size(); ++i) settings.emplace_back(sampler_.law().parameters[i].key_path, values[i]);
  loader::ScenarioDocument document = document_;
  loader::apply_values(document, settings);
  scenario::Scenario scenario = loader::build_scenario(document);
  // The run is the base's: the same seed and count, the warm-up it chose (`auto` is decided once, on the base) and
  // its --check. Only the parameters differ between replications.
  scenario.run = base_->run;
  return scenario;
}

output::TableGroup SampledScenarios::samples_table(std::size_t replications) const {
  output::TableGroup group{"parameter_samples", {}, {}};
  for (const auto& p : sampler_.law().parameters) group.labels.push_back(p.key_path);
  std::vector<double> values;
  for (std::size_t r = 0; r < replications; ++r) {
    const std::vector<double> one = values_for(r);
    values.insert(values.end(), one.begin(), one.end());
  }
  group.tables.push_back(output::Breakdown{"values", "parameter units",
                                           "each replication's sampled parameter values (--parameter-uncertainty), as run",
                                           std::move(values)});
  return group;
}

std::string SampledScenarios::meta_description() const {
  return fmt::format("on: {} parameters drawn per replication from the scenario's parameter_uncertainty section (normal in "
                     "logit-of-bounds space, stream {}); values in /parameter_samples",
                     sampler_.law().parameters.size(), kParameterStream);
}

}  // namespace pfsim::run
