// pfsim report results.h5 [-o report.html] : one self-contained HTML page (inline SVG, no script, no network).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "pfsim/run/embedded_scenario.hpp"
#include "exit_codes.hpp"
#include "output_guard.hpp"
#include "output_path.hpp"
#include "pfsim/output/output.hpp"
#include "pfsim/output/report.hpp"
#include "pfsim/run/run_record.hpp"
#include "pfsim/run/stress_des_inputs.hpp"

namespace pfsim::cli {

namespace {

struct ReportArguments {
  std::string results;
  std::string output;  // empty = the results file name with .html
  bool force = false;
};

// Beds, areas and populations come from the scenario embedded in the results. The output layer reads no YAML, so
// the command parses that text with the loader. A
// scenario this version cannot read (e.g. written by a newer pfsim) only costs those columns: names still show.
output::ScenarioSummary scenario_summary(const std::string& scenario_yaml) {
  output::ScenarioSummary summary;
  const std::optional<scenario::Scenario> scenario = run::embedded_scenario(scenario_yaml);
  if (!scenario) return summary;
  for (const auto& site : scenario->sites)
    summary.sites.push_back({site.name, static_cast<double>(site.general_beds), static_cast<double>(site.escalation_beds)});
  for (const auto& locality : scenario->population.localities) {
    double people = 0;
    for (const double p : locality.people) people += p;
    summary.localities.push_back({locality.name, locality.area, people});
  }
  summary.age_bands = scenario->population.age_bands;
  summary.winter = scenario->winter.has_value();
  return summary;
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto args = std::make_shared<ReportArguments>();
  CLI::App* cmd = app.add_subcommand("report", "Write a self-contained HTML report (SVG charts, no server) of a results file");
  cmd->add_option("results", args->results, "Results file (HDF5) written by pfsim run")->required();
  cmd->add_option("-o,--output", args->output, "HTML file to write (default: the results file name with .html)");
  cmd->add_flag("--force", args->force, "Overwrite an existing -o file even if it is not a pfsim report (never the results file)");
  return [args]() {
    // Read first: a missing, foreign or truncated results file is bad input (exit 2) whatever -o says.
    const output::RunRecord record = read_results_argument(args->results);
    std::filesystem::path out = args->output;
    if (out.empty()) out = std::filesystem::path(args->results).replace_extension(".html");
    std::error_code ec;
    if (std::filesystem::is_directory(out, ec))
      throw BadArgument(fmt::format("{}: is a directory (hint: give a file name, e.g. -o {}/report.html)", out.string(), out.string()));
    check_output_path(out, "-o", "report.html");
    guard_outputs({{out, "-o", OutputKind::Report}}, {{args->results, "the results file being read"}}, args->force);
    output::ReportOptions options;
    options.results_file = std::filesystem::path(args->results).filename().string();
    options.scenario = scenario_summary(record.scenario_yaml);
    options.generated = run::utc_now();
    options.stress = run::stress_des_inputs(record);
    output::write_report(record, options, out);
    fmt::print("{}\n", out.string());
    return kOk;
  };
}

}  // namespace pfsim::cli
