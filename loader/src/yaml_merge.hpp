#pragma once
// Deep merge used by `extends:` and `--set` (DESIGN §4): maps merge key by key, lists and scalars replace.
#include "source_node.hpp"

namespace pfsim::loader::detail {

/// Merges `over` into `base`. Every node keeps its own Origin, so errors still name the file that wrote it.
/// New keys are appended after the base's keys, keeping the base file's order in the resolved document.
void merge_into(SourceNode& base, SourceNode over);

}  // namespace pfsim::loader::detail
