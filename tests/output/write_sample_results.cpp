// Writes the sample results file that the h5py and h5dump ctest checks read: the file a user's script would get.
#include <cstdio>

#include "pfsim/output/results_file.hpp"
#include "sample_record.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: write_sample_results OUT.h5\n");
    return 2;
  }
  try {
    pfsim::output::write_results(pfsim::output::testing::sample_record(), argv[1]);
  } catch (const pfsim::output::OutputError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
