// pfsim export results.h5 [-o results.xlsx] [--csv DIR] [--force] : the results as an Excel workbook and/or CSV
// tables, with the STRESS-DES record as one of them.
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "output_guard.hpp"
#include "output_path.hpp"
#include "pfsim/output/export.hpp"
#include "pfsim/run/stress_des_inputs.hpp"

namespace pfsim::cli {
namespace {
namespace fs = std::filesystem;

struct ExportArguments {
  std::string results;
  std::string workbook;  // empty = the results file name with .xlsx, unless only --csv is given
  std::string csv_dir;
  bool force = false;
};

// The --csv directory: an existing directory, or a new one whose parent exists (created only once every check
// has passed, so a refused export leaves nothing behind).
void check_csv_directory(const fs::path& dir) {
  std::error_code ec;
  const auto status = fs::status(dir, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status))
      throw BadArgument(fmt::format("pfsim: --csv {}: is not a directory (hint: give a directory for the CSV tables, e.g. --csv tables)", dir.string()));
    if (::access(dir.c_str(), W_OK) != 0)
      throw BadArgument(fmt::format("pfsim: --csv {}: directory is not writable (hint: choose another --csv)", dir.string()));
    return;
  }
  const fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  if (!fs::is_directory(parent, ec))
    throw BadArgument(fmt::format("pfsim: --csv {}: directory {} does not exist (hint: create it or choose another --csv)", dir.string(), parent.string()));
  if (::access(parent.c_str(), W_OK) != 0)
    throw BadArgument(fmt::format("pfsim: --csv {}: directory {} is not writable (hint: choose another --csv)", dir.string(), parent.string()));
}

}  // namespace

Command add_export_command(CLI::App& app) {
  auto args = std::make_shared<ExportArguments>();
  CLI::App* cmd = app.add_subcommand("export", "Write a results file as an Excel workbook (and CSV tables), with its STRESS-DES record");
  cmd->add_option("results", args->results, "Results file (HDF5) written by pfsim run, compare or calibrate")->required();
  cmd->add_option("-o,--output", args->workbook, "Workbook to write (default: the results file name with .xlsx)");
  cmd->add_option("--csv", args->csv_dir, "Also write every table as <DIR>/<table>.csv (only CSV when -o is not given)");
  cmd->add_flag("--force", args->force, "Overwrite an existing -o or CSV file even if pfsim export did not write it (never the results file)");
  return [args]() {
    // Read first: a missing, foreign or truncated results file is bad input (exit 2) whatever else is wrong.
    const output::RunRecord record = read_results_argument(args->results);
    const std::vector<output::ExportTable> tables = output::export_tables(record, run::stress_des_inputs(record));

    std::vector<OutputFile> outputs;
    const bool workbook = !args->workbook.empty() || args->csv_dir.empty();
    const fs::path workbook_path =
        args->workbook.empty() ? fs::path(args->results).replace_extension(".xlsx") : fs::path(args->workbook);
    if (workbook) {
      check_output_path(workbook_path, "-o", "results.xlsx");
      outputs.push_back({workbook_path, "-o", OutputKind::Workbook});
    }
    const fs::path csv_dir = args->csv_dir;
    if (!args->csv_dir.empty()) {
      check_csv_directory(csv_dir);
      for (const output::ExportTable& t : tables)
        outputs.push_back({csv_dir / (t.file_stem + ".csv"), "--csv", OutputKind::ExportCsv, output::csv_header(t)});
    }
    guard_outputs(outputs, {{args->results, "the results file being read"}}, args->force);

    if (workbook) {
      output::write_workbook(tables, workbook_path);
      fmt::print("{}\n", workbook_path.string());
    }
    if (!args->csv_dir.empty()) {
      std::error_code ec;
      fs::create_directory(csv_dir, ec);
      if (ec) throw BadArgument(fmt::format("pfsim: --csv {}: cannot create the directory: {} (hint: choose another --csv)", csv_dir.string(), ec.message()));
      output::write_csv_tables(tables, csv_dir);
      fmt::print("{} ({} tables)\n", csv_dir.string(), tables.size());
    }
    return kOk;
  };
}

}  // namespace pfsim::cli
