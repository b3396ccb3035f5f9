#pragma once
// Loading a scenario for the page: the loader follows `extends:`, scheme files and census CSVs, and an override from
// the page can name one (--set census=/etc/passwd), so every file the load read must lie inside the workspace too.
#include <filesystem>
#include <string>
#include <vector>

#include "pfsim/scenario/scenario.hpp"
#include "workspace.hpp"

namespace pfsim::serve {

/// loader::load_scenario, refused with PathRefused (not the loader's message, which may quote the file) when the load
/// read any file outside the workspace. Throws loader::ScenarioError for a bad scenario inside it.
scenario::Scenario load_in_workspace(const Workspace& workspace, const std::filesystem::path& file,
                                     const std::vector<std::string>& overrides = {});

}  // namespace pfsim::serve
