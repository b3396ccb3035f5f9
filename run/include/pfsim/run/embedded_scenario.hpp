#pragma once
// The scenario a results file embeds (/meta/scenario_yaml), read back with the loader for what the output layer
// cannot know without YAML: beds, populations, which modules are on.
#include <optional>
#include <string>

#include "pfsim/scenario/scenario.hpp"

namespace pfsim::run {

/// The embedded scenario, or nothing when the file has none or this pfsim cannot read it (e.g. a newer schema).
/// Its scheme files are named relative to where the run was made, so a scenario that cannot be read with them is
/// read again without them.
std::optional<scenario::Scenario> embedded_scenario(const std::string& scenario_yaml);

}  // namespace pfsim::run
