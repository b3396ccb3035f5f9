#pragma once
// Routing of patient streams between sites (pfsim/scenario/routing.hpp) and the travel-burden tally. Built only when
// the scenario has a `routing` section, so scenarios without one draw nothing more and keep their results.
#include <cstdint>
#include <string>
#include <vector>

#include "context.hpp"
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

class Router {
 public:
  Router(Context& ctx, const RoutingSettings& settings);

  struct Route {
    std::size_t site = 0;   // the site that treats the patient
    double transfer = 0.0;  // minutes from arriving at the first-choice site to arriving at `site` (0 = none)
  };
  /// Where an A&E attender from `locality` who chose `first_choice` is treated. Their stream and conveyance come
  /// from their own routing stream `route_origin` keyed by `index` (common random numbers across options).
  Route attendance(const Patient& p, std::size_t first_choice, const engine::StreamFamily& route_origin, std::uint64_t index);
  /// Where a direct (GP-referred) admission to `main_site` is treated: referred straight to a providing site.
  std::size_t direct_admission(const Patient& p, std::size_t main_site, const engine::StreamFamily& route_origin, std::uint64_t index);

  [[nodiscard]] TravelOutcome finish() const;

 private:
  /// Stream of a person with uniform u (streams.size() = none).
  [[nodiscard]] std::size_t stream_of(double u, std::size_t band, bool admitted) const;
  /// The site treating `stream` for a person of `locality` whose first choice is `first` at hour `hour`.
  [[nodiscard]] std::size_t treating_site(std::size_t stream, std::size_t locality, std::size_t first, int hour) const;
  void tally(std::size_t locality, std::size_t first, std::size_t treating, bool transferred);

  Context& ctx_;
  const RoutingSettings& settings_;
  std::size_t sites_ = 0, localities_ = 0, streams_ = 0;
  std::vector<double> cumulative_admitted_, cumulative_not_admitted_;  // [band][stream] running sums
  std::vector<std::uint8_t> provides_;                                 // [hour][stream][site]
  std::vector<std::uint16_t> nearest_;                                 // [hour][locality][stream] providing site
  // Travel tally (measured arrivals only), per locality.
  std::vector<double> routed_, transferred_, extra_sum_;
  std::vector<std::vector<double>> extra_minutes_;  // for the 95th percentile
};

}  // namespace pfsim::models
