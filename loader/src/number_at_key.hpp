#pragma once
// A plain number in the document addressed by a key path, as `calibration.parameters[].key` and
// `parameter_uncertainty.parameters[].key` name them (the same paths as `--set`). Shared by both sections so they
// accept and refuse the same paths with the same messages.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "key_path.hpp"
#include "reader.hpp"
#include "source_node.hpp"

namespace pfsim::loader::detail {

inline constexpr std::string_view kKeyPathHint =
    "write the path as for --set, e.g. sites.Southend.beds.general or ae.outcomes.admit[2]";

/// Walks `steps` from `root`; fails at `where` (the `key:` value) naming the first step that does not exist.
SourceNode* resolve_key_path(SourceNode& root, const std::vector<KeyStep>& steps, const At& where);

/// The value of an unquoted finite number, else nullopt.
std::optional<double> plain_number(const SourceNode& node);

/// A copy of `root` for trying values out: without `calibration:` and `parameter_uncertainty:` (they hold key
/// paths, not model numbers, and would try their own values out in turn) and without `census:` (a starting state,
/// not a parameter; re-reading it for every trial would be slow).
SourceNode trial_document(const SourceNode& root);

/// `bounds: [lower, upper]` of the number at `leaf` (inside `trial`, a trial_document): lower < upper, whole numbers
/// when `integer`, and each end a value the scenario accepts (tried by setting `leaf` to it and building `trial`).
/// `integer_fix` is the hint for a fractional bound of an integer parameter.
struct Bounds {
  double lower = 0, upper = 0;
};
Bounds read_bounds(const At& bounds, const std::string& key_path, bool integer, SourceNode& leaf, const SourceNode& trial,
                   std::string_view integer_fix);

}  // namespace pfsim::loader::detail
