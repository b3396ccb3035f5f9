// pfsim validate SCENARIO... : checks files without running them.
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::cli {
// A front end of the run library: its names read as the command's own.
using namespace pfsim::run;

Command add_validate_command(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto overrides = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("validate", "Check scenario files without running them");
  cmd->add_option("scenarios", *files, "Scenario files (YAML)")->required();
  cmd->add_option("--set", *overrides, "Override a value before validating");
  return [files, overrides]() {
    int status = kOk;
    for (const auto& file : *files) {
      try {
        const scenario::Scenario s = loader::load_scenario(file, *overrides);
        fmt::print("{}: ok — \"{}\", {} localities, {} sites, {} days from {}\n", file, s.name, s.localities(), s.sites.size(),
                   s.run.days, engine::to_iso(s.run.start_date));
      } catch (const loader::ScenarioError& e) {
        fmt::print(stderr, "{}\n", e.what());
        status = kBadInput;
      }
    }
    return status;
  };
}

}  // namespace pfsim::cli
