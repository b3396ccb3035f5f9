#pragma once
// Issue 19 "never destroy a file": before any simulation starts, every path a command will write is checked
// against every file it reads (the scenario, its `extends:` chain, census and scheme files, a results file) and
// against each other, by identity (st_dev + st_ino, so symlinks and hard links are seen through), and against
// what already lies there (a device, FIFO or directory is never replaced; a file of another kind is not
// overwritten without --force). A refusal is a BadArgument: one line, exit 2, the target untouched.
#include <filesystem>
#include <string>
#include <vector>

namespace pfsim::cli {

/// A file the command reads and must not destroy; `role` says what it is ("the scenario", "a results file").
struct InputFile {
  std::filesystem::path path;
  std::string role;
};

/// What pfsim writes at a path, which decides what it may overwrite without --force.
enum class OutputKind {
  Results,             // HDF5 from run/compare: replaces an existing HDF5 file (re-running is the normal workflow)
  Report,              // HTML from report: replaces an existing pfsim report
  Census,              // CSV from run --save-census: replaces an existing census CSV written by pfsim
  CalibratedScenario,  // YAML from calibrate: never replaces an existing file without --force
  CalibrationDiagnostics,
  Workbook,            // .xlsx from export: replaces a workbook pfsim export wrote (its zip comment says so)
  ExportCsv,           // CSV from export --csv: replaces a CSV whose header is the one this table has (`csv_header`)
};

struct OutputFile {
  std::filesystem::path path;
  std::string option;  // how the user named it: "-o", "--save-census", "diagnostics (beside -o)"
  OutputKind kind;
  std::string csv_header = {};  // ExportCsv only: the first line a replaceable file starts with
};

/// The files a scenario load read (load_scenario's `files_read`): the first is `role_of_scenario`, the rest
/// "a file <scenario> reads (extends:, census or schemes)".
void add_scenario_inputs(std::vector<InputFile>& inputs, const std::vector<std::filesystem::path>& files_read,
                         const std::string& role_of_scenario = "the scenario");

/// Throws BadArgument for the first output that aliases an input or another output, is not a regular file, or
/// (without `force`) holds a file that is not a pfsim output of the same kind. `checkpoints` also checks
/// "<path>.ckpt", the directory `run` replaces, for each Results output.
void guard_outputs(const std::vector<OutputFile>& outputs, const std::vector<InputFile>& inputs, bool force,
                   bool checkpoints = false);

}  // namespace pfsim::cli
