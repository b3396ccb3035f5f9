#include <algorithm>

#include <fmt/format.h>

#include "pfsim/loader/load.hpp"

namespace pfsim::loader {
namespace {
// One line, in the order compilers use, so editors can jump to the location.
std::string format_error(const std::string& file, int line, int column, const std::string& key_path,
                         const std::string& message, const std::string& hint) {
  std::string text = file;
  if (line > 0) text += column > 0 ? fmt::format(":{}:{}", line, column) : fmt::format(":{}", line);  // 0 = not known
  text += ": ";
  if (!key_path.empty()) text += key_path + ": ";
  text += message;
  if (!hint.empty()) text += fmt::format(" (hint: {})", hint);
  // One problem, one line (DESIGN §8), whatever text a file managed to smuggle into a key or value.
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return text;
}
}  // namespace

ScenarioError::ScenarioError(std::string file, int line, int column, std::string key_path, std::string message,
                             std::string hint)
    : std::runtime_error(format_error(file, line, column, key_path, message, hint)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      key_path_(std::move(key_path)),
      message_(std::move(message)),
      hint_(std::move(hint)) {}

}  // namespace pfsim::loader
