#pragma once
// Checks a results path before a run starts, so a bad -o fails in a second, not after an hour of simulation.
#include <filesystem>
#include <string_view>

#include "exit_codes.hpp"
#include "pfsim/output/output.hpp"

namespace pfsim::cli {

/// Throws BadArgument when the parent directory is missing or not writable, or the path is a directory; the hint
/// names `option` (the flag that gave the path) and `example`, a file name of the kind it writes.
void check_output_path(const std::filesystem::path& path, std::string_view option = "-o", std::string_view example = "results.h5");

/// Reads a results file given on the command line: a missing, foreign or truncated file is bad input (exit 2),
/// so read errors become BadArgument (write errors stay runtime errors).
output::RunRecord read_results_argument(const std::filesystem::path& path);

}  // namespace pfsim::cli
