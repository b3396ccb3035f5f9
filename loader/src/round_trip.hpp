#pragma once
// The resolved scenario text must read back as the tree it was written from: results files embed it and reruns
// (`--resume`, `pfsim rerun`, the Python reader) load it on its own.
#include <string>

#include "source_node.hpp"

namespace pfsim::loader::detail {

/// Throws ScenarioError at the first value of `root` that `text` (emit_yaml(root)) does not read back as.
void check_round_trip(const SourceNode& root, const std::string& text);

}  // namespace pfsim::loader::detail
