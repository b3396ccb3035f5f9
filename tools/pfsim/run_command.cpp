// pfsim run SCENARIO [-o results.h5] [-r REPS] [-j THREADS] [--seed N] [--set k=v]... [--target-ci X --ci-kpi NAME]
//                    [--resume] [--quiet] [--check] [--save-census DATE FILE] [--parameter-uncertainty] [--shard K/N|slurm]
#include <algorithm>
#include <charconv>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "pfsim/run/checkpoints.hpp"
#include "cli_messages.hpp"
#include "commands.hpp"
#include "pfsim/run/distributed.hpp"
#include "pfsim/run/invocation_meta.hpp"
#include "exit_codes.hpp"
#include "interrupt_hint.hpp"
#include "output_guard.hpp"
#include "output_path.hpp"
#include "pfsim/engine/time.hpp"
#include "pfsim/models/offered_load.hpp"
#include "pfsim/models/system.hpp"
#include "pfsim/models/warmup.hpp"
#include "pfsim/output/output.hpp"
#include "pfsim/loader/census_csv.hpp"
#include "pfsim/loader/load.hpp"
#include "progress.hpp"
#include "pfsim/run/replications.hpp"
#include "pfsim/run/run_meta.hpp"
#include "pfsim/run/run_record.hpp"
#include "pfsim/run/sampled_scenarios.hpp"
#include "pfsim/run/scheme_summary.hpp"
#include "pfsim/run/shard.hpp"
#include "pfsim/run/stability.hpp"
#include "pfsim/run/version.hpp"

namespace pfsim::cli {
// A front end of the run library: its names read as the command's own.
using namespace pfsim::run;

namespace {
struct RunOptions {
  std::string scenario;
  std::string output = "results.h5";
  int replications = 0;  // 0 = as in the scenario
  int threads = 0;       // 0 = all cores
  std::string seed;      // empty = as in the scenario
  std::vector<std::string> overrides;
  double target_ci = 0;  // 0 = fixed replications
  std::string ci_kpi = "ae_4h_pct";
  int max_replications = 1000;
  bool resume = false;
  bool quiet = false;
  bool check = false;
  bool force = false;
  bool parameter_uncertainty = false;  // sample the calibrated parameters per replication (DESIGN §6.5)
  bool offered_load = false;  // print the offered-load table even when every rho < 0.95
  bool ci_options_without_target = false;  // --ci-kpi or --max-replications given, --target-ci not
  std::vector<std::string> save_census;  // DATE FILE
  std::string shard;                     // --shard K/N or slurm: one task of an array job (README "Slurm array jobs")
};

// --shard: refused with what cannot be sharded, before anything runs.
std::optional<Shard> shard_of(const RunOptions& options, const Distributed& mpi) {
  if (options.shard.empty()) return std::nullopt;
  const Shard shard = parse_shard(options.shard, [](const char* name) { return std::getenv(name); });
  if (options.target_ci > 0)
    throw BadArgument("--shard: not with --target-ci, whose stopping rule needs every replication in order (hint: give a fixed -r)");
  if (!options.save_census.empty())
    throw BadArgument("--shard: not with --save-census (hint: save the census in a run without --shard, e.g. with -r 1)");
  if (mpi.ranks() > 1)
    throw BadArgument("--shard: not under mpirun, which shares the replications out itself (hint: use one or the other)");
  return shard;
}

// An array-job task's output: its replications, the run they belong to and how this task ran, for `pfsim merge`.
void write_shard_part(const RunOptions& options, const scenario::Scenario& scenario, const std::vector<std::string>& overrides,
                      const Shard& shard, const std::vector<std::size_t>& replications, const ReplicationRun& run,
                      const std::string& command_line, std::size_t threads, double seconds) {
  ShardedRun identity;
  identity.fingerprint = run_fingerprint(scenario, options.parameter_uncertainty);
  identity.pfsim_version = std::string(kVersion);
  identity.seed = scenario.run.seed;
  identity.replications = static_cast<std::size_t>(scenario.run.replications);
  identity.shards = shard.count;
  identity.scenario_file = std::filesystem::absolute(options.scenario).lexically_normal().string();
  identity.source_file = scenario.source_file;
  identity.scenario_overrides = overrides;
  identity.parameter_uncertainty = options.parameter_uncertainty;
  identity.invariant_checks = scenario.run.check_invariants;
  output::RunRecord invocation;
  invocation.extra_meta.emplace_back("command_line", command_line);
  add_invocation_meta(invocation, threads, 1, seconds);
  output::write_shard(make_shard_file(identity, shard, replications, run.results, invocation.extra_meta), options.output);
}

// --save-census DATE: the date, checked before anything runs (the warm-up pilot included).
std::chrono::year_month_day census_date(const std::string& date_text) {
  std::chrono::year_month_day date;
  if (!engine::parse_iso_date(date_text, date))
    throw BadArgument(fmt::format("--save-census: bad date \"{}\" (hint: write YYYY-MM-DD, e.g. 2020-03-01)", date_text));
  return date;
}

// --save-census DATE FILE: the day index of DATE (0 = first warm-up day), once the warm-up is known.
std::int64_t census_day(const scenario::Scenario& scenario, const std::string& date_text) {
  const std::chrono::year_month_day date = census_date(date_text);
  const auto first = std::chrono::sys_days{scenario.run.start_date} - std::chrono::days{scenario.run.warmup_days};
  const auto last = std::chrono::sys_days{scenario.run.start_date} + std::chrono::days{scenario.run.days};
  const auto day = std::chrono::sys_days{date};
  if (day < first || day > last)
    throw BadArgument(fmt::format("--save-census: {} is outside the run, {} to {} (hint: the state at 00:00 of a day the run simulates)",
                                  date_text, engine::to_iso(std::chrono::year_month_day{first}), engine::to_iso(std::chrono::year_month_day{last})));
  return (day - first).count();
}

// Replication 0 is rerun up to the date (same seed and index, so the same trajectory as replication 0 of the
// results) and its state written as a census CSV, via a .tmp file and a rename like the results.
void write_census(const scenario::Scenario& scenario, std::int64_t day, const std::filesystem::path& path) {
  const scenario::Census census = models::System(scenario, 0).census_at(day);
  const std::string text = loader::census_csv(census, scenario);
  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      throw std::runtime_error(fmt::format("{}: cannot write the census", path.string()));
    }
  }
  std::filesystem::rename(tmp, path);
}

