// Replays every input under tests/data/fuzz-regressions/ through the same checks the fuzz targets run, in the normal
// build: scenario/* through check_scenario_bytes, distribution/* through check_distribution_bytes. Each file there is
// an input that once crashed a fuzz target (or broke one of its contracts); the fix must keep it passing.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <typeinfo>
#include <vector>

#include "fuzz_checks.hpp"

namespace pfsim::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs(const std::string& target) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(PFSIM_FUZZ_REGRESSIONS_DIR) / target, ec))
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with(".") &&
        entry.path().extension() != ".md")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::uint8_t> read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

template <typename Check>
void replay(const std::string& target, Check check) {
  for (const auto& file : inputs(target)) {
    SCOPED_TRACE(file.filename().string());
    const auto bytes = read_bytes(file);
    try {
      check(bytes);
    } catch (const Finding& e) {
      ADD_FAILURE() << e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << typeid(e).name() << " escaped: " << e.what();
    }
  }
}

TEST(FuzzRegressions, ScenarioInputsAreRejectedWithOneLineScenarioErrorOrLoad) {
  const auto& dir = scenario_work_dir(PFSIM_SOURCE_DIR);
  replay("scenario", [&](const std::vector<std::uint8_t>& bytes) { check_scenario_bytes(bytes, dir); });
}

TEST(FuzzRegressions, DistributionInputsAreRejectedOrSampleFiniteNonNegativeValues) {
  replay("distribution", [](const std::vector<std::uint8_t>& bytes) { check_distribution_bytes(bytes); });
}

// The harness itself: a good scenario loads and round-trips, and known-bad text is rejected (not a finding).
TEST(FuzzHarness, GoodScenarioPassesAndSyntaxErrorIsAnExpectedRejection) {
  const auto& dir = scenario_work_dir(PFSIM_SOURCE_DIR);
  const auto good = read_bytes(fs::path(PFSIM_SOURCE_DIR) / "scenarios" / "tests" / "mmc-ae.yaml");
  ASSERT_FALSE(good.empty());
  EXPECT_NO_THROW(check_scenario_bytes(good, dir));
  const std::string bad = "pfsim: 1\nname: [unclosed\n";
  EXPECT_NO_THROW(check_scenario_bytes({reinterpret_cast<const std::uint8_t*>(bad.data()), bad.size()}, dir));
}

TEST(FuzzHarness, GoodDistributionPassesAndBadTextIsAnExpectedRejection) {
  for (const std::string text : {"lognormal(mean=6d, sd=9d)", "gamma(mean=21d, sd=10d)", "4h", "fixed(", "", "((("})
    EXPECT_NO_THROW(check_distribution_bytes({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()})) << text;
}

}  // namespace
}  // namespace pfsim::fuzz
