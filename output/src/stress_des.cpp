// The STRESS-DES checklist (Monks et al. 2019; docs/stress-des.md) answered from a results file. Each answer says
// only what the file (and the caller's StressDesInputs) records; a fact the file does not hold is reported as not
// recorded, and what only the study team knows is left for them, so the record never claims more than the run did.
#include "pfsim/output/stress_des.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pfsim/output/svg.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

constexpr const char* kToComplete = "To be completed by the study team.";

std::string meta(const RunRecord& r, std::string_view key) {
  for (const auto& [k, v] : r.extra_meta)
    if (k == key) return v;
  return {};
}

std::string recorded_or(const RunRecord& r, std::string_view key, std::string_view what) {
  const std::string value = meta(r, key);
  return value.empty() ? fmt::format("{} not recorded in this results file (written by a pfsim that did not yet record it).", what) : value;
}

bool has_kpi(const RunRecord& r, std::string_view name) {
  for (const Kpi& k : r.kpis)
    if (k.name == name) return true;
  return false;
}

std::vector<std::string> compare_options(const RunRecord& r) {
  std::vector<std::string> options;
  for (const auto& [k, v] : r.extra_meta)
    if (k.starts_with("option_") && !k.ends_with("_warmup_days") && !k.ends_with("_warmup_warning"))
      options.push_back(fmt::format("{} ({})", k.substr(7), v));
  return options;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "; " : "") + items[i];
  return out;
}

void objectives(const RunRecord& r, std::vector<StressDesItem>& out) {
  out.push_back({"1.1", "Purpose of the model",
                 fmt::format("{} The model is pfsim's patient-flow model of a local health and care system, here "
                             "configured as \"{}\".", kToComplete, r.scenario_name)});
  std::string headline = meta(r, "headline_kpis");
  out.push_back({"1.2", "Model outputs",
                 fmt::format("{} KPIs per replication (definitions: DESIGN §5 and each KPI's description){}; {} daily series; "
                             "{} by-site and {} by-locality breakdowns{}.",
                             r.kpis.size(), headline.empty() ? "" : fmt::format(", headline: {}", headline), r.daily.size(),
                             r.by_site.size(), r.by_locality.size(), table_group(r, "monthly") ? "; monthly tables" : "")});
  std::string aims = kToComplete;
  if (const auto options = compare_options(r); !options.empty())
    aims += fmt::format(" The file compares {} option(s) with the base: {}.", options.size(), joined(options));
  if (const TableGroup* schemes = table_group(r, "schemes"))
    aims += fmt::format(" It samples the delivery of {} savings schemes (QIPP/BCF risk).", schemes->labels.size());
  out.push_back({"1.3", "Experimentation aims", aims});
}

