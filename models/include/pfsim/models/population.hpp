#pragma once
// People by locality × age band, projected forward with each band's annual growth (Eigen arrays).
// The scenario gives the people of start_date: growth is anchored there, so the factor is 1 at start_date and < 1
// (for growing bands) during the warm-up before it, and the warm-up length does not change measured demand.
#include <Eigen/Core>

#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

class PopulationProjection {
 public:
  /// `start_years` = years from simulated time 0 to start_date (the warm-up), where the people are `population`'s.
  explicit PopulationProjection(const Population& population, double start_years = 0.0);
  /// People [locality × band] `years` after the start of the simulation (growth compounds continuously).
  [[nodiscard]] Eigen::ArrayXXd at(double years) const;
  /// People in one cell at `years`.
  [[nodiscard]] double people(std::size_t locality, std::size_t band, double years) const;
  /// One cell's people at simulated time 0 (the scenario's people × (1 + growth)^−start_years) and annual growth:
  /// people() = base × (1 + growth)^years, formed in that order.
  [[nodiscard]] double base(std::size_t locality, std::size_t band) const;
  [[nodiscard]] double growth(std::size_t locality, std::size_t band) const;
  /// Largest band growth in a locality (for arrival-rate envelopes; never below 0).
  [[nodiscard]] double max_growth(std::size_t locality) const;
  /// Mean over [from, to] years of people summed over the bands selected by `mask` (per locality).
  [[nodiscard]] Eigen::ArrayXd mean_over(double from_years, double to_years, const std::vector<bool>& band_mask) const;

 private:
  Eigen::ArrayXXd base_;    // [locality × band]
  Eigen::ArrayXXd growth_;  // [locality × band]
};

}  // namespace pfsim::models
