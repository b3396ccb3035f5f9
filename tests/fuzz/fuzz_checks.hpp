#pragma once
// What the fuzz targets check, shared by the libFuzzer binaries (clang, tests/fuzz as its own CMake project) and
// by the regression replay in the normal g++ build, so a crash input found once is checked by every ctest run.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>

namespace pfsim::fuzz {

/// A broken contract found by a fuzz input (not a rejected input: rejection is the expected outcome).
class Finding : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// Writes `bytes` to `work_dir`/input.yaml and loads it with loader::load_scenario. A ScenarioError is the
/// expected way to reject it; its what() must be one line (pfsim prints it as the single stderr line). A scenario that
/// loads must load again from its resolved_yaml. Anything else (another exception type, a crash) is a bug: throws
/// Finding or lets the foreign exception escape.
void check_scenario_bytes(std::span<const std::uint8_t> bytes, const std::filesystem::path& work_dir);

/// Feeds `bytes` as text to parse_duration and to parse_distribution with durations on and off. DistributionError is
/// the expected rejection. An accepted duration must be finite and ≥ 0; an accepted distribution must have a finite
/// mean and sd and give finite samples ≥ 0 from a fixed stream. Throws Finding otherwise.
void check_distribution_bytes(std::span<const std::uint8_t> bytes);

/// A directory holding copies of the scenarios an input may `extends:` (scenarios/*.yaml, tests/data/good/*.yaml),
/// created once per process under the system temp directory and removed at exit.
const std::filesystem::path& scenario_work_dir(const std::filesystem::path& source_dir);

}  // namespace pfsim::fuzz
