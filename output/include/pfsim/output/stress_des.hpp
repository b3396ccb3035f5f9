#pragma once
// The STRESS-DES record of a results file: Monks T, Currie CSM, Onggo BS, Robinson S, Kunc M, Taylor SJE.
// Strengthening the reporting of empirical simulation studies: Introducing the STRESS guidelines. J Simulation
// 2019;13(1):55–67 (docs/stress-des.md). Every item is written from what the file records; what only the study team
// knows (the objectives, the sharing statement) is marked for them to fill in, never invented.
#include <string>
#include <vector>

#include "pfsim/output/run_record.hpp"

namespace pfsim::output {

/// What the record needs beyond the results file itself. The output layer reads no YAML, so the caller fills this
/// from the embedded scenario and the scenario files; empty parts are reported as "not available" with the reason.
struct StressDesInputs {
  /// One row of the module table (STRESS-DES 2.2): a part of the model, whether this scenario switches it on, and
  /// the patient stages it adds (DESIGN §12) or what it changes.
  struct Module {
    std::string name;
    bool on = false;
    std::string detail;
  };
  /// A line of a scenario file that cites a source document ("seeds/001 L1400") or marks a value `assumed`.
  struct SourceLine {
    std::string file;
    int line = 0;
    std::string text;  ///< the line, trimmed
    bool assumed = false;
  };
  std::vector<Module> modules;
  std::vector<SourceLine> sources;
  /// Where the source lines were read and how far they can be trusted to describe the run (e.g. "read from
  /// scenarios/x.yaml as it is now; it still resolves to the embedded scenario"), or why there are none.
  std::string sources_note;
};

/// One item of the checklist: its number ("4.1"), the checklist's name for it, and what this run reports.
struct StressDesItem {
  std::string number, item, text;
};

/// The checklist's items in order (1.1 … 6.1), each answered from `record` and `inputs`; the source lines come
/// after the data items as 3.1 (cited) and 3.4 (assumed) rows, one per line.
std::vector<StressDesItem> stress_des_items(const RunRecord& record, const StressDesInputs& inputs);

}  // namespace pfsim::output