void logic(const RunRecord& r, const StressDesInputs& in, std::vector<StressDesItem>& out) {
  out.push_back({"2.1", "Base model overview diagram",
                 "pfsim's patient stages and the events that move a person between them are the stage table of "
                 "DESIGN §12; the modules below say which parts of it this scenario uses."});
  if (in.modules.empty())
    out.push_back({"2.2", "Base model logic", "Module table not available: the embedded scenario could not be read by this pfsim."});
  for (const auto& m : in.modules)
    out.push_back({"2.2", fmt::format("Base model logic: {}", m.name), fmt::format("{}: {}", m.on ? "on" : "off", m.detail)});
  std::vector<std::string> variants;
  if (const auto options = compare_options(r); !options.empty())
    variants.push_back(fmt::format("options run against the base with common random numbers: {}", joined(options)));
  if (const std::string set = meta(r, "command_line"); set.find("--set") != std::string::npos)
    variants.push_back(fmt::format("values changed on the command line: {}", set));
  if (const std::string pu = meta(r, "parameter_uncertainty"); !pu.empty()) variants.push_back("parameter uncertainty " + pu);
  out.push_back({"2.3", "Scenario logic", variants.empty() ? "A single scenario, no options." : joined(variants) + "."});
  out.push_back({"2.4", "Algorithms",
                 "Next-event discrete-event simulation; arrivals as non-homogeneous Poisson processes by thinning; "
                 "resources with FIFO queues (DESIGN §2–3); KPI means with Student-t 95 % CIs over replications, type-7 "
                 "percentiles; MSER-5 for an automatic warm-up; schemes by a Gaussian copula and a regression tornado."});
  // 2.5 is five sub-items in the checklist (entities, activities, resources, queues, entry and exit points).
  out.push_back({"2.5.1", "Components: entities",
                 fmt::format("People — A&E attenders, direct admissions, care-home referrals and residents{} — one record "
                             "each, with their own random-number stream (DESIGN §6.1).",
                             has_kpi(r, "elective_referrals") ? ", and elective referrals (planned care)" : "")});
  out.push_back({"2.5.2", "Components: activities",
                 "A&E triage and treatment, the acute stay (length of stay), assessment for discharge, and the services "
                 "of the modules in 2.2 (reablement, intermediate care, care-home stays, virtual-ward stays, operations)."});
  out.push_back({"2.5.3", "Components: resources",
                 fmt::format("Beds, A&E clinicians (rotas) and cubicles at {} site(s): {}; the capacity of the downstream "
                             "modules in 2.2.", r.site_names.size(), joined(r.site_names))});
  out.push_back({"2.5.4", "Components: queues",
                 "First in, first out for every resource, unless the scenario orders the A&E clinician queue by acuity."});
  out.push_back({"2.5.5", "Components: entry and exit points",
                 fmt::format("People arrive from {} localities ({}); they leave when nothing more is modelled for them: home, "
                             "death, or the end of their care.", r.locality_names.size(), joined(r.locality_names))});
}

void data(const RunRecord& r, const StressDesInputs& in, std::vector<StressDesItem>& out) {
  std::size_t cited = 0, assumed = 0;
  for (const auto& s : in.sources) (s.assumed ? assumed : cited)++;
  out.push_back({"3.1", "Data sources",
                 fmt::format("{} line(s) of the scenario files cite a source document (seeds/<file> L<line>). {}", cited,
                             in.sources_note)});
  for (const auto& s : in.sources)
    if (!s.assumed) out.push_back({"3.1", fmt::format("{} line {}", s.file, s.line), s.text});
  out.push_back({"3.2", "Pre-processing",
                 fmt::format("{} The scenario files' comments (3.1, 3.4) record the arithmetic where the documents "
                             "needed it.", kToComplete)});
  const auto lines = static_cast<std::size_t>(std::count(r.scenario_yaml.begin(), r.scenario_yaml.end(), '\n'));
  out.push_back({"3.3", "Input parameters",
                 r.scenario_yaml.empty() ? std::string("The resolved scenario is not embedded in this results file.")
                                         : fmt::format("Every input parameter is in the resolved scenario (after extends: and "
                                                       "--set) embedded in the results file at /meta/scenario_yaml ({} lines).",
                                                       lines)});
  out.push_back({"3.4", "Assumptions",
                 fmt::format("{} line(s) of the scenario files mark a value `assumed` (not in the documents: a national "
                             "reference or reasoning).", assumed)});
  for (const auto& s : in.sources)
    if (s.assumed) out.push_back({"3.4", fmt::format("{} line {}", s.file, s.line), s.text});
}

