#pragma once
// Uncertainty of the fitted parameters: Gauss–Newton from a central finite-difference Jacobian of the scaled
// residuals r_k = (simulated mean_k − observed_k) / sd_k at the optimum. Near the optimum the objective is
// ≈ Σ r_k², so its Hessian ≈ 2 JᵀJ and, reading the objective as −2 log-likelihood, cov(θ) ≈ (JᵀJ + P)⁻¹, P the
// priors' precisions. With common random numbers the differences are not swamped by simulation noise.
#include <cstddef>
#include <vector>

#include "pfsim/run/calibration/evaluator.hpp"

namespace pfsim::run::calibration {

struct Uncertainty {
  std::vector<double> sd;                       // per parameter; +inf when the targets do not identify it
  std::vector<std::vector<double>> jacobian;    // [target][parameter], d r_k / d θ_i
  std::vector<std::vector<std::size_t>> serves; // per parameter: targets it moves (|J|·range ≥ 0.5 sd and ≥ 10 % of the largest)
};

/// Runs 2 evaluations per parameter (phase 1 of the trace) around evaluator.best().
Uncertainty estimate_uncertainty(Evaluator& evaluator);

}  // namespace pfsim::run::calibration
