#pragma once
// `extends:` (DESIGN §4): a scenario names a base file, relative to itself; the base is loaded first and the
// extending file is deep-merged over it. Chains are followed; cycles and missing files are errors.
#include <filesystem>
#include <string>

#include "source_node.hpp"

namespace pfsim::loader::detail {

/// Loads `file` and every file it extends, merged, with `extends:` removed. Each file must say `pfsim: 1`.
SourceNode load_with_extends(const std::filesystem::path& file);
/// The same for scenario text held in memory, named `label` in messages; `extends:` is relative to `directory`.
SourceNode load_text_with_extends(const std::string& text, const std::string& label, const std::filesystem::path& directory);

}  // namespace pfsim::loader::detail
