#include "workspace_scenario.hpp"

#include <fmt/format.h>

#include "pfsim/loader/load.hpp"

namespace pfsim::serve {
namespace {
void refuse_outside(const Workspace& workspace, const std::vector<std::filesystem::path>& files_read) {
  for (const auto& path : files_read)
    if (!workspace.contains(path))
      throw PathRefused(fmt::format("the scenario reads a file outside the workspace ({})", path.filename().string()));
}
}  // namespace

scenario::Scenario load_in_workspace(const Workspace& workspace, const std::filesystem::path& file,
                                     const std::vector<std::string>& overrides) {
  std::vector<std::filesystem::path> files_read;
  try {
    scenario::Scenario scenario = loader::load_scenario(file, overrides, files_read);
    refuse_outside(workspace, files_read);
    return scenario;
  } catch (const loader::ScenarioError&) {
    refuse_outside(workspace, files_read);  // an error about an outside file would show its contents
    throw;
  }
}

}  // namespace pfsim::serve
