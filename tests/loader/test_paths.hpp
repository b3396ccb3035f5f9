#pragma once
// Where the test data lives (compile definitions from tests/loader/CMakeLists.txt).
#include <filesystem>

namespace pfsim::loader::test {

inline std::filesystem::path data_dir() { return PFSIM_TEST_DATA_DIR; }
inline std::filesystem::path good(const char* name) { return data_dir() / "good" / name; }
inline std::filesystem::path scenarios_dir() { return PFSIM_SCENARIOS_DIR; }

}  // namespace pfsim::loader::test
