// The `calibration:` section (README "Calibrating with pfsim calibrate"): targets and free parameters.
// Validated with the rest of the scenario (so `pfsim validate` and `pfsim run` reject a bad one with file:line:col),
// but returned only by load_calibration(): the model never sees it.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"
#include "document.hpp"
#include "key_path.hpp"
#include "number_at_key.hpp"
#include "pfsim/loader/calibration.hpp"
#include "pfsim/loader/load.hpp"
#include "pfsim/scenario/kpi_catalogue.hpp"

namespace pfsim::loader {

namespace detail {
namespace {

// Whole numbers by default for capacities: a bed count of 551.4 cannot be built.
bool names_a_capacity(const std::vector<KeyStep>& steps) {
  static const std::vector<std::string> capacity_keys = {"general", "escalation", "capacity", "beds", "initial_residents",
                                                         "clinicians", "slots_per_week"};
  return std::any_of(steps.begin(), steps.end(), [](const KeyStep& s) {
    return !s.is_index && std::find(capacity_keys.begin(), capacity_keys.end(), s.key) != capacity_keys.end();
  });
}


CalibrationTarget build_target(const At& at) {
  at.expect_map("target settings (kpi, observed, sd or tolerance, source)");
  at.check_keys({"kpi", "observed", "sd", "tolerance", "source"});
  CalibrationTarget target;
  const At kpi = at.require("kpi", "add `kpi: NAME`, a KPI name such as ae_4h_pct");
  target.kpi = read_string(kpi);
  const std::vector<std::string> names = scenario::kpi_names();
  if (std::find(names.begin(), names.end(), target.kpi) == names.end())
    kpi.fail(fmt::format("unknown KPI \"{}\"", shorten(target.kpi)), suggestion_hint(target.kpi, names, "KPIs"));
  target.observed = read_number(at.require("observed", "add `observed: VALUE`, the figure to match"));
  const auto sd = at.get("sd");
  const auto tolerance = at.get("tolerance");
  if (sd && tolerance) tolerance->fail("give sd or tolerance, not both", "a tolerance is read as two sd (a ~95 % band)");
  if (!sd && !tolerance) at.fail("missing required key \"sd\" (or \"tolerance\")", "add `sd: X`: how far the simulated mean may sit from the observed value");
  const At& spread = sd ? *sd : *tolerance;
  const double value = read_number(spread);
  if (value <= 0) spread.fail(fmt::format("{} must be greater than 0, got {}", spread.key(), show(value)), "the objective divides by it");
  target.sd = sd ? value : value / 2;
  if (auto source = at.get("source")) target.source = read_string(*source);
  return target;
}

FreeParameter build_parameter(const At& at, const SourceNode& root) {
  at.expect_map("free parameter settings (key, bounds, integer, prior)");
  at.check_keys({"key", "bounds", "integer", "prior"});
  FreeParameter parameter;
  const At key = at.require("key", "add `key: PATH`, a number in the scenario as for --set, e.g. sites.Southend.beds.general");
  parameter.key_path = read_string(key);
  const auto steps = split_key_path(parameter.key_path);
  if (!steps) key.fail(fmt::format("malformed key path \"{}\"", shorten(parameter.key_path)), std::string(kKeyPathHint));
  const std::string& top = steps->front().key;
  if (top == "calibration" || top == "run" || top == "pfsim" || top == "name" || top == "extends")
    key.fail(fmt::format("\"{}\" cannot be a free parameter", top), "free parameters are model numbers (beds, rates, capacities, shares)");
  parameter.key_path = join_key_path(*steps);

  // Resolve in a copy, without the calibration section, so the bounds can be tried out below. A bed-count bound
  // below today's census is still a valid search range for the model (trial_document drops the census).
  SourceNode trial = trial_document(root);
  SourceNode* leaf = resolve_key_path(trial, *steps, key);
  const auto current = plain_number(*leaf);
  if (!current)
    key.fail(fmt::format("{} is {}, not a plain number", parameter.key_path, describe(*leaf)),
             "free parameters must be plain numbers (a distribution's mean cannot be set on its own; pick a rate, count or share)");
  parameter.integer = names_a_capacity(*steps);
  if (auto integer = at.get("integer")) parameter.integer = read_bool(*integer);

  const Bounds bounds = read_bounds(at.require("bounds", "add `bounds: [LOWER, UPPER]`"), parameter.key_path, parameter.integer, *leaf,
                                    trial, "drop the fraction, or add `integer: false`");
  parameter.lower = bounds.lower;
  parameter.upper = bounds.upper;
  parameter.start = std::clamp(*current, parameter.lower, parameter.upper);

  if (auto prior = at.get("prior")) {
    prior->expect_map("a normal prior (mean, sd)");
    prior->check_keys({"mean", "sd"});
    ParameterPrior p;
    p.mean = read_number(prior->require("mean"));
    const At sd = prior->require("sd");
    p.sd = read_number(sd);
    if (p.sd <= 0) sd.fail(fmt::format("sd must be greater than 0, got {}", show(p.sd)), "the prior's spread divides the penalty");
    parameter.prior = p;
  }
  return parameter;
}

}  // namespace

Calibration build_calibration(const At& at, const SourceNode& root) {
  at.expect_map("calibration settings (targets, parameters)");
  at.check_keys({"targets", "parameters"});
  Calibration calibration;
  const At targets = at.require("targets", "add `targets:` with at least one {kpi, observed, sd, source}");
  for (const At& item : targets.items()) {
    CalibrationTarget target = build_target(item);
    for (const auto& other : calibration.targets)
      if (other.kpi == target.kpi)
        item.fail(fmt::format("KPI \"{}\" is targeted twice", target.kpi), "keep one target per KPI");
    calibration.targets.push_back(std::move(target));
  }
  if (calibration.targets.empty()) targets.fail("no targets", "add at least one {kpi, observed, sd}");
  const At parameters = at.require("parameters", "add `parameters:` with at least one {key, bounds}");
  for (const At& item : parameters.items()) {
    FreeParameter parameter = build_parameter(item, root);
    for (const auto& other : calibration.parameters)
      if (other.key_path == parameter.key_path)
        item.fail(fmt::format("free parameter {} is listed twice", parameter.key_path), "keep one entry per key path");
    calibration.parameters.push_back(std::move(parameter));
  }
  if (calibration.parameters.empty()) parameters.fail("no free parameters", "add at least one {key, bounds}");
  return calibration;
}

}  // namespace detail

std::optional<Calibration> calibration_of(const ScenarioDocument& document) {
  const detail::SourceNode& root = document.impl().root;
  const detail::At top(root, "", "");
  const auto section = top.get("calibration");
  if (!section) return std::nullopt;
  return detail::build_calibration(*section, root);
}

std::optional<Calibration> load_calibration(const std::filesystem::path& file) {
  const ScenarioDocument document = read_scenario(file);
  (void)build_scenario(document);  // the whole scenario must be valid (this validates the section too)
  return calibration_of(document);
}

}  // namespace pfsim::loader
