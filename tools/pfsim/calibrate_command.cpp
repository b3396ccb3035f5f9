// pfsim calibrate SCENARIO [-o calibrated.yaml] [--budget N] [-r R] [-j J] [--restarts K] [--quiet]
// Fits the scenario's `calibration.parameters` so the simulated KPIs match `calibration.targets` (README
// "Calibrating with pfsim calibrate"): Nelder–Mead on logit-transformed bounds over a common-random-number
// objective, Gauss–Newton uncertainty, then a scenario that extends the input with the fitted values and an HDF5
// file of diagnostics beside it.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "pfsim/run/calibration/evaluator.hpp"
#include "pfsim/run/calibration/nelder_mead.hpp"
#include "pfsim/run/calibration/sampling_law.hpp"
#include "pfsim/run/calibration/uncertainty.hpp"
#include "cli_messages.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "output_guard.hpp"
#include "output_path.hpp"
#include "pfsim/output/output.hpp"
#include "pfsim/loader/calibration.hpp"
#include "pfsim/loader/load.hpp"
#include "pfsim/loader/parameter_uncertainty.hpp"
#include "pfsim/run/invocation_meta.hpp"
#include "pfsim/run/run_record.hpp"

namespace pfsim::cli {
// A front end of the run library: its names read as the command's own.
using namespace pfsim::run;

namespace {
namespace fs = std::filesystem;
using namespace pfsim::run::calibration;

struct CalibrateOptions {
  std::string scenario;
  std::string output;  // empty = <scenario stem>-calibrated.yaml beside the scenario
  int budget = 40;
  int replications = 8;
  int threads = 0;
  int restarts = 1;
  bool quiet = false;
  bool force = false;
};

std::string show(double value) { return fmt::format("{:.6g}", value); }
std::string show_ci(double value) { return fmt::format("{:.3g}", value); }

std::string show_sd(double sd) { return std::isfinite(sd) ? fmt::format("{:.3g}", sd) : std::string("not identified"); }

void write_text_atomically(const fs::path& path, const std::string& text) {
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(tmp, ignored);
      throw output::OutputError(fmt::format("{}: cannot write the calibrated scenario", path.string()));
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw output::OutputError(fmt::format("{}: cannot write the calibrated scenario", path.string()));
  }
}

// A [1 × label] table for a labelled table group.
output::Breakdown row(std::string name, std::string units, std::string description, std::vector<double> values) {
  return output::Breakdown{std::move(name), std::move(units), std::move(description), std::move(values)};
}

int calibrate(const CalibrateOptions& options, const std::string& command_line) {
  const fs::path input = options.scenario;
  std::vector<fs::path> files_read;
  const loader::ScenarioDocument document = loader::read_scenario(input, {}, files_read);
  const scenario::Scenario base = loader::build_scenario(document);  // validates the calibration section too
  const auto calibration = loader::calibration_of(document);
  if (!calibration)
    throw loader::ScenarioError(input.string(), 0, 0, "calibration", "the scenario has no calibration section",
                                       "add `calibration:` with targets and parameters (README \"Calibrating with pfsim calibrate\")");
  // Each candidate would get its own pilot and so its own warm-up, which breaks common random numbers.
  if (base.run.warmup_auto)
    throw BadArgument(fmt::format("{}: calibrate needs a numeric run.warmup_days, not auto (hint: `pfsim run` prints the warm-up "
                                  "auto finds; write that number)", input.string()));
  const fs::path out = options.output.empty()
                           ? input.parent_path() / (input.stem().string() + "-calibrated.yaml")
                           : fs::path(options.output);
  fs::path h5 = out;
  h5.replace_extension(".h5");
  if (fs::absolute(out).lexically_normal() == fs::absolute(input).lexically_normal())
    throw BadArgument(fmt::format("-o {}: would overwrite the input scenario (hint: choose another file)", out.string()));
  check_output_path(out, "-o", "calibrated.yaml");
  check_output_path(h5, "-o", "calibrated.yaml");
  std::vector<InputFile> inputs;
  add_scenario_inputs(inputs, files_read, "the scenario being calibrated");
  guard_outputs({{out, options.output.empty() ? "the default output" : "-o", OutputKind::CalibratedScenario},
                 {h5, "the diagnostics file beside it,", OutputKind::CalibrationDiagnostics}},
                inputs, options.force);

  const std::size_t threads = options.threads > 0 ? static_cast<std::size_t>(options.threads)
                                                  : std::max(1u, std::thread::hardware_concurrency());
  const auto started = std::chrono::steady_clock::now();
  Evaluator evaluator(document, *calibration, static_cast<std::size_t>(options.replications), threads,
                      static_cast<std::size_t>(options.budget));
  const auto& parameters = calibration->parameters;
  const auto& targets = calibration->targets;
  auto objective = [&](const std::vector<double>& values) {
    const std::size_t before = evaluator.trace().size();
    const double value = evaluator.evaluate(values).objective;
    if (!options.quiet && evaluator.trace().size() > before)
      fmt::print("evaluation {:3}: objective {:10.4g}  best {:10.4g}\n", evaluator.trace().size(), value, evaluator.best().objective);
    return value;
  };

  // Start from the scenario as written, then search.
  std::vector<double> start;
  for (const auto& p : parameters) start.push_back(p.start);
  objective(start);
  NelderMeadOptions nm;
  nm.restarts = options.restarts;
  nm.max_calls = 50 * static_cast<std::size_t>(options.budget) + 100;
  const NelderMeadResult search = minimise([&](const std::vector<double>& u) { return objective(evaluator.from_search_space(u)); },
                                           evaluator.to_search_space(start), nm, [&] { return evaluator.budget_left(); });
  const std::size_t search_evaluations = evaluator.trace().size();
  const Uncertainty uncertainty = estimate_uncertainty(evaluator);
  const Evaluation best = evaluator.best();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  // The calibrated scenario ------------------------------------------------------------------------------------
  std::vector<loader::FittedValue> fitted;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    std::string serves;
    for (std::size_t k : uncertainty.serves[i]) serves += (serves.empty() ? "" : ", ") + targets[k].kpi;
    fitted.push_back({parameters[i].key_path, best.texts[i],
                      fmt::format("fitted {} ± {} (1 sd, Gauss-Newton); bounds [{}, {}]; was {}; serves {}", best.texts[i],
                                  show_sd(uncertainty.sd[i]), show(parameters[i].lower), show(parameters[i].upper),
                                  show(parameters[i].start), serves.empty() ? "no target measurably" : serves)});
  }
  // Relative, so the pair of files can move together; absolute only when no relative path exists.
  fs::path extends_path = fs::relative(fs::absolute(input), fs::absolute(out).parent_path());
  if (extends_path.empty()) extends_path = fs::absolute(input);
  std::vector<std::string> header = {
      fmt::format("Written by `pfsim calibrate {}` (pfsim calibrate; do not edit by hand, re-run it).", input.filename().string()),
      fmt::format("Search: Nelder-Mead on logit-transformed bounds, {} evaluations ({} restart(s) allowed) + {} for the uncertainty,",
                  search_evaluations, options.restarts, evaluator.trace().size() - search_evaluations),
      fmt::format("each {} replications with common random numbers (replications 0..{}, seed {}).", options.replications,
                  options.replications - 1, base.run.seed),
      fmt::format("Objective sum((simulated mean - observed) / sd)^2{} = {:.4g} at the fit (start {:.4g}).",
                  std::any_of(parameters.begin(), parameters.end(), [](const auto& p) { return p.prior.has_value(); }) ? " + priors" : "",
                  best.objective, evaluator.trace().front().objective),
      "Uncertainty: 1 sd from (J^T J + priors)^-1, J the central finite-difference Jacobian of (mean - observed) / sd.",
      fmt::format("Fit, observed (sd) vs simulated mean ± 95% CI over {} replications:", options.replications)};
  for (std::size_t k = 0; k < targets.size(); ++k)
    header.push_back(fmt::format("  {}: {} ({}) vs {} ± {}  z = {:+.2f}{}", targets[k].kpi, show(targets[k].observed),
                                 show(targets[k].sd), show(best.kpis[k].mean), show_ci(best.kpis[k].ci95_half),
                                 (best.kpis[k].mean - targets[k].observed) / targets[k].sd,
                                 targets[k].source.empty() ? "" : "  [" + targets[k].source + "]"));
  header.push_back(fmt::format("Diagnostics: {} (/calibration/trace, /calibration_fit, /calibration_parameters).", h5.filename().string()));
  header.push_back(fmt::format("Reproduce the fit: pfsim run {} -r {}", out.filename().string(), options.replications));
  header.push_back(fmt::format("With what the fit could not pin down: pfsim run {} --parameter-uncertainty (section at the end)",
                               out.filename().string()));
  // The fitted values, then what the fit could not pin down, machine-readable for `pfsim run --parameter-uncertainty`.
  const std::string yaml = loader::calibrated_scenario_yaml(input, extends_path.generic_string(),
                                                                   base.name + " (calibrated)", header, fitted) +
                           loader::parameter_uncertainty_yaml(sampling_law(*calibration, uncertainty, best));
  // What is written must load: checked from the text (its `extends:` resolved beside `out`) before anything is written.
  (void)loader::load_scenario_text(yaml, out.string(), {}, fs::absolute(out).parent_path());
  write_text_atomically(out, yaml);

