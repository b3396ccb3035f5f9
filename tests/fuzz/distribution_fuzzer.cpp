// libFuzzer target: duration and distribution text → parse_duration, parse_distribution, sample. See fuzz_checks.hpp.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <typeinfo>

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    pfsim::fuzz::check_distribution_bytes({data, size});
  } catch (const pfsim::fuzz::Finding& e) {
    std::fprintf(stderr, "pfsim fuzz finding: %s\n", e.what());
    std::abort();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pfsim fuzz finding: %s escaped: %s\n", typeid(e).name(), e.what());
    std::abort();
  }
  return 0;
}
