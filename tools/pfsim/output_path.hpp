#pragma once
// Checks a results path before a run starts, so a bad -o fails in a second, not after an hour of simulation.
#include <filesystem>

#include "exit_codes.hpp"

namespace pfsim::cli {

/// Throws BadArgument when the parent directory is missing or not writable, or the path is a directory.
void check_output_path(const std::filesystem::path& path);

}  // namespace pfsim::cli
