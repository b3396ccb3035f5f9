#pragma once
// The parts of a STRESS-DES record that need the scenario: the module table (from the embedded scenario) and the
// scenario files' cited and assumed lines. The results file embeds the resolved scenario but not its comments, so
// the lines are read from the files /meta `source_file` names, if they can still be read, and the record says so.
#include "pfsim/output/run_record.hpp"
#include "pfsim/output/stress_des.hpp"

namespace pfsim::run {

output::StressDesInputs stress_des_inputs(const output::RunRecord& record);

}  // namespace pfsim::run
