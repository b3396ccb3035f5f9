// The run record sheet (what was simulated, how, and how to run it again: /meta) and the STRESS-DES sheet.
#include <fmt/format.h>

#include "export_parts.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

ExportTable run_record_table(const RunRecord& r) {
  ExportTable t{.file_stem = "run_record",
                .sheet = "Run record",
                .title = fmt::format("{}: the run as its results file records it (/meta)", r.scenario_name),
                .headers = {"item", "value"},
                .rows = {}};
  const auto row = [&t](std::string item, std::string value) { t.rows.push_back({text(std::move(item)), text(std::move(value))}); };
  const std::string last = end_date(r);
  row("scenario", r.scenario_name);
  row("measured period", last.empty() ? r.start_date : fmt::format("{} to {} ({} days)", r.start_date, last, r.days));
  row("warm-up days", fmt::format("{}", r.warmup_days));
  row("replications", fmt::format("{}", r.replications));
  // Text, not a number: a 64-bit seed has more digits than a spreadsheet keeps.
  row("seed", fmt::format("{}", r.seed));
  row("pfsim version", r.pfsim_version);
  row("results created", r.created);
  for (const auto& [key, value] : r.extra_meta) row(key, value);
  return t;
}

ExportTable stress_des_table(const RunRecord& r, const StressDesInputs& stress) {
  ExportTable t{.file_stem = "stress_des",
                .sheet = "STRESS-DES",
                .title = "STRESS-DES reporting checklist (Monks et al., J Simulation 2019;13(1):55–67), answered from the "
                         "results file; items marked “to be completed” need the study team",
                .headers = {"section", "item", "this study"},
                .rows = {}};
  for (const StressDesItem& item : stress_des_items(r, stress))
    t.rows.push_back({text(item.number), text(item.item), text(item.text)});
  return t;
}

}  // namespace

std::vector<ExportTable> run_tables(const RunRecord& r, const StressDesInputs& stress) {
  return {run_record_table(r), stress_des_table(r, stress)};
}

}  // namespace pfsim::output
