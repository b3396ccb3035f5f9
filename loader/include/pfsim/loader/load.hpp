#pragma once
// Scenario files (DESIGN §4): read YAML, follow `extends:`, apply `--set` overrides, validate, and return the
// plain immutable scenario::Scenario. Every problem names file:line:column, the key path and how to fix it.
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
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

/// A scenario document read but not yet validated (DESIGN §4 "parse → validate → build"): `extends:` followed,
/// `--set` overrides applied, and every file it names (scheme files, census CSV files) read and parsed. Building
/// it (build_scenario) reads no file, so one document can be built many times, e.g. with different values
/// (apply_values). Copies are independent (the included files' parsed contents are shared, read-only).
class ScenarioDocument {
 public:
  struct Impl;  // private to the loader
  explicit ScenarioDocument(std::unique_ptr<Impl> impl);
  ScenarioDocument(const ScenarioDocument& other);
  ScenarioDocument& operator=(const ScenarioDocument& other);
  ScenarioDocument(ScenarioDocument&&) noexcept;
  ScenarioDocument& operator=(ScenarioDocument&&) noexcept;
  ~ScenarioDocument();
  [[nodiscard]] Impl& impl() { return *impl_; }
  [[nodiscard]] const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// Reads `file`, follows `extends:` (paths relative to the including file; maps merge deeply, lists replace),
/// applies `overrides` ("key.path=value", value read as YAML; list items with a `name:` are addressed by name,
/// others by [index]) and reads the scheme and census files it names. Throws ScenarioError for a file that cannot
/// be read or parsed (the scenario and its bases; an included file's problem is reported when it is built).
ScenarioDocument read_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});
/// As above, and appends to `files_read` every file read, in order: `file`, the files it extends, scheme and
/// census files (paths as the loader opened them). pfsim checks its outputs against them.
ScenarioDocument read_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                               std::vector<std::filesystem::path>& files_read);
/// Scenario text held in memory (e.g. the resolved scenario a results file embeds, or one a front end edits),
/// named `label` in messages; an `extends:` in it is relative to `directory`. Otherwise as read_scenario.
ScenarioDocument read_scenario_text(const std::string& text, const std::string& label,
                                    const std::vector<std::string>& overrides = {}, const std::filesystem::path& directory = ".");

/// Sets numbers in the document, as `--set key.path=NUMBER` would (the same key paths; the origin of each value
/// is "--set", numbered after the overrides already applied). A whole number is written as an integer, any other
/// in the fewest significant digits that give back the same double.
void apply_values(ScenarioDocument& document, const std::vector<std::pair<std::string, double>>& values);

/// Validates the document and returns the scenario with resolved_yaml and source_file filled in. Reads no file.
/// Throws ScenarioError for the first problem found.
scenario::Scenario build_scenario(const ScenarioDocument& document);

/// read_scenario + build_scenario: loads `file`, follows `extends:`, applies `overrides`, validates, and returns
/// the scenario with resolved_yaml and source_file filled in. Throws ScenarioError for the first problem found.
scenario::Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});

/// read_scenario_text + build_scenario.
scenario::Scenario load_scenario_text(const std::string& text, const std::string& label,
                                      const std::vector<std::string>& overrides = {}, const std::filesystem::path& directory = ".");

/// As load_scenario, and appends to `files_read` every file the load read (as read_scenario does).
scenario::Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                               std::vector<std::filesystem::path>& files_read);

}  // namespace pfsim::loader
