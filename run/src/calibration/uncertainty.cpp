#include "pfsim/run/calibration/uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pfsim::run::calibration {
namespace {

// Inverse of a small symmetric positive (semi)definite matrix by Gauss–Jordan with partial pivoting;
// a pivot below `tiny` marks the matrix singular (a parameter no target depends on).
bool invert(std::vector<std::vector<double>> a, std::vector<std::vector<double>>& inverse) {
  const std::size_t n = a.size();
  inverse.assign(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) inverse[i][i] = 1;
  double scale = 0;
  for (const auto& row : a)
    for (double v : row) scale = std::max(scale, std::abs(v));
  const double tiny = 1e-12 * std::max(scale, 1e-300);
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
    if (std::abs(a[pivot][c]) <= tiny) return false;
    std::swap(a[c], a[pivot]);
    std::swap(inverse[c], inverse[pivot]);
    const double d = a[c][c];
    for (std::size_t k = 0; k < n; ++k) {
      a[c][k] /= d;
      inverse[c][k] /= d;
    }
    for (std::size_t r = 0; r < n; ++r) {
      if (r == c || a[r][c] == 0) continue;
      const double f = a[r][c];
      for (std::size_t k = 0; k < n; ++k) {
        a[r][k] -= f * a[c][k];
        inverse[r][k] -= f * inverse[c][k];
      }
    }
  }
  return true;
}

}  // namespace

Uncertainty estimate_uncertainty(Evaluator& evaluator) {
  const auto& calibration = evaluator.calibration();
  const std::size_t n = calibration.parameters.size(), m = calibration.targets.size();
  const Evaluation centre = evaluator.best();  // a copy: evaluate() may grow the trace
  Uncertainty u;
  u.jacobian.assign(m, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = calibration.parameters[i];
    // Step 2 % of the range (at least 1 for integers): large enough to rise above the CRN-smoothed noise,
    // small enough for the local slope. At a bound the difference is one-sided.
    const double h = p.integer ? std::max(1.0, std::round(0.02 * (p.upper - p.lower))) : 0.02 * (p.upper - p.lower);
    std::vector<double> up = centre.values, down = centre.values;
    up[i] = std::min(p.upper, centre.values[i] + h);
    down[i] = std::max(p.lower, centre.values[i] - h);
    const Evaluation high = evaluator.evaluate(up, 1);
    const Evaluation low = evaluator.evaluate(down, 1);
    const double step = high.values[i] - low.values[i];
    if (step == 0) continue;
    for (std::size_t k = 0; k < m; ++k)
      u.jacobian[k][i] = (high.kpis[k].mean - low.kpis[k].mean) / calibration.targets[k].sd / step;
  }
  std::vector<std::vector<double>> information(n, std::vector<double>(n, 0.0)), covariance;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j)
      for (std::size_t k = 0; k < m; ++k) information[i][j] += u.jacobian[k][i] * u.jacobian[k][j];
    if (const auto& prior = calibration.parameters[i].prior) information[i][i] += 1 / (prior->sd * prior->sd);
  }
  u.sd.assign(n, std::numeric_limits<double>::infinity());
  if (invert(information, covariance))
    for (std::size_t i = 0; i < n; ++i) u.sd[i] = covariance[i][i] > 0 ? std::sqrt(covariance[i][i]) : u.sd[i];
  u.serves.resize(n);
  for (std::size_t k = 0; k < m; ++k) {
    double largest = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& p = calibration.parameters[i];
      largest = std::max(largest, std::abs(u.jacobian[k][i]) * (p.upper - p.lower));
    }
    for (std::size_t i = 0; i < n; ++i) {
      const auto& p = calibration.parameters[i];
      const double effect = std::abs(u.jacobian[k][i]) * (p.upper - p.lower);
      if (effect >= 0.5 && effect >= 0.1 * largest) u.serves[i].push_back(k);
    }
  }
  return u;
}

}  // namespace pfsim::run::calibration
