#pragma once
// Discharge pathways (DESIGN §3): P0 home, P1 home with reablement, P2 intermediate care, P3 care home.
#include <cstddef>
#include <cstdint>

namespace pfsim::scenario {

enum class Pathway : std::uint8_t { P0 = 0, P1 = 1, P2 = 2, P3 = 3 };
/// The number of pathways, from the enum (P3 is the last).
inline constexpr std::size_t kPathways = static_cast<std::size_t>(Pathway::P3) + 1;

}  // namespace pfsim::scenario
