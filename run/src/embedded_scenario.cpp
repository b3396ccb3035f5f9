#include "pfsim/run/embedded_scenario.hpp"

#include <exception>

#include "pfsim/loader/load.hpp"

namespace pfsim::run {

std::optional<scenario::Scenario> embedded_scenario(const std::string& scenario_yaml) {
  if (scenario_yaml.empty()) return std::nullopt;
  constexpr const char* kLabel = "the scenario embedded in the results";
  try {
    try {
      return loader::load_scenario_text(scenario_yaml, kLabel);
    } catch (const loader::ScenarioError&) {
      return loader::load_scenario_text(scenario_yaml, kLabel, {"schemes=[]"});
    }
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace pfsim::run
