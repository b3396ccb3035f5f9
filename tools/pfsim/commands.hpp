#pragma once
// The pfsim subcommands. Each registers its options on the CLI11 app and returns an exit code when run.
#include <functional>

#include <CLI/CLI.hpp>

namespace pfsim::cli {

using Command = std::function<int()>;

Command add_run_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
Command add_info_command(CLI::App& app);
Command add_compare_command(CLI::App& app);
Command add_report_command(CLI::App& app);
Command add_export_command(CLI::App& app);
Command add_calibrate_command(CLI::App& app);
Command add_serve_command(CLI::App& app);
Command add_merge_command(CLI::App& app);

}  // namespace pfsim::cli
