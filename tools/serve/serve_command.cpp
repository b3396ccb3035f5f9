// pfsim serve [WORKSPACE] [--port N] [--host ADDR] [--queue N] : the local web application.
// Defined here rather than in tools/pfsim/ so the CLI folder includes nothing of the server; tools/pfsim/commands.hpp
// declares it (its Command is this std::function<int()>).
#include <functional>
#include <memory>

#include <CLI/CLI.hpp>

#include "server.hpp"

namespace pfsim::cli {

std::function<int()> add_serve_command(CLI::App& app) {
  auto settings = std::make_shared<serve::ServeSettings>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve a local web page to edit, run and compare the scenarios of a folder");
  cmd->add_option("workspace", settings->workspace, "Folder of scenario files; results are written to its pfsim-serve-results/")
      ->capture_default_str();
  cmd->add_option("--port", settings->port, "TCP port (0 = any free port)")->check(CLI::Range(0, 65535))->capture_default_str();
  cmd->add_option("--host", settings->host,
                  "Address to listen on; the default is this machine only. Another address serves your network: see the README")
      ->capture_default_str();
  cmd->add_option("--queue", settings->queue, "Runs waiting or running at most")->check(CLI::Range(1, 100))->capture_default_str();
  return [settings]() { return serve::serve(*settings); };
}

}  // namespace pfsim::cli
