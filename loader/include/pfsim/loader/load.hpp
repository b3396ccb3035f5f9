#pragma once
// Scenario files (DESIGN §4): read YAML, follow `extends:`, apply `--set` overrides, validate, and return the
// plain immutable scenario::Scenario. Every problem names file:line:column, the key path and how to fix it.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "pfsim/scenario/scenario.hpp"

namespace pfsim::loader {

/// One problem in a scenario file; what() is "FILE:LINE:COL: KEY.PATH: MESSAGE (hint: HINT)" on one line.
/// Line and column are 1-based (0 = not known, then omitted); overrides report file "--set", line = which --set.
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::string file, int line, int column, std::string key_path, std::string message,
                std::string hint = {});
  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  [[nodiscard]] int line() const noexcept { return line_; }
  [[nodiscard]] int column() const noexcept { return column_; }
  [[nodiscard]] const std::string& key_path() const noexcept { return key_path_; }
  /// The message alone, without location, key path or hint.
  [[nodiscard]] const std::string& message() const noexcept { return message_; }
  [[nodiscard]] const std::string& hint() const noexcept { return hint_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string key_path_;
  std::string message_;
  std::string hint_;
};

/// Loads `file`, follows `extends:` (paths relative to the including file; maps merge deeply, lists replace),
/// applies `overrides` ("key.path=value", value read as YAML; list items with a `name:` are addressed by name,
/// others by [index]), validates, and returns the scenario with resolved_yaml and source_file filled in.
/// Throws ScenarioError for the first problem found.
scenario::Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});

/// Loads scenario text held in memory (e.g. the resolved scenario a results file embeds, or one a front end
/// edits), named `label` in messages; an `extends:` in it is relative to `directory`. Otherwise as load_scenario.
scenario::Scenario load_scenario_text(const std::string& text, const std::string& label,
                                      const std::vector<std::string>& overrides = {}, const std::filesystem::path& directory = ".");

/// As above, and appends to `files_read` every file the load read, in order: `file`, the files it extends,
/// census and scheme files (paths as the loader opened them). pfsim checks its outputs against them.
scenario::Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                               std::vector<std::filesystem::path>& files_read);

}  // namespace pfsim::loader
