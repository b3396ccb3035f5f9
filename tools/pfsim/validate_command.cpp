// pfsim validate SCENARIO... : checks files without running them.
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "pfsim/loader/load.hpp"
#include "pfsim/models/offered_load.hpp"
#include "pfsim/models/warmup.hpp"

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
        // Offered load of every capacity from the rates and mean durations (DESIGN §3 "Stability checks").
        const std::vector<models::OfferedLoad> loads = models::offered_load(s);
        fmt::print("offered load (a = arrivals/day x mean days held; rho = a / capacity):\n{}", models::format_offered_load(loads));
        if (const std::string warning = models::offered_load_warning(loads); !warning.empty())
          fmt::print(stderr, "{}: warning: offered load at or above capacity: {} (its queue grows without bound)\n", file, warning);
        // `warmup_days: auto` is chosen by the pilot of `pfsim run`, which checks it then.
        if (const std::string warning = s.run.warmup_auto ? std::string() : models::warmup_warning(s); !warning.empty())
          fmt::print(stderr, "{}: warning: {}\n", file, warning);
      } catch (const loader::ScenarioError& e) {
        fmt::print(stderr, "{}\n", e.what());
        status = kBadInput;
      }
    }
    return status;
  };
}

}  // namespace pfsim::cli
