#pragma once
// `--set key.path=value` (DESIGN §4): applied to the merged document before validation.
#include <string>
#include <vector>

#include "source_node.hpp"

namespace pfsim::loader::detail {

/// Applies each "key.path=value" in order. The value is YAML (a scalar, [flow list] or {flow map}) and is
/// deep-merged like an extending file. Path steps are map keys, names of list items that have `name:`
/// (sites.Southend) or [index]. Nodes from overrides have file "--set", line = the override's position
/// (1-based) and column = the position in its text, so a bad value is reported as "--set:2:19: ...".
void apply_overrides(SourceNode& root, const std::vector<std::string>& overrides);

/// Sets one number as `--set key_path=NUMBER` at position `position` would, without YAML text: the same path
/// steps, the same origin. A whole number is written as an integer, others in the fewest digits that round-trip.
void apply_number(SourceNode& root, const std::string& key_path, double value, int position);

}  // namespace pfsim::loader::detail
