#include "simulate.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "cancellable.hpp"
#include "pfsim/models/warmup.hpp"
#include "pfsim/run/bad_argument.hpp"
#include "pfsim/run/compare.hpp"
#include "pfsim/run/invocation_meta.hpp"
#include "pfsim/run/replications.hpp"
#include "pfsim/run/run_meta.hpp"
#include "pfsim/run/run_record.hpp"

namespace pfsim::python {

namespace {

// The CLI's -r / -j ranges, with its wording.
void check_range(const char* name, const std::optional<int>& value, int lowest) {
  if (value && (*value < lowest || *value > 100000))
    throw run::BadArgument(fmt::format("pfsim: {}: expected a whole number from {} to 100000, got {}", name, lowest, *value));
}

std::vector<std::string> cli_overrides(const RunSettings& settings) {
  std::vector<std::string> more;
  if (settings.replications) more.push_back(fmt::format("run.replications={}", *settings.replications));
  if (settings.seed) more.push_back(fmt::format("run.seed={}", *settings.seed));
  return more;
}

double seconds_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

std::size_t thread_count(const RunSettings& settings) {
  return settings.threads ? static_cast<std::size_t>(*settings.threads) : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

Record run_scenario(const ScenarioSource& source, const RunSettings& settings, const pybind11::object& progress) {
  check_range("replications", settings.replications, 1);
  check_range("threads", settings.threads, 1);
  scenario::Scenario scenario = source.build(cli_overrides(settings));
  scenario.run.check_invariants = scenario.run.check_invariants || settings.check;
  const std::size_t threads = thread_count(settings);
  const auto job = [&](const JobHooks& hooks) {
    // `warmup_days: auto`: the pilot fixes the warm-up before anything runs, as in the CLI.
    const std::optional<models::WarmupChoice> warmup = models::choose_warmup(scenario);
    run::ReplicationPlan plan;
    plan.replications = static_cast<std::size_t>(scenario.run.replications);
    const auto started = std::chrono::steady_clock::now();
    const run::ReplicationRun run = run::run_plan(scenario, plan, threads, nullptr, hooks.on_done, hooks.on_day);
    Record record{run::make_run_record(scenario, run.results, settings.command_line), std::nullopt, {}};
    run::add_run_meta(record.record, scenario, plan, run, "ae_4h_pct", warmup, nullptr);
    run::add_invocation_meta(record.record, threads, 1, seconds_since(started));
    return record;
  };
  return run_cancellable<Record>(job, static_cast<std::size_t>(scenario.run.replications), progress);
}

Record compare_scenarios(const std::vector<std::pair<std::string, ScenarioSource>>& scenarios, const RunSettings& settings,
                         bool all_locality_rows, const pybind11::object& progress) {
  check_range("replications", settings.replications, 2);
  check_range("threads", settings.threads, 1);
  if (scenarios.size() < 2) throw run::BadArgument("pfsim.compare: give a base and at least one option");
  std::vector<scenario::Scenario> built;
  std::vector<std::string> labels, files;
  for (const auto& [label, source] : scenarios) {
    built.push_back(source.build(cli_overrides(settings)));
    labels.push_back(label);
    files.push_back(source.label());
  }
  const std::size_t threads = thread_count(settings);
  const std::size_t total = built.size() * static_cast<std::size_t>(built.front().run.replications);
  const auto job = [&](const JobHooks& hooks) {
    const auto started = std::chrono::steady_clock::now();
    const run::Comparison comparison = run::prepare_comparison(std::move(built), std::move(labels), files);
    run::ComparisonResult result = run::run_comparison(comparison, threads, all_locality_rows, settings.command_line, hooks.on_done);
    run::add_invocation_meta(result.record, threads, 1, seconds_since(started));
    return Record{std::move(result.record), std::nullopt, std::move(result.table)};
  };
  return run_cancellable<Record>(job, total, progress);
}

}  // namespace pfsim::python
