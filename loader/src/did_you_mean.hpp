#pragma once
// "Did you mean …?" suggestions for misspelt keys and names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pfsim::loader::detail {

/// Optimal-string-alignment edit distance (insert, delete, substitute, swap adjacent), case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo
/// (distance ≤ 2, or ≤ a third of the word's length for long words).
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// A hint for an unknown word: `did you mean "X"?`, else the list of what is allowed.
std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates,
                            std::string_view allowed_what = "allowed keys here");

}  // namespace pfsim::loader::detail
