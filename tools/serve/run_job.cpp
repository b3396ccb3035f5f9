#include "run_job.hpp"

#include <algorithm>
#include <exception>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "job_results.hpp"
#include "workspace_scenario.hpp"
#include "pfsim/loader/load.hpp"
#include "pfsim/models/warmup.hpp"
#include "pfsim/output/export.hpp"
#include "pfsim/output/output.hpp"
#include "pfsim/output/report.hpp"
#include "pfsim/run/compare.hpp"
#include "pfsim/run/replications.hpp"
#include "pfsim/run/run_record.hpp"
#include "pfsim/run/stress_des_inputs.hpp"

namespace pfsim::serve {
namespace {

std::string command_line(const JobRequest& request) {
  std::string line = fmt::format("pfsim serve: {} {}", request.kind == JobKind::Run ? "run" : "compare", request.scenario);
  for (const auto& o : request.overrides) line += " --set " + o;
  for (const auto& option : request.options) {
    line += fmt::format(" --option {}", option.label);
    for (const auto& o : option.overrides) line += " --set " + o;
  }
  return line;
}

// Beds and localities for the report's scenario table (as pfsim report reads them from the embedded scenario).
output::ScenarioSummary summary_of(const scenario::Scenario& scenario) {
  output::ScenarioSummary summary;
  for (const auto& site : scenario.sites)
    summary.sites.push_back({site.name, static_cast<double>(site.general_beds), static_cast<double>(site.escalation_beds)});
  for (const auto& locality : scenario.population.localities) {
    double people = 0;
    for (const double p : locality.people) people += p;
    summary.localities.push_back({locality.name, locality.area, people});
  }
  summary.age_bands = scenario.population.age_bands;
  summary.winter = scenario.winter.has_value();
  return summary;
}

// The results file, then from its record the report and the workbook exactly as pfsim report and pfsim export write
// them (the STRESS-DES record included), so a planner's downloads equal what the command line would give.
JobFiles write_outputs(const Job& job, const Workspace& workspace, const output::RunRecord& record, const scenario::Scenario& scenario) {
  const std::filesystem::path folder = workspace.results_folder();
  // Job numbers restart with the server, so the time (to the second, UTC) keeps an earlier session's files.
  std::string stamp = run::utc_now();
  std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
  const std::string stem = fmt::format("{}-job-{}-{}", stamp, job.id(), job.request().kind == JobKind::Run ? "run" : "compare");
  JobFiles written{folder / (stem + ".h5"), folder / (stem + ".html"), folder / (stem + ".xlsx")};
  output::write_results(record, written.results);
  const output::StressDesInputs stress = run::stress_des_inputs(record);
  output::ReportOptions options;
  options.results_file = written.results.filename().string();
  options.scenario = summary_of(scenario);
  options.generated = run::utc_now();
  options.stress = stress;
  output::write_report(record, options, written.report);
  // Through "<name>.tmp" and a rename (write_workbook), so a download never sees half a workbook.
  output::write_workbook(output::export_tables(record, stress), written.workbook);
  return written;
}

void run_one(Job& job, const Workspace& workspace, std::size_t threads) {
  const JobRequest& request = job.request();
  scenario::Scenario scenario = load_in_workspace(workspace, request.scenario_file, request.overrides);
  models::choose_warmup(scenario);  // `warmup_days: auto` fixed by its pilot, as pfsim run does
  run::ReplicationPlan plan;
  plan.replications = static_cast<std::size_t>(scenario.run.replications);
  job.start(plan.replications);
  // In rounds of one replication per thread, so after each round the page can show the KPI table and fan charts of
  // the replications done so far. Replication r's result depends on r alone (common random numbers), so the rounds
  // give the numbers run_plan would; the cost is a thread idling while a round's slowest replication finishes.
  const std::size_t round = std::max<std::size_t>(1, threads);
  std::vector<models::ReplicationResult> results;
  for (std::size_t first = 0; first < plan.replications; first += round) {
    std::vector<std::size_t> indices;
    for (std::size_t r = first; r < std::min(plan.replications, first + round); ++r) indices.push_back(r);
    for (auto& r : run::run_indices(scenario, indices, threads, nullptr, [&] { job.advance(); }, [&] { job.check_cancelled(); }))
      results.push_back(std::move(r));
    if (results.size() < plan.replications)
      job.publish_partial(run_result(run::make_run_record(scenario, results, command_line(request))));
  }
  const output::RunRecord record = run::make_run_record(scenario, results, command_line(request));
  const JobFiles written = write_outputs(job, workspace, record, scenario);
  job.finish(run_result(record), written);
}

void compare_one(Job& job, const Workspace& workspace, std::size_t threads) {
  const JobRequest& request = job.request();
  std::vector<scenario::Scenario> scenarios;
  std::vector<std::string> labels{"base"}, files{request.scenario};
  scenarios.push_back(load_in_workspace(workspace, request.scenario_file, base_overrides(request.overrides)));
  for (const OptionDraft& option : request.options) {
    scenarios.push_back(load_in_workspace(workspace, request.scenario_file, option_overrides(request, option)));
    labels.push_back(option.label);
    files.push_back(fmt::format("{} ({})", request.scenario, option.label));
  }
  const run::Comparison comparison = run::prepare_comparison(std::move(scenarios), labels, files);
  job.start(comparison.scenarios.size() * static_cast<std::size_t>(comparison.scenarios.front().run.replications));
  const run::ComparisonResult result = run::run_comparison(comparison, threads, false, command_line(request), [&] { job.advance(); });
  const JobFiles written = write_outputs(job, workspace, result.record, comparison.scenarios.front());
  job.finish(compare_result(result.record, {labels.begin() + 1, labels.end()}), written);
}
}  // namespace

std::vector<std::string> base_overrides(const std::vector<std::string>& overrides) {
  std::vector<std::string> run_settings;
  for (const auto& o : overrides)
    if (o.rfind("run.", 0) == 0) run_settings.push_back(o);
  return run_settings;
}

std::vector<std::string> option_overrides(const JobRequest& request, const OptionDraft& option) {
  std::vector<std::string> overrides = base_overrides(request.overrides);
  for (const auto& o : option.overrides)
    if (o.rfind("run.", 0) != 0) overrides.push_back(o);
  return overrides;
}

void run_job(Job& job, const Workspace& workspace, std::size_t threads) {
  try {
    if (job.request().kind == JobKind::Run) run_one(job, workspace, threads);
    else compare_one(job, workspace, threads);
  } catch (const JobCancelled&) {
    job.fail(JobState::Cancelled, "cancelled");
  } catch (const std::exception& e) {
    job.fail(JobState::Failed, e.what());
  }
}

}  // namespace pfsim::serve
