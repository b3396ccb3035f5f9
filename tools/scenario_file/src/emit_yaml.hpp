#pragma once
// SourceNode → YAML text: the resolved scenario (after extends and --set) embedded in results (DESIGN §7).
#include <string>

#include "source_node.hpp"

namespace pfsim::scenario_file::detail {

/// Block style for maps, flow style for lists of plain values; quoted scalars stay quoted.
std::string emit_yaml(const SourceNode& root);

}  // namespace pfsim::scenario_file::detail
