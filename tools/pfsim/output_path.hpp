#pragma once
// Checks a results path before a run starts, so a bad -o fails in a second, not after an hour of simulation.
#include <filesystem>

namespace pfsim::cli {

/// Throws BadOutputPath when the parent directory is missing or not writable, or the path is a directory.
void check_output_path(const std::filesystem::path& path);

class BadOutputPath : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace pfsim::cli
