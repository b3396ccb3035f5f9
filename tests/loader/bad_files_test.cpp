// The malformed-scenario corpus (DESIGN §9): each tests/data/bad/NN-name.yaml must fail to load with an
// error whose what() contains the text of NN-name.expected. Files starting with "_" are bases for extends.
#include <gtest/gtest.h>

#include <algorithm>

#include <fstream>
#include <sstream>

#include "pfsim/loader/load.hpp"
#include "test_paths.hpp"

namespace pfsim::loader {
namespace {

// Issue 19: with the command-line cases of tests/data/bad-cli/cases.txt (tests/cli/bad_inputs.sh requires at least
// 90 of them and 450 bad-input cases in all), the corpus must hold at least 450 cases.
constexpr std::size_t kMinimumCorpus = 520;

std::string read_expected(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  std::string expected = text.str();
  while (!expected.empty() && (expected.back() == '\n' || expected.back() == '\r')) expected.pop_back();
  return expected;
}

std::vector<std::filesystem::path> corpus() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(test::data_dir() / "bad"))
    if (entry.path().extension() == ".yaml" && !entry.path().filename().string().starts_with("_"))
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(BadScenarioFiles, CorpusHasAtLeastTheMinimumFilesEachWithExpectedText) {
  const auto files = corpus();
  EXPECT_GE(files.size(), kMinimumCorpus);
  for (const auto& file : files) {
    auto expected = file;
    expected.replace_extension(".expected");
    EXPECT_TRUE(std::filesystem::exists(expected)) << "no " << expected.filename() << " for " << file.filename();
  }
}

TEST(BadScenarioFiles, EachFailsWithItsExpectedMessage) {
  for (const auto& file : corpus()) {
    SCOPED_TRACE(file.filename().string());
    auto expected_file = file;
    expected_file.replace_extension(".expected");
    const std::string expected = read_expected(expected_file);
    ASSERT_FALSE(expected.empty());
    try {
      load_scenario(file);
      ADD_FAILURE() << file.filename() << " loaded but should have failed with: " << expected;
    } catch (const ScenarioError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find(expected), std::string::npos) << "  actual: " << what << "\n  expected to contain: " << expected;
      EXPECT_EQ(what.find('\n'), std::string::npos) << "error is not one line: " << what;
      EXPECT_FALSE(e.file().empty());
    }
  }
}

}  // namespace
}  // namespace pfsim::loader
