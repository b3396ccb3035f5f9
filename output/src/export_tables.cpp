// The export's sheets in order: first what was run and how it was studied, then the results from the headline
// table down to the daily detail, then the option appraisal and scheme risk when the file has them.
#include "export_parts.hpp"

namespace pfsim::output {

std::vector<ExportTable> export_tables(const RunRecord& record, const StressDesInputs& stress) {
  std::vector<ExportTable> out;
  const auto add = [&out](std::vector<ExportTable> tables) {
    for (ExportTable& t : tables) out.push_back(std::move(t));
  };
  add(run_tables(record, stress));
  add(kpi_tables(record));
  add(series_tables(record));
  add(breakdown_tables(record));
  add(compare_tables(record));
  add(scheme_tables(record));
  return out;
}

}  // namespace pfsim::output
