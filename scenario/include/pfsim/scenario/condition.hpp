#pragma once
// Why a person is admitted as an emergency (DESIGN §3 *Conditions*): the groups today's measures count. Other is
// everything else; a scenario gives the shares of the three named groups by age band (`admission.conditions`).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pfsim::scenario {

enum class Condition : std::uint8_t {
  Other = 0,
  Falls = 1,        // injury due to a fall (PHOF C29 / BCF: emergency admissions due to falls, 65+)
  AcscChronic = 2,  // chronic ambulatory-care-sensitive conditions (NHS OF 2.3.i; the BCF "avoidable admissions")
  AcscUrgent = 3,   // acute conditions that should not usually need an admission (NHS OF 3a, urgent-care sensitive)
};
inline constexpr std::size_t kNamedConditions = 3;

/// Scenario-file names of the named conditions, Falls first (index = Condition − 1).
inline constexpr std::array<std::string_view, kNamedConditions> kConditionNames = {"falls", "acsc_chronic", "acsc_urgent"};

}  // namespace pfsim::scenario
