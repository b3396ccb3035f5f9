// The `parameter_uncertainty:` section (DESIGN §6.5): fitted parameters, their spread in the logit-of-bounds space
// and their correlation. Validated with the rest of the scenario (so `pfsim validate` and `pfsim run` reject a bad one
// with file:line:col), returned only by parameter_uncertainty_of(): the model never sees it.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "build.hpp"
#include "document.hpp"
#include "key_path.hpp"
#include "number_at_key.hpp"
#include "pfsim/engine/cholesky.hpp"
#include "pfsim/loader/load.hpp"
#include "pfsim/loader/parameter_uncertainty.hpp"

namespace pfsim::loader {

namespace detail {
namespace {

// The matrix is written with ~6 significant digits, so symmetry and the unit diagonal are checked to a tolerance
// far below what matters for a correlation and far above the written precision's error.
constexpr double kMatrixTolerance = 1e-9;


double read_spread(const At& at, std::string_view what) {
  const double value = read_number(at);
  if (value < 0) at.fail(fmt::format("{} must be 0 or more, got {}", at.key(), show(value)), std::string(what));
  return value;
}

UncertainParameter build_parameter(const At& at, const SourceNode& root) {
  at.expect_map("an uncertain parameter (key, fitted, sd, bounds, integer, logit_sd)");
  at.check_keys({"key", "fitted", "sd", "bounds", "integer", "logit_sd"});
  UncertainParameter parameter;
  const At key = at.require("key", "add `key: PATH`, a number in the scenario as for --set, e.g. sites.Southend.beds.general");
  parameter.key_path = read_string(key);
  const auto steps = split_key_path(parameter.key_path);
  if (!steps) key.fail(fmt::format("malformed key path \"{}\"", shorten(parameter.key_path)), std::string(kKeyPathHint));
  const std::string& top = steps->front().key;
  if (top == "calibration" || top == "parameter_uncertainty" || top == "run" || top == "pfsim" || top == "name" || top == "extends")
    key.fail(fmt::format("\"{}\" cannot be an uncertain parameter", top), "uncertain parameters are model numbers (beds, rates, capacities, shares)");
  parameter.key_path = join_key_path(*steps);
  SourceNode trial = trial_document(root);
  SourceNode* leaf = resolve_key_path(trial, *steps, key);
  if (!plain_number(*leaf))
    key.fail(fmt::format("{} is {}, not a plain number", parameter.key_path, describe(*leaf)),
             "only plain numbers can be sampled (a rate, count or share, as in calibration.parameters)");

  parameter.integer = read_bool(at.require("integer", "add `integer: true` for whole numbers (beds, capacities), else false"));
  const Bounds bounds = read_bounds(at.require("bounds", "add `bounds: [LOWER, UPPER]`, the calibration's bounds"), parameter.key_path,
                                    parameter.integer, *leaf, trial, "drop the fraction, or write `integer: false`");
  parameter.lower = bounds.lower;
  parameter.upper = bounds.upper;
  const At fitted = at.require("fitted", "add `fitted: VALUE`, the calibrated value (the centre of the draws)");
  parameter.fitted = read_number(fitted);
  if (parameter.fitted < parameter.lower || parameter.fitted > parameter.upper)
    fitted.fail(fmt::format("fitted value {} is outside the bounds [{}, {}]", show(parameter.fitted), show(parameter.lower), show(parameter.upper)),
                "the draws live inside the bounds: re-run pfsim calibrate, or widen the bounds");
  if (parameter.integer && std::floor(parameter.fitted) != parameter.fitted)
    fitted.fail(fmt::format("{} is an integer parameter, so its fitted value must be a whole number, got {}", parameter.key_path,
                            show(parameter.fitted)),
                "round it, or write `integer: false`");
  if (auto sd = at.get("sd"))
    parameter.sd = read_spread(*sd, "the calibration's 1 sd in the parameter's units; leave it out when not identified");
  parameter.logit_sd = read_spread(at.require("logit_sd", "add `logit_sd: X`, the sd of the draws in the logit-of-bounds space"),
                                   "the sd of the draws in the logit-of-bounds space (0 = fixed at the fitted value)");
  return parameter;
}

std::vector<std::vector<double>> build_correlation(const At& at, std::size_t n) {
  const auto rows = at.items(n, "row", "parameters (one row each)");
  std::vector<std::vector<double>> matrix;
  for (std::size_t i = 0; i < n; ++i) {
    const auto cells = rows[i].items(n, "value", "parameters (one value each)");
    std::vector<double> row;
    for (std::size_t j = 0; j < n; ++j) {
      const double value = read_number(cells[j]);
      if (i == j && std::abs(value - 1) > kMatrixTolerance)
        cells[j].fail(fmt::format("a correlation matrix has 1 on its diagonal, got {}", show(value)), "write 1");
      if (value < -1 || value > 1) cells[j].fail(fmt::format("a correlation must be in [-1, 1], got {}", show(value)));
      if (j < i && std::abs(value - matrix[j][i]) > kMatrixTolerance)
        cells[j].fail(fmt::format("the matrix is not symmetric: [{}][{}] is {} but [{}][{}] is {}", i, j, show(value), j, i, show(matrix[j][i])),
                      "a correlation matrix equals its transpose");
      row.push_back(value);
    }
    matrix.push_back(std::move(row));
  }
  if (!engine::cholesky(matrix, kMatrixTolerance))
    at.fail("the correlation matrix is not positive definite",
            "it must be a valid correlation matrix (no linear combination with zero or negative variance); re-run pfsim calibrate");
  return matrix;
}

}  // namespace

ParameterUncertainty build_parameter_uncertainty(const At& at, const SourceNode& root) {
  at.expect_map("parameter uncertainty (parameters, correlation)");
  at.check_keys({"parameters", "correlation"});
  ParameterUncertainty uncertainty;
  const At parameters = at.require("parameters", "add `parameters:` with at least one {key, fitted, sd, bounds, integer, logit_sd}");
  for (const At& item : parameters.items()) {
    UncertainParameter parameter = build_parameter(item, root);
    for (const auto& other : uncertainty.parameters)
      if (other.key_path == parameter.key_path)
        item.fail(fmt::format("uncertain parameter {} is listed twice", parameter.key_path), "keep one entry per key path");
    uncertainty.parameters.push_back(std::move(parameter));
  }
  if (uncertainty.parameters.empty()) parameters.fail("no parameters", "add at least one {key, fitted, sd, bounds, integer, logit_sd}");
  uncertainty.correlation = build_correlation(
      at.require("correlation", "add `correlation:`, one row per parameter (the identity for independent parameters)"),
      uncertainty.parameters.size());
  return uncertainty;
}

}  // namespace detail

std::optional<ParameterUncertainty> parameter_uncertainty_of(const ScenarioDocument& document) {
  const detail::SourceNode& root = document.impl().root;
  const detail::At top(root, "", "");
  const auto section = top.get("parameter_uncertainty");
  if (!section) return std::nullopt;
  return detail::build_parameter_uncertainty(*section, root);
}

ScenarioDocument model_document(const ScenarioDocument& document) {
  ScenarioDocument copy = document;
  copy.impl().root.erase("calibration");
  copy.impl().root.erase("parameter_uncertainty");
  return copy;
}

}  // namespace pfsim::loader
