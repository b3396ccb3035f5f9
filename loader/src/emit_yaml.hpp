#pragma once
// SourceNode → YAML text: the resolved scenario (after extends and --set) embedded in results (DESIGN §7).
#include <map>
#include <string>

#include "source_node.hpp"

namespace pfsim::loader::detail {

/// Block style for maps, flow style for lists of plain values; quoted scalars stay quoted. `comments` are keyed by
/// key path (list items by name where they have one, else [index]); a comment on a list element goes after the list.
std::string emit_yaml(const SourceNode& root, const std::map<std::string, std::string>& comments = {});

}  // namespace pfsim::loader::detail
