#pragma once
// A scenario as Python holds it: where its text comes from (a file, or text in memory) and the `--set` overrides
// applied to it so far, in order. Every read goes through the loader exactly as `pfsim run FILE --set ...` does, so
// the resolved scenario, its errors and their "--set:N" numbering are the CLI's.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pfsim/loader/load.hpp"
#include "pfsim/scenario/scenario.hpp"

namespace pfsim::python {

class ScenarioSource {
 public:
  /// Reads and validates `file` (throws loader::ScenarioError).
  static ScenarioSource from_file(const std::string& file);
  /// Reads and validates `text`, named `label` in messages; `extends:` is relative to `directory`.
  static ScenarioSource from_text(const std::string& text, const std::string& label, const std::string& directory);

  /// The document with this scenario's overrides and then `more` (the CLI adds -r and --seed after every --set).
  [[nodiscard]] loader::ScenarioDocument read(const std::vector<std::string>& more = {}) const;
  /// read(more), validated and built.
  [[nodiscard]] scenario::Scenario build(const std::vector<std::string>& more = {}) const;

  /// Appends the overrides ("key.path=YAML") and validates the result; on an error nothing is kept.
  void set(const std::vector<std::string>& overrides);

  [[nodiscard]] const std::vector<std::string>& overrides() const { return overrides_; }
  /// The file as given, or the text's label: what results record as source_file and compare uses as a label.
  [[nodiscard]] const std::string& label() const { return label_; }
  [[nodiscard]] bool is_file() const { return !text_; }

 private:
  std::string label_;
  std::optional<std::string> text_;  // unset: read label_ as a file
  std::filesystem::path directory_;
  std::vector<std::string> overrides_;
};

}  // namespace pfsim::python
