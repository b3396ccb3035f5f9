#pragma once
// The `calibration:` section of a scenario (README "Calibrating with pfsim calibrate"): observed figures to match
// and the free parameters that may move to match them. It belongs to `pfsim calibrate`, not to the model:
// load_scenario() validates it and otherwise ignores it; load_calibration() returns it.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pfsim::loader {

/// One observed figure: the KPI (DESIGN §5 name), its value and how far a simulated mean may sit from it.
struct CalibrationTarget {
  std::string kpi;
  double observed = 0;
  /// `sd:` as written, or `tolerance:` / 2 (a tolerance is read as a two-sd, ~95 %, band).
  double sd = 1;
  std::string source;  // citation, e.g. "seeds/001 L3266"
};

/// A normal prior on a free parameter: adds ((value - mean) / sd)^2 to the objective.
struct ParameterPrior {
  double mean = 0, sd = 1;
};

/// A number in the scenario that calibration may change, addressed like `--set` (sites.Southend.beds.general,
/// ae.attendances_per_1000_per_year[1]).
struct FreeParameter {
  std::string key_path;
  double lower = 0, upper = 0;
  /// Whole numbers only (beds, capacities, clinicians); default: true when the key names a capacity.
  bool integer = false;
  /// The value the scenario has now (the search starts there), clamped into [lower, upper].
  double start = 0;
  std::optional<ParameterPrior> prior;
};

struct Calibration {
  std::vector<CalibrationTarget> targets;
  std::vector<FreeParameter> parameters;
};

/// Loads `file` (following `extends:`), validates the whole scenario and returns its calibration section, or
/// nullopt when it has none. Throws ScenarioError (file:line:col) like load_scenario().
std::optional<Calibration> load_calibration(const std::filesystem::path& file);

class ScenarioDocument;
/// The calibration section of a document read with read_scenario (load.hpp), or nullopt when it has none. Validates
/// the section only (against the document, as it stands); build_scenario validates the rest.
std::optional<Calibration> calibration_of(const ScenarioDocument& document);

/// One fitted value to write: key path as in FreeParameter, the value's YAML text and a comment for its line.
struct FittedValue {
  std::string key_path;
  std::string value;
  std::string comment;
};

/// YAML text of a scenario that `extends: extends_path` and sets each fitted value, each followed by its comment.
/// Maps are written sparsely; a list on a key path (sites, per-band rates) is written whole, because lists
/// replace rather than merge under `extends:`. `input` is the file the values were fitted for (for the lists'
/// current contents). `header` lines are written as comments at the top.
std::string calibrated_scenario_yaml(const std::filesystem::path& input, const std::string& extends_path,
                                     const std::string& name, const std::vector<std::string>& header,
                                     const std::vector<FittedValue>& values);

}  // namespace pfsim::loader
