#pragma once
// Nelder–Mead simplex minimisation (Nelder & Mead 1965; coefficients of Lagarias et al. 1998) with restarts.
// Derivative-free and tolerant of the small kinks that common-random-number simulation objectives have.
// It works on an unconstrained vector; callers map bounded parameters through a logistic transform.
#include <cstddef>
#include <functional>
#include <vector>

namespace pfsim::run::calibration {

struct NelderMeadOptions {
  double initial_step = 0.6;        // per coordinate, in the unconstrained space
  double x_tolerance = 1e-3;        // stop when every vertex is this close to the best (max-norm)
  /// ... or when the vertices' objectives agree to this (absolute). The objective is a chi-square (a change of 1 is
  /// one sd), so 0.01 is far below what matters and above the residual noise of a CRN objective.
  double f_tolerance = 0.01;
  int restarts = 1;                 // fresh simplexes around the best point after convergence
  std::size_t max_calls = 10000;    // hard cap on calls of f (cached calls included)
};

struct NelderMeadResult {
  std::vector<double> best;
  double value = 0;
  std::size_t calls = 0;
  int restarts_used = 0;
};

/// Minimises f from `start`. `keep_going()` is asked before every call of f; when it says no (the caller's budget
/// of real evaluations is spent) the best point so far is returned.
NelderMeadResult minimise(const std::function<double(const std::vector<double>&)>& f, const std::vector<double>& start,
                          const NelderMeadOptions& options, const std::function<bool()>& keep_going);

}  // namespace pfsim::run::calibration