  // Diagnostics (HDF5): the best candidate's full results plus the calibration tables -----------------------------
  const scenario::Scenario fitted_scenario = evaluator.scenario_at(best.values);
  output::RunRecord record = make_run_record(fitted_scenario, evaluator.best_results(), command_line);
  record.extra_meta.emplace_back("calibration_method", "Nelder-Mead, logit-transformed bounds, common random numbers, restarts");
  record.extra_meta.emplace_back("calibration_objective", "sum over targets of ((simulated mean - observed) / sd)^2 + priors");
  record.extra_meta.emplace_back("calibration_uncertainty", "Gauss-Newton: sqrt(diag((J^T J + prior precision)^-1))");
  record.extra_meta.emplace_back("calibrated_scenario", out.filename().string());
  add_invocation_meta(record, threads, 1, seconds);

  output::TableGroup trace{"calibration", {}, {}};
  for (const auto& p : parameters) trace.labels.push_back(p.key_path);
  for (const char* column : {"objective", "best_objective", "phase"}) trace.labels.emplace_back(column);
  std::vector<double> rows;
  double best_so_far = HUGE_VAL;
  for (const Evaluation& e : evaluator.trace()) {
    best_so_far = std::min(best_so_far, e.objective);
    rows.insert(rows.end(), e.values.begin(), e.values.end());
    rows.insert(rows.end(), {e.objective, best_so_far, static_cast<double>(e.phase)});
  }
  trace.tables.push_back(row("trace", "mixed",
                             "one row per simulated candidate: free parameters, objective, best objective so far, "
                             "phase (0 search, 1 finite differences)",
                             rows));
  record.table_groups.push_back(std::move(trace));

