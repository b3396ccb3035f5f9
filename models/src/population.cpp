#include "pfsim/models/population.hpp"

#include <algorithm>
#include <cmath>

namespace pfsim::models {

PopulationProjection::PopulationProjection(const Population& population, double start_years) {
  const auto L = static_cast<Eigen::Index>(population.localities.size());
  const auto B = static_cast<Eigen::Index>(population.age_bands.size());
  base_.setZero(L, B);
  growth_.setZero(L, B);
  for (Eigen::Index l = 0; l < L; ++l) {
    const auto& loc = population.localities[static_cast<std::size_t>(l)];
    for (Eigen::Index b = 0; b < B; ++b) {
      base_(l, b) = loc.people[static_cast<std::size_t>(b)];
      if (!loc.growth.empty()) growth_(l, b) = loc.growth[static_cast<std::size_t>(b)];
      // The scenario's people are those of start_date; time 0 (the first warm-up day) is start_years before it, so
      // they are projected back to it. With no warm-up (start_years = 0) or no growth the base is the scenario's.
      if (growth_(l, b) != 0.0 && start_years != 0.0) base_(l, b) *= std::pow(1.0 + growth_(l, b), -start_years);
    }
  }
}

Eigen::ArrayXXd PopulationProjection::at(double years) const { return base_ * (1.0 + growth_).pow(years); }

double PopulationProjection::people(std::size_t locality, std::size_t band, double years) const {
  const auto l = static_cast<Eigen::Index>(locality), b = static_cast<Eigen::Index>(band);
  if (growth_(l, b) == 0.0) return base_(l, b);  // pow(1, y) is exactly 1: same value, no pow on the hot path
  return base_(l, b) * std::pow(1.0 + growth_(l, b), years);
}

double PopulationProjection::base(std::size_t locality, std::size_t band) const {
  return base_(static_cast<Eigen::Index>(locality), static_cast<Eigen::Index>(band));
}

double PopulationProjection::growth(std::size_t locality, std::size_t band) const {
  return growth_(static_cast<Eigen::Index>(locality), static_cast<Eigen::Index>(band));
}

double PopulationProjection::max_growth(std::size_t locality) const {
  return std::max(0.0, growth_.row(static_cast<Eigen::Index>(locality)).maxCoeff());
}

Eigen::ArrayXd PopulationProjection::mean_over(double from_years, double to_years, const std::vector<bool>& band_mask) const {
  // Simpson's rule on a smooth exponential: exact to ~1e-9 over planning horizons.
  Eigen::ArrayXd mask(base_.cols());
  for (Eigen::Index b = 0; b < base_.cols(); ++b) mask(b) = band_mask[static_cast<std::size_t>(b)] ? 1.0 : 0.0;
  auto total = [&](double y) -> Eigen::ArrayXd { return (at(y).rowwise() * mask.transpose()).rowwise().sum(); };
  const double mid = 0.5 * (from_years + to_years);
  return (total(from_years) + 4.0 * total(mid) + total(to_years)) / 6.0;
}

}  // namespace pfsim::models
