// load_scenario: read → extends → --set → validate/build → resolved text (DESIGN §4, STYLE "parse, validate, build").
#include "pfsim/loader/load.hpp"

#include "build.hpp"
#include "pfsim/loader/census_csv.hpp"
#include "emit_yaml.hpp"
#include "extends.hpp"
#include "overrides.hpp"
#include "parse_yaml.hpp"

namespace pfsim::loader {

namespace detail {
namespace {
thread_local std::vector<std::filesystem::path>* files_being_read = nullptr;
}  // namespace
void note_file_read(const std::filesystem::path& file) {
  if (files_being_read) files_being_read->push_back(file);
}
}  // namespace detail

scenario::Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                               std::vector<std::filesystem::path>& files_read) {
  struct Collect {
    std::vector<std::filesystem::path>* previous = detail::files_being_read;
    explicit Collect(std::vector<std::filesystem::path>& into) { detail::files_being_read = &into; }
    ~Collect() { detail::files_being_read = previous; }
    Collect(const Collect&) = delete;
    Collect& operator=(const Collect&) = delete;
  } collect(files_read);
  return load_scenario(file, overrides);
}

namespace {
// Everything after reading: --set, validate and build, then the resolved text the results embed.
scenario::Scenario finish_load(detail::SourceNode document, const std::vector<std::string>& overrides, const std::string& source) {
  detail::apply_overrides(document, overrides);
  scenario::Scenario scenario = detail::build_scenario(document);
  scenario.source_file = source;
  // The calibration section is for `pfsim calibrate` only: validated above, then left out of the resolved text the
  // model runs, so adding or editing it changes no results file (nor a --resume fingerprint).
  document.erase("calibration");
  // The census is embedded as CSV text, so a results file holds the people its run started with (a file named by
  // `census:` may change or move) and the resolved text loads on its own.
  if (scenario.census)
    if (detail::SourceNode* census = document.find("census")) {
      detail::SourceNode text;
      text.kind = detail::SourceNode::Kind::Scalar;
      text.text = census_csv(*scenario.census, scenario);
      text.origin = census->origin;
      *census = detail::SourceNode{};
      census->kind = detail::SourceNode::Kind::Map;
      census->origin = text.origin;
      census->entries.push_back({"csv", text.origin, std::move(text)});
    }
  scenario.resolved_yaml = detail::emit_yaml(document);
  return scenario;
}
}  // namespace

scenario::Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  return finish_load(detail::load_with_extends(file), overrides, file.string());
}

scenario::Scenario load_scenario_text(const std::string& text, const std::string& label, const std::vector<std::string>& overrides,
                                      const std::filesystem::path& directory) {
  return finish_load(detail::load_text_with_extends(text, label, directory), overrides, label);
}

}  // namespace pfsim::loader