  output::TableGroup fit{"calibration_fit", {}, {}};
  std::vector<double> observed, sd, mean, sim_sd, ci, z;
  for (std::size_t k = 0; k < targets.size(); ++k) {
    fit.labels.push_back(targets[k].kpi);
    observed.push_back(targets[k].observed);
    sd.push_back(targets[k].sd);
    mean.push_back(best.kpis[k].mean);
    sim_sd.push_back(best.kpis[k].sd);
    ci.push_back(best.kpis[k].ci95_half);
    z.push_back((best.kpis[k].mean - targets[k].observed) / targets[k].sd);
  }
  fit.tables.push_back(row("observed", "KPI units", "observed figure", observed));
  fit.tables.push_back(row("sd", "KPI units", "target sd (tolerance / 2)", sd));
  fit.tables.push_back(row("simulated_mean", "KPI units", "mean over replications at the fit", mean));
  fit.tables.push_back(row("simulated_sd", "KPI units", "sd over replications at the fit", sim_sd));
  fit.tables.push_back(row("ci95_half", "KPI units", "95% CI half-width of the simulated mean", ci));
  fit.tables.push_back(row("z", "sd", "(simulated mean - observed) / sd", z));
  record.table_groups.push_back(std::move(fit));

  output::TableGroup fitted_parameters{"calibration_parameters", {}, {}};
  std::vector<double> value, value_sd, lower, upper, starts;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    fitted_parameters.labels.push_back(parameters[i].key_path);
    value.push_back(best.values[i]);
    value_sd.push_back(uncertainty.sd[i]);
    lower.push_back(parameters[i].lower);
    upper.push_back(parameters[i].upper);
    starts.push_back(parameters[i].start);
  }
  fitted_parameters.tables.push_back(row("fitted", "parameter units", "fitted value (as written)", value));
  fitted_parameters.tables.push_back(row("sd", "parameter units", "1 sd, Gauss-Newton (inf = not identified)", value_sd));
  fitted_parameters.tables.push_back(row("lower", "parameter units", "lower bound", lower));
  fitted_parameters.tables.push_back(row("upper", "parameter units", "upper bound", upper));
  fitted_parameters.tables.push_back(row("start", "parameter units", "value in the input scenario", starts));
  record.table_groups.push_back(std::move(fitted_parameters));
  output::write_results(record, h5);

  if (!options.quiet) {
    fmt::print("\n{}: {} evaluations ({} search, {} restart(s) used) x {} replications in {:.1f} s\n", base.name,
               evaluator.trace().size(), search_evaluations, search.restarts_used, options.replications, seconds);
    fmt::print("objective {:.4g} (start {:.4g})\n\n", best.objective, evaluator.trace().front().objective);
    fmt::print("{:<40} {:>12} {:>10} {:>12} {:>10} {:>7}\n", "target", "observed", "sd", "simulated", "95% CI", "z");
    for (std::size_t k = 0; k < targets.size(); ++k)
      fmt::print("{:<40} {:>12} {:>10} {:>12} {:>10} {:>+7.2f}\n", targets[k].kpi, show(targets[k].observed), show(targets[k].sd),
                 show(best.kpis[k].mean), fmt::format("± {}", show_ci(best.kpis[k].ci95_half)), z[k]);
    fmt::print("\n{:<44} {:>12} {:>14} {:>12}\n", "parameter", "fitted", "± 1 sd", "was");
    for (std::size_t i = 0; i < parameters.size(); ++i)
      fmt::print("{:<44} {:>12} {:>14} {:>12}\n", parameters[i].key_path, best.texts[i], show_sd(uncertainty.sd[i]),
                 show(parameters[i].start));
    fmt::print("\nwrote {} and {}\n", out.string(), h5.string());
  }
  return kOk;
}

}  // namespace

Command add_calibrate_command(CLI::App& app) {
  auto options = std::make_shared<CalibrateOptions>();
  CLI::App* cmd = app.add_subcommand("calibrate", "Fit a scenario's calibration parameters to its observed targets");
  cmd->add_option("scenario", options->scenario, "Scenario file with a calibration: section (YAML)")->required();
  cmd->add_option("-o,--output", options->output,
                  "Calibrated scenario to write (default <scenario>-calibrated.yaml); diagnostics go beside it as .h5");
  cmd->add_option("--budget", options->budget, "Simulated candidates for the search (the uncertainty adds 2 per parameter)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("-r,--replications", options->replications, "Replications per candidate (the same ones for every candidate)")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  cmd->add_option("-j,--threads", options->threads, "Worker threads (default: all cores)")->check(CLI::Range(1, 1024));
  cmd->add_option("--restarts", options->restarts, "Nelder-Mead restarts from the best point after convergence")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", options->quiet, "No progress lines and no table");
  cmd->add_flag("--force", options->force, "Overwrite the calibrated scenario and its .h5 if they exist (never the input)");
  return [options]() {
    return calibrate(*options, whole_command_line());
  };
}

}  // namespace pfsim::cli
