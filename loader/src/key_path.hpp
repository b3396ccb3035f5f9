#pragma once
// Key paths as `--set` and `calibration.parameters[].key` write them: map keys and list-item names separated by
// dots, list indices in brackets ("sites.Southend.beds.general", "ae.attendances_per_1000_per_year[1]"), and names
// with dots or spaces quoted in brackets (`sites["St. Mary"].beds.general`).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pfsim::loader::detail {

struct KeyStep {
  std::string key;  // a map key or a list item's name (empty for an index step)
  bool is_index = false;
  std::size_t index = 0;
};

/// Why a key path is malformed, for `--set` errors.
struct KeyPathError {
  std::string message;
  std::string hint;
};

/// The steps of `path`, or what is wrong with it (an empty step, a malformed [index] or ["name"]).
std::variant<std::vector<KeyStep>, KeyPathError> parse_key_path(std::string_view path);

/// The steps of `path`, or nullopt when it is malformed (see parse_key_path).
std::optional<std::vector<KeyStep>> split_key_path(std::string_view path);

/// A key or name as one step of a path: itself, or ["St. Mary"] when it has a dot, space, bracket or quote.
std::string key_step_text(std::string_view key);

/// The steps joined back: "a.b[2].c" (names and keys after a dot, indices in brackets, names with dots as ["a.b"]).
std::string join_key_path(const std::vector<KeyStep>& steps);

}  // namespace pfsim::loader::detail