void experimentation(const RunRecord& r, std::vector<StressDesItem>& out) {
  std::string init;
  if (meta(r, "warmup_method") == "mser5")
    init = fmt::format("Warm-up chosen automatically: {} days, by MSER-5 on each site's daily bed occupancy and the care-home "
                       "residents (largest), from a pilot of {}; by site: {}.",
                       r.warmup_days, meta(r, "warmup_pilot"), meta(r, "warmup_by_site"));
  else
    init = fmt::format("Fixed warm-up of {} days (run.warmup_days), simulated before the start date and excluded from every "
                       "KPI.", r.warmup_days);
  if (const std::string census = meta(r, "census_people"); !census.empty())
    init += fmt::format(" The run starts from a census of {} people in place (warm start).", census);
  else init += " The system starts empty (care homes from their initial residents).";
  if (const std::string w = meta(r, "warmup_warning"); !w.empty()) init += " Warning: " + w + ".";
  out.push_back({"4.1", "Initialisation", init});
  const std::string last = end_date(r);
  out.push_back({"4.2", "Run length",
                 fmt::format("{} measured days, {} to {}, after the warm-up.", r.days, r.start_date, last.empty() ? "?" : last)});
  std::string how;
  if (const std::string kpi = meta(r, "ci_kpi"); !kpi.empty())
    how = fmt::format("{} replications, chosen sequentially until the 95 % CI half-width of {} was at most {} (Hoad, Robinson & "
                      "Davies 2010 look-ahead): target {}, half-width achieved {}.",
                      r.replications, kpi, meta(r, "target_ci_half"), meta(r, "target_met") == "yes" ? "met" : "NOT met",
                      meta(r, "achieved_ci_half"));
  else
    how = fmt::format("{} replications, a fixed number (run.replications or -r).", r.replications);
  how += fmt::format(" Each KPI is estimated by its mean over replications with a Student-t 95 % CI. Replication r uses the "
                     "random-number streams of (seed {}, r), so every run with this seed and these replication numbers "
                     "sees the same people with the same needs (common random numbers, DESIGN §6.2).", r.seed);
  if (!compare_options(r).empty()) how += " Options are compared by paired differences option − base per replication.";
  out.push_back({"4.3", "Estimation approach", how});
}

void implementation(const RunRecord& r, std::vector<StressDesItem>& out) {
  out.push_back({"5.1", "Software or programming language",
                 fmt::format("pfsim {} (C++20); build: {}", r.pfsim_version.empty() ? "(version not recorded)" : r.pfsim_version,
                             recorded_or(r, "build", "Build type and compiler"))});
  out.push_back({"5.2", "Random sampling", recorded_or(r, "rng", "The random-number generator")});
  const std::string threads = meta(r, "threads"), seconds = meta(r, "run_seconds");
  out.push_back({"5.3", "Model execution",
                 fmt::format("Event scheduling (next-event time advance); replications run in parallel{}, each with its own "
                             "system and streams, gathered in replication order, so results are bit-identical for any number of "
                             "threads or processes (DESIGN §6.3). {}",
                             threads.empty() ? std::string() : fmt::format(" on {} thread(s) × {} process(es)", threads, meta(r, "processes")),
                             seconds.empty() ? std::string("Run time not recorded in this results file.")
                                             : fmt::format("Run time {} s (wall clock, including any warm-up pilot).", seconds))});
  const std::string platform = meta(r, "platform"), hardware = meta(r, "hardware_threads");
  out.push_back({"5.4", "System specification",
                 platform.empty() ? std::string("Not recorded in this results file.")
                                  : fmt::format("{}, {} hardware thread(s).", platform, hardware)});
}

}  // namespace

std::vector<StressDesItem> stress_des_items(const RunRecord& record, const StressDesInputs& inputs) {
  std::vector<StressDesItem> out;
  objectives(record, out);
  logic(record, inputs, out);
  data(record, inputs, out);
  experimentation(record, out);
  implementation(record, out);
  const std::string command = meta(record, "command_line");
  out.push_back({"6.1", "Computer model sharing statement",
                 fmt::format("{} To run it again: pfsim {}{}; the resolved scenario is embedded in the results file.",
                             kToComplete, record.pfsim_version,
                             command.empty() ? std::string() : fmt::format(", command: {}", command))});
  return out;
}

}  // namespace pfsim::output
