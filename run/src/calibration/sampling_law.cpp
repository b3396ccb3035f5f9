#include "pfsim/run/calibration/sampling_law.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "pfsim/engine/cholesky.hpp"
#include "pfsim/run/parameter_sampler.hpp"

namespace pfsim::run::calibration {

loader::ParameterUncertainty sampling_law(const loader::Calibration& calibration, const Uncertainty& uncertainty,
                                          const Evaluation& best) {
  const std::size_t n = calibration.parameters.size();
  // dθ/du at the fit, at the same (clamped) share the sampler centres on.
  std::vector<double> slope(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = calibration.parameters[i];
    const double share = 1 / (1 + std::exp(-to_logit_of_bounds(best.values[i], p.lower, p.upper)));
    slope[i] = (p.upper - p.lower) * share * (1 - share);
  }
  const double bounds_precision = 3 / (std::numbers::pi * std::numbers::pi);
  engine::Matrix information(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    // The upper triangle, mirrored: (a·b)·c and (c·b)·a can differ in the last bit, and the inverse wants exact symmetry.
    for (std::size_t j = i; j < n; ++j) {
      double natural = 0;
      for (const auto& row : uncertainty.jacobian) natural += row[i] * row[j];
      if (i == j)
        if (const auto& prior = calibration.parameters[i].prior) natural += 1 / (prior->sd * prior->sd);
      information[i][j] = information[j][i] = slope[i] * natural * slope[j];
    }
    information[i][i] += bounds_precision;
  }
  const auto covariance = engine::spd_inverse(information);
  if (!covariance) throw std::logic_error("parameter uncertainty: information + bounds prior is not positive definite");

  loader::ParameterUncertainty law;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = calibration.parameters[i];
    loader::UncertainParameter out;
    out.key_path = p.key_path;
    out.fitted = best.values[i];
    if (std::isfinite(uncertainty.sd[i])) out.sd = uncertainty.sd[i];
    out.lower = p.lower;
    out.upper = p.upper;
    out.integer = p.integer;
    out.logit_sd = std::sqrt((*covariance)[i][i]);
    law.parameters.push_back(std::move(out));
  }
  law.correlation.assign(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      law.correlation[i][j] = i == j ? 1.0 : (*covariance)[i][j] / (law.parameters[i].logit_sd * law.parameters[j].logit_sd);
  return law;
}

}  // namespace pfsim::run::calibration
