#include "key_path.hpp"

#include <charconv>

namespace pfsim::loader::detail {

std::optional<std::vector<KeyStep>> split_key_path(std::string_view path) {
  std::vector<KeyStep> steps;
  std::size_t begin = 0;
  while (begin <= path.size()) {
    std::size_t end = path.find('.', begin);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view piece = path.substr(begin, end - begin);
    const std::size_t bracket = piece.find('[');
    if (bracket != 0) steps.push_back({std::string(piece.substr(0, bracket))});
    if (steps.empty() || (!steps.back().is_index && steps.back().key.empty())) return std::nullopt;
    for (std::size_t at = bracket; at != std::string_view::npos; at = piece.find('[', at + 1)) {
      const std::size_t close = piece.find(']', at);
      if (close == std::string_view::npos || close == at + 1) return std::nullopt;
      std::size_t index = 0;
      const char* first = piece.data() + at + 1;
      const char* last = piece.data() + close;
      const auto parsed = std::from_chars(first, last, index);
      if (parsed.ec != std::errc() || parsed.ptr != last) return std::nullopt;
      if (close + 1 < piece.size() && piece[close + 1] != '[') return std::nullopt;
      steps.push_back({"", true, index});
    }
    begin = end + 1;
  }
  return steps;
}

std::string join_key_path(const std::vector<KeyStep>& steps) {
  std::string path;
  for (const KeyStep& step : steps) {
    if (step.is_index) {
      path += "[" + std::to_string(step.index) + "]";
    } else {
      if (!path.empty()) path += ".";
      path += step.key;
    }
  }
  return path;
}

}  // namespace pfsim::loader::detail
