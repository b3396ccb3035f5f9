#pragma once
// What a results file records about how it was made — the build, the random-number scheme, the machine and the
// time taken — so that its STRESS-DES record (Monks et al. 2019, section 5 "implementation") can be written from
// the file alone, long after the run.
#include <cstddef>

#include "pfsim/output/run_record.hpp"

namespace pfsim::run {

/// Appends the /meta attributes `build`, `rng`, `threads`, `processes`, `hardware_threads`, `platform` and
/// `run_seconds` (DESIGN §7.1). `threads` and `run_seconds` describe the invocation, like `command_line`: two runs
/// that differ only in them hold identical datasets.
void add_invocation_meta(output::RunRecord& record, std::size_t threads, int processes, double run_seconds);

}  // namespace pfsim::run
