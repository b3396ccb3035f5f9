#include "pfsim/run/parameter_sampler.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "pfsim/engine/rng.hpp"

namespace pfsim::run {

double to_logit_of_bounds(double value, double lower, double upper) {
  const double share = std::clamp((value - lower) / (upper - lower), 0.01, 0.99);
  return std::log(share / (1 - share));
}

double from_logit_of_bounds(double u, double lower, double upper) { return lower + (upper - lower) / (1 + std::exp(-u)); }

ParameterSampler::ParameterSampler(loader::ParameterUncertainty law) : law_(std::move(law)) {
  auto factor = engine::cholesky(law_.correlation, 1e-9);
  if (!factor || factor->size() != law_.parameters.size())
    throw std::invalid_argument("parameter uncertainty: the correlation matrix is not a positive-definite matrix of the parameters");
  cholesky_ = std::move(*factor);
  for (const auto& p : law_.parameters) centre_.push_back(to_logit_of_bounds(p.fitted, p.lower, p.upper));
}

std::vector<double> ParameterSampler::draw_logit(std::uint64_t seed, std::uint64_t replication) const {
  engine::Stream stream(seed, replication, kParameterStream);
  const std::size_t n = law_.parameters.size();
  std::vector<double> z(n);
  for (double& value : z) value = stream.normal();
  std::vector<double> u(n);
  for (std::size_t i = 0; i < n; ++i) {
    double correlated = 0;
    for (std::size_t k = 0; k <= i; ++k) correlated += cholesky_[i][k] * z[k];
    u[i] = centre_[i] + law_.parameters[i].logit_sd * correlated;
  }
  return u;
}

std::vector<double> ParameterSampler::draw(std::uint64_t seed, std::uint64_t replication) const {
  std::vector<double> values = draw_logit(seed, replication);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto& p = law_.parameters[i];
    // No offset gives the fitted value itself rather than its logit round trip (which can be an ulp off, or off by
    // the 1 % clamp at a bound), so a law of zero spread runs exactly the scenario as calibrated.
    values[i] = values[i] == centre_[i] ? p.fitted : from_logit_of_bounds(values[i], p.lower, p.upper);
    if (p.integer) values[i] = std::round(values[i]);
  }
  return values;
}

}  // namespace pfsim::run
