#include "pfsim/engine/cholesky.hpp"

#include <cmath>

namespace pfsim::engine {

std::optional<Matrix> cholesky(const Matrix& a, double symmetry_tolerance) {
  const std::size_t n = a.size();
  for (const auto& row : a)
    if (row.size() != n) return std::nullopt;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (!(std::abs(a[i][j] - a[j][i]) <= symmetry_tolerance)) return std::nullopt;
  Matrix l(n, std::vector<double>(n, 0.0));
  for (std::size_t j = 0; j < n; ++j) {
    double pivot = a[j][j];
    for (std::size_t k = 0; k < j; ++k) pivot -= l[j][k] * l[j][k];
    // `!(pivot > 0)` also refuses NaN.
    if (!(pivot > 0)) return std::nullopt;
    l[j][j] = std::sqrt(pivot);
    for (std::size_t i = j + 1; i < n; ++i) {
      double sum = a[i][j];
      for (std::size_t k = 0; k < j; ++k) sum -= l[i][k] * l[j][k];
      l[i][j] = sum / l[j][j];
    }
  }
  return l;
}

std::optional<Matrix> spd_inverse(const Matrix& a) {
  const auto l = cholesky(a);
  if (!l) return std::nullopt;
  const std::size_t n = a.size();
  Matrix inverse(n, std::vector<double>(n, 0.0));
  // Column c of a⁻¹ solves L·Lᵀ·x = e_c: forward then back substitution.
  for (std::size_t c = 0; c < n; ++c) {
    std::vector<double> y(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      double sum = i == c ? 1.0 : 0.0;
      for (std::size_t k = 0; k < i; ++k) sum -= (*l)[i][k] * y[k];
      y[i] = sum / (*l)[i][i];
    }
    for (std::size_t i = n; i-- > 0;) {
      double sum = y[i];
      for (std::size_t k = i + 1; k < n; ++k) sum -= (*l)[k][i] * inverse[k][c];
      inverse[i][c] = sum / (*l)[i][i];
    }
  }
  return inverse;
}

}  // namespace pfsim::engine
