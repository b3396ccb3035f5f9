#pragma once
// `extends:` (DESIGN §4): a scenario names a base file, relative to itself; the base is loaded first and the
// extending file is deep-merged over it. Chains are followed; cycles and missing files are errors.
#include <filesystem>

#include "source_node.hpp"

namespace pfsim::loader::detail {

/// Loads `file` and every file it extends, merged, with `extends:` removed. Each file must say `pfsim: 1`.
SourceNode load_with_extends(const std::filesystem::path& file);

}  // namespace pfsim::loader::detail
