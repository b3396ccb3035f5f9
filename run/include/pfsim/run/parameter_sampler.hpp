#pragma once
// Draws of the calibrated parameters for `pfsim run --parameter-uncertainty` (DESIGN §6.5). The law lives where the
// calibration's search did, in the logit-of-bounds space: u = logit((value − lower) / (upper − lower)) is normal with
// mean at the fitted value, sd `logit_sd` and the section's correlation, so no draw ever leaves the bounds.
// Replication r draws from its own stream, `parameter_uncertainty` of (seed, r), which no other stream uses: every
// other draw of the replication is unchanged (common random numbers), and -j, MPI ranks and --resume cannot change it.
#include <cstdint>
#include <string_view>
#include <vector>

#include "pfsim/engine/cholesky.hpp"
#include "pfsim/loader/parameter_uncertainty.hpp"

namespace pfsim::run {

/// The stream every replication's parameter draw comes from (DESIGN §6.1).
inline constexpr std::string_view kParameterStream = "parameter_uncertainty";

/// logit of the value's share of its bounds, the share kept 1 % of the range inside them (as the calibration's search
/// starts, so a fitted value rounded onto a bound still has a finite centre).
double to_logit_of_bounds(double value, double lower, double upper);
/// lower + (upper − lower) · logistic(u): within the bounds for any u (strictly inside unless |u| is beyond ~36).
double from_logit_of_bounds(double u, double lower, double upper);

class ParameterSampler {
 public:
  /// `law` as validated by the loader; throws std::invalid_argument if its correlation is not positive definite.
  explicit ParameterSampler(loader::ParameterUncertainty law);

  /// Replication `replication`'s point in the logit-of-bounds space, in the law's parameter order:
  /// centre + logit_sd ∘ (L z), z standard normals drawn in parameter order, L the correlation's Cholesky factor.
  [[nodiscard]] std::vector<double> draw_logit(std::uint64_t seed, std::uint64_t replication) const;
  /// The same draw as parameter values (integers rounded, which keeps them within their whole-number bounds).
  [[nodiscard]] std::vector<double> draw(std::uint64_t seed, std::uint64_t replication) const;

  [[nodiscard]] const loader::ParameterUncertainty& law() const { return law_; }
  /// The mean of the draws in the logit-of-bounds space (to_logit_of_bounds of each fitted value).
  [[nodiscard]] const std::vector<double>& centre() const { return centre_; }

 private:
  loader::ParameterUncertainty law_;
  engine::Matrix cholesky_;
  std::vector<double> centre_;
};

}  // namespace pfsim::run
