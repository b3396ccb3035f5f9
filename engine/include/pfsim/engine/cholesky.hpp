#pragma once
// Small dense symmetric positive-definite matrices (a handful of rows: calibrated parameters). Used to validate a
// correlation matrix, draw correlated normals from it and invert an information matrix; no library needed at this size.
#include <optional>
#include <vector>

namespace pfsim::engine {

using Matrix = std::vector<std::vector<double>>;

/// Lower-triangular L with L·Lᵀ = a, or nullopt when `a` is not square, not symmetric (to `symmetry_tolerance`,
/// absolute) or not positive definite (a pivot ≤ 0).
std::optional<Matrix> cholesky(const Matrix& a, double symmetry_tolerance = 0);

/// a⁻¹ of a symmetric positive-definite `a` (via its Cholesky factor), or nullopt when it is not one.
std::optional<Matrix> spd_inverse(const Matrix& a);

}  // namespace pfsim::engine
