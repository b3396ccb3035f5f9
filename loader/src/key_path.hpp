#pragma once
// Key paths as `--set` and `calibration.parameters[].key` write them: map keys and list-item names separated by
// dots, list indices in brackets ("sites.Southend.beds.general", "ae.attendances_per_1000_per_year[1]").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pfsim::loader::detail {

struct KeyStep {
  std::string key;  // a map key or a list item's name (empty for an index step)
  bool is_index = false;
  std::size_t index = 0;
};

/// The steps of `path`, or nullopt when it has an empty step or a malformed [index].
std::optional<std::vector<KeyStep>> split_key_path(std::string_view path);

/// The steps joined back: "a.b[2].c" (names and keys after a dot, indices in brackets).
std::string join_key_path(const std::vector<KeyStep>& steps);

}  // namespace pfsim::loader::detail
