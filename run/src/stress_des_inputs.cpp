#include "pfsim/run/stress_des_inputs.hpp"

#include <algorithm>
#include <cctype>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "pfsim/run/embedded_scenario.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::run {
namespace {
namespace fs = std::filesystem;
using Module = output::StressDesInputs::Module;

// Which parts of the model the scenario switches on, and the patient stages (DESIGN §12) or effects each adds.
std::vector<Module> module_table(const scenario::Scenario& s) {
  const bool any_ae = std::any_of(s.sites.begin(), s.sites.end(), [](const auto& site) { return site.ae.has_value(); });
  const bool cubicles = std::any_of(s.sites.begin(), s.sites.end(), [](const auto& site) { return site.ae && site.ae->cubicles; });
  const bool minors = std::any_of(s.sites.begin(), s.sites.end(), [](const auto& site) { return site.ae && site.ae->minors; });
  std::string ae_detail = "InAe: arrivals by locality and age band, site choice, triage, the clinician queue";
  if (cubicles) ae_detail += ", cubicles";
  if (minors) ae_detail += ", a minors stream";
  if (s.ae.patience) ae_detail += ", leaving without being seen";
  return {
      {"A&E", any_ae, ae_detail},
      {"Acute beds", true, "AwaitingBed → InBed: emergency admissions (from A&E, SDEC and direct), length of stay, trolley waits"},
      {"Discharge pathways P0–P3", s.discharge.has_value(),
       "InBed → Delayed: assessment delay, then a place on the pathway (delayed transfers of care)"},
      {"Discharge timing", s.discharge && s.discharge->timing, "discharge hour and weekday profile"},
      {"Reablement (P1)", s.reablement.has_value(), "InReablement: capacity-limited packages, 91-day outcome"},
      {"Intermediate care (P2)", s.intermediate_care.has_value(), "InIntermediateCare: capacity-limited beds, DelayedNonAcute"},
      {"Care homes (P3)", s.care_homes.has_value(), "AwaitingCareHome → InCareHome: one bed pool, community referrals"},
      {"Readmission", s.readmission.has_value(), "AtHome → AwaitingBed: 30-day readmissions"},
      {"Primary care", s.primary_care.has_value(), "GP demand and unmet demand displaced to A&E"},
      {"Conditions", !s.admission.condition_shares.empty(), "falls and ambulatory-care-sensitive admissions"},
      {"Seasons", s.seasons.has_value(), "monthly factors on admission, length of stay, clinicians, assessment"},
      {"Winter", s.winter.has_value(), "winter demand, outbreaks closing beds, escalation beds, OPEL levels"},
      {"Routing", s.routing.has_value(), "patients treated away from their first-choice site, travel burden"},
      {"Virtual wards", s.virtual_wards.has_value(), "InVirtualWard: step-up from A&E and step-down from a bed"},
      {"Planned care", s.planned_care.has_value(), "RTT referrals, waiting lists, theatres, elective beds"},
      {"Ambulance", s.ambulance.has_value(), "conveyance, handover at A&E, category 1–2 response times"},
      {"Schemes", s.schemes.has_value(), "savings schemes with uncertain delivery (QIPP/BCF risk)"},
      {"Census warm start", s.census.has_value(), "the run starts from a census of people in place"},
  };
}

std::string meta(const output::RunRecord& r, std::string_view key) {
  for (const auto& [k, v] : r.extra_meta)
    if (k == key) return v;
  return {};
}

bool mentions_assumed(const std::string& line) {
  std::string lower = line;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("assumed") != std::string::npos;
}

std::string trimmed(const std::string& line) {
  const auto first = line.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = line.find_last_not_of(" \t\r");
  return line.substr(first, last - first + 1);
}

// "seeds/<file> L<line>" somewhere in `line`: "seeds/", a run of non-blanks, blanks, "L" and a digit. Plain scanning,
// not <regex>: GCC 12's <regex> trips -Wmaybe-uninitialized (an error here) under the sanitizer build.
bool cites_a_document(std::string_view line) {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  for (std::size_t at = line.find("seeds/"); at != std::string_view::npos; at = line.find("seeds/", at + 1)) {
    std::size_t i = at + 6;
    const std::size_t name = i;
    while (i < line.size() && !blank(line[i])) ++i;
    if (i == name) continue;
    const std::size_t gap = i;
    while (i < line.size() && blank(line[i])) ++i;
    if (i == gap || i + 1 >= line.size() || line[i] != 'L') continue;
    if (line[i + 1] >= '0' && line[i + 1] <= '9') return true;
  }
  return false;
}

// Every line of `file` that cites a planning document (seeds/<file> L<line>) or marks a value assumed.
void scan(const fs::path& file, std::vector<output::StressDesInputs::SourceLine>& out) {
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const bool cited = cites_a_document(line);
    if (cited || mentions_assumed(line)) out.push_back({file.string(), n, trimmed(line), !cited});
  }
}

std::string files_phrase(std::size_t n) { return n == 1 ? "1 file" : fmt::format("{} files", n); }

}  // namespace

output::StressDesInputs stress_des_inputs(const output::RunRecord& record) {
  output::StressDesInputs inputs;
  if (const auto scenario = embedded_scenario(record.scenario_yaml)) inputs.modules = module_table(*scenario);

  const std::string source = meta(record, "source_file");
  std::error_code ec;
  if (source.empty()) {
    inputs.sources_note = "The results file does not name its scenario file (/meta source_file), so no lines are listed.";
    return inputs;
  }
  if (!fs::is_regular_file(source, ec)) {
    inputs.sources_note = fmt::format("The results file names its scenario file {} (/meta source_file), which cannot be read "
                                      "from here; the cited and assumed lines are in its comments, which the results file "
                                      "does not embed. Export from the directory the run was made in to list them.",
                                      source);
    return inputs;
  }
  std::vector<fs::path> files{source};
  bool same = false;
  try {
    std::vector<fs::path> read;
    const scenario::Scenario now = loader::load_scenario(source, {}, read);
    files.clear();
    for (const fs::path& f : read)
      if (f.extension() == ".yaml" || f.extension() == ".yml") files.push_back(f);
    same = now.resolved_yaml == record.scenario_yaml;
  } catch (const std::exception&) {
    // The file no longer loads: its own lines can still be listed.
  }
  for (const fs::path& f : files) scan(f, inputs.sources);
  inputs.sources_note = fmt::format(
      "Read from {} ({}: the scenario and the files it extends or names) as they are now; the results file embeds the "
      "resolved scenario, not its comments. {}",
      source, files_phrase(files.size()),
      same ? "They still resolve to the embedded scenario, so the lines describe this run."
           : "They no longer resolve to exactly the embedded scenario (edited since the run, or the run used --set), so "
             "check the lines against /meta/scenario_yaml.");
  return inputs;
}

}  // namespace pfsim::run
