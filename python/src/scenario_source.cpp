#include "scenario_source.hpp"

namespace pfsim::python {

ScenarioSource ScenarioSource::from_file(const std::string& file) {
  ScenarioSource source;
  source.label_ = file;
  (void)source.build();
  return source;
}

ScenarioSource ScenarioSource::from_text(const std::string& text, const std::string& label, const std::string& directory) {
  ScenarioSource source;
  source.label_ = label;
  source.text_ = text;
  source.directory_ = directory;
  (void)source.build();
  return source;
}

loader::ScenarioDocument ScenarioSource::read(const std::vector<std::string>& more) const {
  std::vector<std::string> overrides = overrides_;
  overrides.insert(overrides.end(), more.begin(), more.end());
  return text_ ? loader::read_scenario_text(*text_, label_, overrides, directory_) : loader::read_scenario(label_, overrides);
}

scenario::Scenario ScenarioSource::build(const std::vector<std::string>& more) const { return loader::build_scenario(read(more)); }

void ScenarioSource::set(const std::vector<std::string>& overrides) {
  ScenarioSource next = *this;
  next.overrides_.insert(next.overrides_.end(), overrides.begin(), overrides.end());
  (void)next.build();  // the CLI validates the whole scenario after its overrides: so does set()
  *this = std::move(next);
}

}  // namespace pfsim::python
