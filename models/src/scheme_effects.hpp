#pragma once
// Schemes at run time (DESIGN §3): the sampled delivered fractions of one replication and the hooks the services
// call where a scheme can change a value. Built only when the scenario has schemes; services are given a null
// pointer otherwise and test it first, so a scenario without schemes does no extra work. Capacity changes are
// applied by SchemeCapacity.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "care_pathway.hpp"
#include "context.hpp"

namespace pfsim::models {

class SchemeEffects {
 public:
  /// Combined change to one value: value × multiplier + delta.
  struct Change {
    double multiplier = 1.0, delta = 0.0;
    [[nodiscard]] double apply(double value) const { return value * multiplier + delta; }
    [[nodiscard]] bool none() const { return multiplier == 1.0 && delta == 0.0; }
  };

  SchemeEffects(const Context& ctx, std::vector<double> delivered);

  [[nodiscard]] bool has(SchemeTarget target) const { return !active_[static_cast<std::size_t>(target)].empty(); }
  /// The change every matching effect of `target` makes at time t (pathway: 1–3, 0 = any).
  /// `condition`: the person's, where the target knows it (ae.admit, admission.direct).
  [[nodiscard]] Change change(SchemeTarget target, double t, std::size_t locality, std::size_t band, std::size_t site,
                              int pathway = 0, Condition condition = Condition::Other) const;
  /// A rate target thins arrivals: true when the arrival number `index` of `origin` is avoided at t. The uniform
  /// comes from the person's own stream "scheme/avoid/<origin>" so nobody else's draws move.
  [[nodiscard]] bool avoided(SchemeTarget target, double t, std::size_t locality, std::size_t band, const std::string& origin,
                             std::uint64_t index, Condition condition = Condition::Other) const;
  /// Pathway shares of an adult at t after the PathwayShare effects (each moves share between two pathways).
  void adjust_pathway_shares(std::array<double, kPathways>& shares, double t, std::size_t locality, std::size_t band,
                             std::size_t site) const;

  [[nodiscard]] const std::vector<double>& delivered() const { return delivered_; }

 private:
  struct Active {
    const SchemeEffect* effect;
    double fraction, start, ramp;
  };
  [[nodiscard]] double strength(const Active& a, double t) const;

  const Context& ctx_;
  std::vector<double> delivered_;
  std::array<std::vector<Active>, kSchemeTargetCount> active_;
};

/// run_replication for a scenario with schemes: the run with them, plus the same replication without them
/// (same people, common random numbers) to measure the activity they changed and value it with the tariff.
ReplicationResult run_with_counterfactual(const Scenario& scenario, std::uint64_t replication);

}  // namespace pfsim::models
