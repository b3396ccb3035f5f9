// read_scenario: read → extends → --set → included files; build_scenario: validate/build → resolved text (DESIGN §4,
// STYLE "parse, validate, build").
#include "pfsim/loader/load.hpp"

#include "build.hpp"
#include "document.hpp"
#include "emit_yaml.hpp"
#include "extends.hpp"
#include "includes.hpp"
#include "overrides.hpp"
#include "parse_yaml.hpp"
#include "round_trip.hpp"
#include "pfsim/loader/census_csv.hpp"

namespace pfsim::loader {

namespace detail {
namespace {
thread_local std::vector<std::filesystem::path>* files_being_read = nullptr;
}  // namespace
void note_file_read(const std::filesystem::path& file) {
  if (files_being_read) files_being_read->push_back(file);
}
}  // namespace detail

namespace {

// Collects, while alive, every file read on this thread into `into`.
class CollectFilesRead {
 public:
  explicit CollectFilesRead(std::vector<std::filesystem::path>& into) { detail::files_being_read = &into; }
  ~CollectFilesRead() { detail::files_being_read = previous_; }
  CollectFilesRead(const CollectFilesRead&) = delete;
  CollectFilesRead& operator=(const CollectFilesRead&) = delete;

 private:
  std::vector<std::filesystem::path>* previous_ = detail::files_being_read;
};

// Everything after reading the scenario text: --set, then the files it names.
ScenarioDocument finish_read(detail::SourceNode root, const std::vector<std::string>& overrides, const std::string& source) {
  auto impl = std::make_unique<ScenarioDocument::Impl>();
  impl->root = std::move(root);
  impl->source = source;
  detail::apply_overrides(impl->root, overrides);
  impl->values_set = static_cast<int>(overrides.size());
  detail::read_included_files(impl->root);
  return ScenarioDocument(std::move(impl));
}

}  // namespace

ScenarioDocument::ScenarioDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ScenarioDocument::ScenarioDocument(const ScenarioDocument& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
ScenarioDocument& ScenarioDocument::operator=(const ScenarioDocument& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}
ScenarioDocument::ScenarioDocument(ScenarioDocument&&) noexcept = default;
ScenarioDocument& ScenarioDocument::operator=(ScenarioDocument&&) noexcept = default;
ScenarioDocument::~ScenarioDocument() = default;

ScenarioDocument read_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  return finish_read(detail::load_with_extends(file), overrides, file.string());
}

ScenarioDocument read_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                               std::vector<std::filesystem::path>& files_read) {
  const CollectFilesRead collect(files_read);
  return read_scenario(file, overrides);
}

ScenarioDocument read_scenario_text(const std::string& text, const std::string& label, const std::vector<std::string>& overrides,
                                    const std::filesystem::path& directory) {
  return finish_read(detail::load_text_with_extends(text, label, directory), overrides, label);
}

void apply_values(ScenarioDocument& document, const std::vector<std::pair<std::string, double>>& values) {
  ScenarioDocument::Impl& impl = document.impl();
  for (const auto& [key_path, value] : values) detail::apply_number(impl.root, key_path, value, ++impl.values_set);
  // A number cannot name a file, but a value set where a file name was drops what was read for it: read again.
  detail::read_included_files(impl.root);
}

scenario::Scenario build_scenario(const ScenarioDocument& document) {
  detail::SourceNode root = document.impl().root;
  scenario::Scenario scenario = detail::build_scenario(root);
  scenario.source_file = document.impl().source;
  // The calibration section is for `pfsim calibrate` only: validated above, then left out of the resolved text the
  // model runs, so adding or editing it changes no results file (nor a --resume fingerprint).
  root.erase("calibration");
  // The census is embedded as CSV text, so a results file holds the people its run started with (a file named by
  // `census:` may change or move) and the resolved text loads on its own.
  if (scenario.census)
    if (detail::SourceNode* census = root.find("census")) {
      detail::SourceNode text;
      text.kind = detail::SourceNode::Kind::Scalar;
      text.text = census_csv(*scenario.census, scenario);
      text.origin = census->origin;
      *census = detail::SourceNode{};
      census->kind = detail::SourceNode::Kind::Map;
      census->origin = text.origin;
      census->entries.push_back({"csv", text.origin, std::move(text)});
    }
  scenario.resolved_yaml = detail::emit_yaml(root);
  detail::check_round_trip(root, scenario.resolved_yaml);
  return scenario;
}

scenario::Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  return build_scenario(read_scenario(file, overrides));
}

scenario::Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                                 std::vector<std::filesystem::path>& files_read) {
  return build_scenario(read_scenario(file, overrides, files_read));
}

scenario::Scenario load_scenario_text(const std::string& text, const std::string& label, const std::vector<std::string>& overrides,
                                      const std::filesystem::path& directory) {
  return build_scenario(read_scenario_text(text, label, overrides, directory));
}

}  // namespace pfsim::loader
