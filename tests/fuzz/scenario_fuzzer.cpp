// libFuzzer target: scenario file text → load_scenario (parse, extends, validate, build). See fuzz_checks.hpp.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <typeinfo>

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    pfsim::fuzz::check_scenario_bytes({data, size}, pfsim::fuzz::scenario_work_dir(PFSIM_SOURCE_DIR));
  } catch (const pfsim::fuzz::Finding& e) {
    std::fprintf(stderr, "pfsim fuzz finding: %s\n", e.what());
    std::abort();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pfsim fuzz finding: load_scenario let %s escape: %s\n", typeid(e).name(), e.what());
    std::abort();
  }
  return 0;
}
