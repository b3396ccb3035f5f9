#pragma once
// The `parameter_uncertainty:` section (DESIGN §6.5): what a calibration could not pin down, in the form
// `pfsim run --parameter-uncertainty` samples from. `pfsim calibrate` writes it into the calibrated scenario.
// Like `calibration:`, it belongs to the run, not the model: build_scenario() validates it and otherwise ignores it;
// parameter_uncertainty_of() returns it.
#include <optional>
#include <string>
#include <vector>

namespace pfsim::loader {

class ScenarioDocument;

/// One fitted number, addressed like `--set` (sites.Southend.beds.general, ae.attendances_per_1000_per_year[1]).
struct UncertainParameter {
  std::string key_path;
  double fitted = 0;           // the centre of the draws (the calibrated value)
  std::optional<double> sd;    // Gauss–Newton 1 sd in the parameter's units, as calibrate reported it; none = not identified
  double lower = 0, upper = 0; // draws stay strictly inside (lower, upper); integers may reach them after rounding
  bool integer = false;        // draws are rounded to whole numbers
  double logit_sd = 0;         // sd of the draws in the logit-of-bounds space (what the sampler uses)
};

/// The sampling law: u = logit((value − lower) / (upper − lower)) is normal with mean at `fitted`, sd `logit_sd` and
/// correlation matrix `correlation` between parameters (symmetric, unit diagonal, positive definite).
struct ParameterUncertainty {
  std::vector<UncertainParameter> parameters;
  std::vector<std::vector<double>> correlation;  // [parameter][parameter], in `parameters` order
};

/// The section of a document read with read_scenario (load.hpp), or nullopt when it has none. Validates the section
/// only (against the document as it stands); build_scenario validates the rest and this section too.
std::optional<ParameterUncertainty> parameter_uncertainty_of(const ScenarioDocument& document);

/// The section as YAML text (top-level key `parameter_uncertainty:`, preceded by comment lines saying what it is and
/// who uses it), for pfsim calibrate to append to the scenario it writes. Numbers are written so they read back as
/// the same doubles; the matrix is written exactly symmetric.
std::string parameter_uncertainty_yaml(const ParameterUncertainty& uncertainty);

/// The document that replications' draws are applied to: `document` without the sections that hold key paths
/// rather than model numbers (`calibration:`, `parameter_uncertainty:`), which were checked when the whole scenario
/// was built and which would otherwise try their bounds out again at every build.
ScenarioDocument model_document(const ScenarioDocument& document);

}  // namespace pfsim::loader