std::size_t kpi_index(const std::string& name) {
  const auto& catalogue = scenario::kpi_catalogue();
  for (std::size_t k = 0; k < catalogue.size(); ++k)
    if (catalogue[k].name == name) return k;
  std::string known;
  for (const auto& k : catalogue) known += (known.empty() ? "" : ", ") + std::string(k.name);
  throw BadArgument(fmt::format("--ci-kpi: unknown KPI \"{}\" (hint: one of {})", name, known));
}

int run(const RunOptions& options, const std::string& command_line, const Distributed& mpi) {
  if (options.ci_options_without_target)
    throw BadArgument("pfsim: --ci-kpi and --max-replications only apply with --target-ci (hint: add --target-ci HALF_WIDTH, "
                      "e.g. --target-ci 0.5 --ci-kpi ae_4h_pct, or drop them)");
  if (!options.seed.empty()) check_seed(options.seed);
  if (!options.save_census.empty()) census_date(options.save_census[0]);
  const std::optional<Shard> shard = shard_of(options, mpi);
  if (options.target_ci > 0 && mpi.ranks() > 1)
    throw BadArgument("--target-ci: not available under MPI yet (hint: run it on one node, or give -r)");
  ReplicationPlan plan;
  plan.ci_kpi = kpi_index(options.ci_kpi);
  std::vector<std::string> overrides = options.overrides;
  // -r and --seed are overrides too, so the resolved scenario stored in the results records them.
  if (options.replications > 0) overrides.push_back(fmt::format("run.replications={}", options.replications));
  if (!options.seed.empty()) overrides.push_back("run.seed=" + options.seed);
  std::vector<std::filesystem::path> files_read;
  const loader::ScenarioDocument document = loader::read_scenario(options.scenario, overrides, files_read);
  scenario::Scenario scenario = loader::build_scenario(document);
  scenario.run.check_invariants = scenario.run.check_invariants || options.check;
  // With --parameter-uncertainty each replication builds its own scenario from its parameter draw; the run settings
  // (--check, and the warm-up chosen below) stay the base's. A scenario without the section is refused here, first.
  std::optional<SampledScenarios> sampled;
  if (options.parameter_uncertainty) sampled.emplace(document, scenario, options.scenario);
  const std::filesystem::path out = options.output;
  if (mpi.is_root()) check_output_path(out);
  if (!options.save_census.empty() && mpi.is_root()) check_output_path(options.save_census[1], "--save-census DATE", "census.csv");
  if (mpi.is_root()) {  // nothing the run reads may be overwritten, nor anything that is not a pfsim output of the kind
    std::vector<InputFile> inputs;
    add_scenario_inputs(inputs, files_read);
    std::vector<OutputFile> outputs = {{out, "-o", OutputKind::Results}};
    if (!options.save_census.empty()) outputs.push_back({options.save_census[1], "--save-census", OutputKind::Census});
    guard_outputs(outputs, inputs, options.force, /*checkpoints=*/true);
  }
  // Offered load before running (DESIGN §3 "Stability checks"): the table when some capacity is near its limit (or
  // with --offered-load), and a loud warning when demand exceeds a capacity.
  if (mpi.is_root()) {
    const std::vector<models::OfferedLoad> loads = models::offered_load(scenario);
    if (options.offered_load || (!options.quiet && models::max_rho(loads) >= models::kNearUnstableRho))
      fmt::print("offered load (a = arrivals/day x mean days held; rho = a / capacity):\n{}", models::format_offered_load(loads));
    if (const std::string warning = models::offered_load_warning(loads); !warning.empty())
      fmt::print(stderr, "pfsim: WARNING: offered load at or above capacity: {}; its queue grows without bound and the "
                         "results depend on the run length (recorded in /meta offered_load_warning)\n", warning);
  }
  // A --save-census date outside the run is refused before the pilot when the warm-up is fixed (after it with `auto`).
  if (!options.save_census.empty() && !scenario.run.warmup_auto) census_day(scenario, options.save_census[0]);
  // `warmup_days: auto`: a deterministic pilot (the same on every rank) fixes the warm-up before anything runs.
  const std::optional<models::WarmupChoice> warmup = models::choose_warmup(scenario);
  const std::string warmup_warning = models::warmup_warning(scenario);
  if (!warmup_warning.empty() && mpi.is_root())
    fmt::print(stderr, "pfsim: WARNING: {} (recorded in /meta warmup_warning)\n", warmup_warning);
  const std::int64_t save_day = options.save_census.empty() ? 0 : census_day(scenario, options.save_census[0]);
  const ReplicationScenarios scenarios = sampled ? ReplicationScenarios(*sampled) : ReplicationScenarios(scenario);

  plan.replications = static_cast<std::size_t>(scenario.run.replications);
  if (options.target_ci > 0) {
    plan.target_ci_half = options.target_ci;
    plan.max_replications = static_cast<std::size_t>(options.max_replications);
  }
  const std::size_t threads = options.threads > 0 ? static_cast<std::size_t>(options.threads)
                                                  : std::max(1u, std::thread::hardware_concurrency());
  const bool show_progress = !options.quiet && stderr_is_terminal() && mpi.is_root();
  const auto started = std::chrono::steady_clock::now();

  // Each rank keeps its own checkpoints (a rank's file name carries its number) so ranks never collide.
  const std::filesystem::path checkpoint_base = mpi.ranks() > 1 ? out.string() + fmt::format(".rank{}", mpi.rank()) : out.string();
  // Sampled parameters change every replication's results, so a run with them never resumes one without, nor back.
  const Checkpoints checkpoints(checkpoint_base, run_fingerprint(scenario, sampled.has_value()), options.resume, command_line);
  const std::vector<std::size_t> shard_replications = shard ? shard->replications(plan.replications) : std::vector<std::size_t>{};
  if (options.resume && mpi.is_root()) {
    if (!checkpoints.not_reused_because().empty()) {
      fmt::print(stderr, "pfsim: resume: {}\n", checkpoints.not_reused_because());
    } else {
      const std::size_t limit = shard ? shard_replications.size() : plan.target_ci_half ? plan.max_replications : plan.replications;
      std::size_t reused = 0;
      for (const auto& [replication, result] : checkpoints.finished())
        reused += shard ? replication < plan.replications && replication % shard->count == shard->index : replication < limit;
      fmt::print(stderr, "pfsim: resume: reusing {} of {}{} replications checkpointed in {}\n", reused,
                 plan.target_ci_half ? "up to " : "", limit, checkpoints.directory().string());
    }
  }
  ReplicationRun run;
  {
    const std::size_t units = shard ? shard_replications.size() : plan.target_ci_half ? plan.max_replications : plan.replications;
    const auto days = static_cast<std::size_t>(scenario.run.days + scenario.run.warmup_days);
    Progress progress(units, show_progress, scenario.schemes || plan.target_ci_half ? 0 : days);
    std::optional<InterruptHint> interrupt_hint;
    if (mpi.is_root())
      interrupt_hint.emplace(fmt::format("{}pfsim: interrupted; ", show_progress ? "\r\033[K" : stderr_is_terminal() ? "\n" : ""),
                             fmt::format(" replication(s) finished are checkpointed in {} (hint: continue with `{}{}`)\n",
                                         checkpoints.directory().string(), command_line,
                                         options.resume ? "" : " --resume"));
    const auto on_done = [&] {
      InterruptHint::finished_one();
      progress.advance();
    };
    const std::function<void()> on_day = show_progress ? std::function<void()>([&] { progress.advance_day(); }) : nullptr;
    if (shard) run.results = run_indices(scenarios, shard_replications, threads, &checkpoints, on_done, on_day);
    else if (mpi.ranks() > 1) run = mpi.run_shared(scenarios, plan.replications, threads, &checkpoints, on_done);
    else run = run_plan(scenarios, plan, threads, &checkpoints, on_done, on_day);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!mpi.is_root()) {
    checkpoints.remove_all();
    return kOk;
  }
  if (shard) {
    write_shard_part(options, scenario, overrides, *shard, shard_replications, run, command_line, threads, seconds);
    checkpoints.remove_all();
    if (!options.quiet) {
      const double years = static_cast<double>(shard_replications.size()) * (scenario.run.days + scenario.run.warmup_days) / 365.25;
      fmt::print("{}: shard {} of {}: {} of {} replications x {} days (+{} warm-up) in {:.2f} s on {} thread(s): {:.2f} "
                 "replication-years/s; wrote {} (hint: when every shard has finished, `pfsim merge PART.h5... -o results.h5`)\n",
                 scenario.name, shard->index, shard->count, shard_replications.size(), plan.replications, scenario.run.days,
                 scenario.run.warmup_days, seconds, threads, years / seconds, out.string());
    }
    return kOk;
  }

  output::RunRecord record = make_run_record(scenario, run.results, command_line);
  add_run_meta(record, scenario, plan, run, options.ci_kpi, warmup, sampled ? &*sampled : nullptr);
  add_invocation_meta(record, threads, mpi.ranks(), seconds);
  output::write_results(record, out);
  checkpoints.remove_all();
  if (!options.save_census.empty()) write_census(sampled ? sampled->scenario_for(0) : scenario, save_day, options.save_census[1]);

  for (const auto& [key, value] : record.extra_meta)
    if (key == "unstable")
      fmt::print(stderr, "pfsim: WARNING: unstable: {}: the queue was still growing at the end of the run, so these KPIs are "
                         "not steady-state results (recorded in /meta unstable; {})\n", value, unstable_detail(queue_trends(scenario, run.results)));
  if (plan.target_ci_half && !run.target_met)
    fmt::print(stderr, "pfsim: warning: {} 95% CI half-width {:.4g} > target {:.4g} after the cap of {} replications\n",
               options.ci_kpi, run.achieved_ci_half, *plan.target_ci_half, plan.max_replications);
  if (!options.quiet) {
    std::uint64_t events = 0;
    for (const auto& r : run.results) events += r.events;
    const std::size_t n = run.results.size();
    const double years = static_cast<double>(n) * (scenario.run.days + scenario.run.warmup_days) / 365.25;
    fmt::print("{}: {} replications x {} days (+{} warm-up) from {}\n", scenario.name, n, scenario.run.days,
               scenario.run.warmup_days, engine::to_iso(scenario.run.start_date));
    if (warmup)
      fmt::print("warm-up: auto = {} days (MSER-5 on each site's daily bed occupancy and the care-home residents, largest; pilot of {} "
                 "replications x ({} warm-up + {}) days from {}, the real calendar)\n",
                 warmup->days, warmup->pilot_replications, warmup->pilot_warmup_days,
                 warmup->pilot_days - warmup->pilot_warmup_days, pilot_start(scenario, *warmup));
    if (sampled)
      fmt::print("parameter uncertainty: {} calibrated parameters drawn per replication (values in /parameter_samples)\n",
                 sampled->sampler().law().parameters.size());
    if (scenario.census) fmt::print("census: {} people in place at the start ({})\n", scenario.census->people.size(), scenario.census->source);
    if (plan.target_ci_half)
      fmt::print("target: {} 95% CI half-width <= {} {} after {} replications (Hoad et al. look-ahead; half-width now {:.4g})\n",
                 options.ci_kpi, *plan.target_ci_half, run.target_met ? "met" : "NOT met", run.replications_needed,
                 run.achieved_ci_half);
    fmt::print("{}{}", output::format_headline_table(record.kpis, scenario.headline_kpis), output::format_summary_table(record.kpis));
    if (scenario.schemes) fmt::print("{}", format_scheme_summary(scenario, analyse_schemes(scenario, run.results)));
    fmt::print("ran in {:.2f} s on {} thread(s) x {} process(es): {:.2f} replication-years/s, {:.3g} events/s; wrote {}\n",
               seconds, threads, mpi.ranks(), years / seconds, static_cast<double>(events) / seconds, out.string());
    if (!options.save_census.empty())
      fmt::print("wrote the state of replication 0 at 00:00 on {} to {}\n", options.save_census[0], options.save_census[1]);
  }
  return kOk;
}
}  // namespace

