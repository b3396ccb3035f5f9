// pfsim: patient-flow simulation. Turns every failure into one line on stderr and an exit code (DESIGN §8):
// 0 ok, 1 runtime error, 2 bad input (scenario file, flag, output path).
#include <cstdio>
#include <exception>
#include <map>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli_messages.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "output_path.hpp"
#include "pfsim/loader/load.hpp"
#include "pfsim/models/system.hpp"
#include "pfsim/output/output.hpp"
#include "pfsim/run/distributed.hpp"
#include "pfsim/run/version.hpp"

namespace {
int run_pfsim(int argc, char** argv) {
  using namespace pfsim::cli;
  CLI::App app{"pfsim: patient-flow simulation for local health and care systems"};
  app.set_version_flag("--version", std::string(pfsim::run::kVersion));
  app.require_subcommand(1);
  const std::map<std::string, Command> commands = {
      {"report", add_report_command(app)},
      {"export", add_export_command(app)},
      {"calibrate", add_calibrate_command(app)},
      {"serve", add_serve_command(app)},
      {"compare", add_compare_command(app)},
      {"merge", add_merge_command(app)},
      {"run", add_run_command(app)}, {"validate", add_validate_command(app)}, {"info", add_info_command(app)}};
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (auto better = explain_parse_error(app, e, argc, argv)) fmt::print(stderr, "{}\n", *better);
    else fmt::print(stderr, "pfsim: {} (hint: pfsim --help)\n", e.what());
    return kBadInput;
  }
  try {
    return commands.at(app.get_subcommands().front()->get_name())();
  } catch (const pfsim::loader::ScenarioError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return kBadInput;
  } catch (const BadArgument& e) {
    fmt::print(stderr, "{}\n", e.what());
    return kBadInput;
  } catch (const pfsim::output::OutputError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return kRuntimeError;
  } catch (const pfsim::engine::InvariantError& e) {
    fmt::print(stderr, "pfsim: internal error, please report it with the scenario: {}\n", e.what());
    return kRuntimeError;
  } catch (const pfsim::models::ModelError& e) {
    fmt::print(stderr, "pfsim: model error: {}\n", e.what());
    return kRuntimeError;
  } catch (const std::exception& e) {
    fmt::print(stderr, "pfsim: {}\n", e.what());
    return kRuntimeError;
  }
}
}  // namespace

int main(int argc, char** argv) {
  pfsim::run::Distributed::initialise(argc, argv);
  pfsim::cli::remember_command_line(argc, argv);
  const int status = run_pfsim(argc, argv);
  pfsim::run::Distributed::finalise();
  return status;
}
