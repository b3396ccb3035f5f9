#pragma once
// Discharge pathways (DESIGN §3): P0 home, P1 home with reablement, P2 intermediate care, P3 care home.
#include <cstdint>

namespace pfsim::scenario {

enum class Pathway : std::uint8_t { P0 = 0, P1 = 1, P2 = 2, P3 = 3 };
inline constexpr int kPathways = 4;

}  // namespace pfsim::scenario
