#pragma once
// What pfsim.run, pfsim.compare and pfsim.read hand to Python: the results record, exactly as the CLI would write
// it, so Results.save() goes through the CLI's writer.
#include <optional>
#include <string>
#include <vector>

#include "pfsim/output/results_file.hpp"
#include "pfsim/output/run_record.hpp"

namespace pfsim::python {

struct Record {
  output::RunRecord record;
  std::optional<std::vector<output::KpiSummary>> stored_summary;  // /kpi/summary of a file read back
  std::string table;                                               // pfsim compare's printed table, when compared
};

}  // namespace pfsim::python
