#pragma once
// The parameter uncertainty a calibration hands on to `pfsim run --parameter-uncertainty` (DESIGN §6.5), in the
// logit-of-bounds space u where the search ran. The Gauss–Newton information JᵀJ + P (natural units) is carried to u by
// the delta method, G (JᵀJ + P) G with G = diag(dθ/du) at the fit, and the bounds are read as a uniform prior — in u
// a standard logistic, approximated by a normal of the same variance π²/3 — so
//   Σ_u = (G (JᵀJ + P) G + (3/π²) I)⁻¹.
// A well-identified parameter keeps (nearly) its Gauss–Newton spread; one the targets barely see (sd larger than
// its range) spreads over its range instead of putting its mass at the bounds; and Σ_u is always invertible.
#include "pfsim/loader/calibration.hpp"
#include "pfsim/loader/parameter_uncertainty.hpp"
#include "pfsim/run/calibration/evaluator.hpp"
#include "pfsim/run/calibration/uncertainty.hpp"

namespace pfsim::run::calibration {

/// The section to write for the fit `best`, whose Gauss–Newton analysis is `uncertainty`.
loader::ParameterUncertainty sampling_law(const loader::Calibration& calibration, const Uncertainty& uncertainty,
                                          const Evaluation& best);

}  // namespace pfsim::run::calibration
