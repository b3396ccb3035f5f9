#pragma once
// Why a person is admitted (DESIGN §3 Conditions): the condition a uniform picks from its band's shares. Every arrival
// and every census person draws its uniform from its own stream "condition/<origin>", so no other draw moves.
#include <cstddef>

#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

/// The named condition whose share of `band` contains `u` (shares in Condition order), else Other.
inline Condition pick_condition(const Scenario& s, double u, std::size_t band) {
  const auto& shares = s.admission.condition_shares;
  for (std::size_t c = 0; c < shares.size(); ++c) {
    u -= shares[c][band];
    if (u < 0) return static_cast<Condition>(c + 1);
  }
  return Condition::Other;
}

}  // namespace pfsim::models
