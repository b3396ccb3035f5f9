#include "key_path.hpp"

#include <charconv>

#include <fmt/format.h>

namespace pfsim::loader::detail {
namespace {

constexpr const char* kStepsHint = "write steps separated by single dots, e.g. sites.Southend.beds.general";
constexpr const char* kBracketHint = R"~(write an index as [0], [1], ... and a name with dots or spaces as ["St. Mary"])~";

bool needs_brackets(std::string_view key) { return key.find_first_of(". []\"'\\") != std::string_view::npos; }

}  // namespace

std::variant<std::vector<KeyStep>, KeyPathError> parse_key_path(std::string_view path) {
  std::vector<KeyStep> steps;
  std::size_t i = 0;
  while (true) {
    // One dotted piece: an optional bare name, then any [index] or ["name"] parts.
    const std::size_t start = i;
    while (i < path.size() && path[i] != '.' && path[i] != '[') ++i;
    bool any = i > start;
    if (any) steps.push_back({std::string(path.substr(start, i - start))});
    while (i < path.size() && path[i] == '[') {
      if (i + 1 < path.size() && (path[i + 1] == '"' || path[i + 1] == '\'')) {
        const char quote = path[i + 1];
        std::string name;
        std::size_t j = i + 2;
        bool closed = false;
        for (; j < path.size(); ++j) {
          if (path[j] == '\\' && j + 1 < path.size()) {
            name += path[++j];
          } else if (path[j] == quote) {
            closed = true;
            break;
          } else {
            name += path[j];
          }
        }
        if (!closed || j + 1 >= path.size() || path[j + 1] != ']' || name.empty())
          return KeyPathError{fmt::format("bad quoted name in \"{}\"", path.substr(i)), kBracketHint};
        steps.push_back({std::move(name)});
        i = j + 2;
      } else {
        const std::size_t close = path.find(']', i);
        std::size_t index = 0;
        const char* first = path.data() + i + 1;
        const char* last = close == std::string_view::npos ? nullptr : path.data() + close;
        const auto parsed = last ? std::from_chars(first, last, index) : std::from_chars_result{first, std::errc::invalid_argument};
        if (!last || parsed.ec != std::errc() || parsed.ptr != last || first == last)
          return KeyPathError{fmt::format("bad list index in \"{}\"", path.substr(i, last ? close + 1 - i : std::string_view::npos)),
                              kBracketHint};
        steps.push_back({"", true, index});
        i = close + 1;
      }
      any = true;
    }
    if (!any) return KeyPathError{"empty step in the key path", kStepsHint};
    if (i == path.size()) return steps;
    if (path[i] != '.')
      return KeyPathError{fmt::format("unexpected \"{}\" after \"{}\"", path.substr(i), path.substr(0, i)), kStepsHint};
    ++i;  // a trailing dot leaves an empty piece, reported above
  }
}

std::optional<std::vector<KeyStep>> split_key_path(std::string_view path) {
  auto parsed = parse_key_path(path);
  if (auto* steps = std::get_if<std::vector<KeyStep>>(&parsed)) return std::move(*steps);
  return std::nullopt;
}

std::string key_step_text(std::string_view key) {
  if (!needs_brackets(key)) return std::string(key);
  std::string out = "[\"";
  for (const char c : key) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"]";
}

std::string join_key_path(const std::vector<KeyStep>& steps) {
  std::string path;
  for (const KeyStep& step : steps) {
    if (step.is_index) {
      path += "[" + std::to_string(step.index) + "]";
    } else if (needs_brackets(step.key)) {
      path += key_step_text(step.key);
    } else {
      if (!path.empty()) path += ".";
      path += step.key;
    }
  }
  return path;
}

}  // namespace pfsim::loader::detail