Command add_run_command(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run a scenario's replications and write results (HDF5)");
  cmd->add_option("scenario", options->scenario, "Scenario file (YAML)")->required();
  cmd->add_option("-o,--output", options->output, "Results file (HDF5); written to <file>.tmp then renamed")->capture_default_str();
  cmd->add_option("-r,--replications", options->replications, "Replications (overrides run.replications)")->check(CLI::Range(1, 100000));
  cmd->add_option("-j,--threads", options->threads, "Worker threads (default: all cores)")->check(CLI::Range(1, 1024));
  cmd->add_option("--seed", options->seed, "Master seed (overrides run.seed)");
  cmd->add_option("--set", options->overrides, "Override a scenario value, e.g. --set sites.Southend.beds.general=600");
  cmd->add_option("--target-ci", options->target_ci, "Run until the KPI's 95% CI half-width is at most this (KPI units)")
      // CLI::PositiveNumber's message printed DBL_MAX in full ("not in range 0.000000 to 1797693...").
      ->check(CLI::Validator(
          [](std::string& text) {
            double value = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            return error == std::errc{} && end == text.data() + text.size() && value > 0 && std::isfinite(value)
                       ? std::string()
                       : fmt::format("expected a half-width above 0 in the KPI's units, such as 0.5, got \"{}\"", text);
          },
          "HALF_WIDTH"));
  CLI::Option* ci_kpi = cmd->add_option("--ci-kpi", options->ci_kpi, "KPI for --target-ci")->capture_default_str();
  CLI::Option* max_replications =
      cmd->add_option("--max-replications", options->max_replications, "Cap for --target-ci")->check(CLI::Range(3, 100000))->capture_default_str();
  cmd->add_flag("--resume", options->resume, "Reuse finished replications checkpointed beside the output");
  cmd->add_flag("-q,--quiet", options->quiet, "No progress bar and no table");
  cmd->add_flag("--force", options->force,
                "Overwrite an existing -o / --save-census file even if it is not a pfsim output of that kind (never an input)");
  cmd->add_flag("--offered-load", options->offered_load,
                "Print the offered-load table (rho = offered load / capacity) before running; printed anyway when some rho >= 0.95");
  cmd->add_flag("--parameter-uncertainty", options->parameter_uncertainty,
                "Draw the calibrated parameters per replication from the scenario's parameter_uncertainty section (written by "
                "pfsim calibrate), so the intervals include what the calibration could not pin down");
  cmd->add_flag("--check", options->check,
                "Check invariants (clock, occupancy, conservation, bed holders) as it runs; always on in debug builds");
  cmd->add_option("--save-census", options->save_census,
                  "DATE FILE: write replication 0's state at 00:00 on DATE as a census CSV (a scenario's `census:` reads it)")
      ->expected(2);
  cmd->add_option("--shard", options->shard,
                  "K/N or slurm: run only shard K of N (replications K, K+N, K+2N, ...) and write a partial file for "
                  "`pfsim merge`; slurm reads K and N from SLURM_ARRAY_TASK_ID/_MIN/_COUNT");
  return [options, cmd, ci_kpi, max_replications]() {
    options->ci_options_without_target =
        cmd->count("--target-ci") == 0 && (ci_kpi->count() > 0 || max_replications->count() > 0);
    return run(*options, whole_command_line(), Distributed::instance());
  };
}

}  // namespace pfsim::cli
