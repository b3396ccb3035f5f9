#pragma once
// Winter's slower flow through the acute beds (DESIGN §3): monthly LOS multipliers and the weekend/bank-holiday
// discharge dip. Built only when the scenario has a `winter` section; the dip draws one uniform appended to the
// episode (CarePathway), nothing else.
#include <cstddef>
#include <vector>

#include "context.hpp"

namespace pfsim::models {

class SchemeEffects;

class WinterFlow {
 public:
  /// `schemes` (may be null) can raise the weekend discharge factor.
  WinterFlow(const Context& ctx, const WinterSettings& settings, const SchemeEffects* schemes);

  /// True when some day has a discharge factor below 1 (episodes then draw one more uniform).
  [[nodiscard]] bool has_discharge_dip() const { return has_dip_; }
  /// When a patient ready to leave at `now` with uniform `u` is held by the dip: the working morning they leave;
  /// otherwise NaN.
  [[nodiscard]] double held_until(double now, double u, std::size_t site = 0) const;

 private:
  const Context& ctx_;
  const WinterSettings& settings_;
  const SchemeEffects* schemes_;
  std::vector<float> discharge_factor_;  // by simulated day
  std::vector<bool> weekend_only_;       // by simulated day: reduced because it is a weekend (not a bank holiday)
  bool has_dip_ = false;
};

}  // namespace pfsim::models
