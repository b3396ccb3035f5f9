// The top level: which sections exist, which are required, and the order they are validated in
// (population before anything "per band", sites before site_choice).
#include <algorithm>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"
#include "pfsim/scenario/kpi_catalogue.hpp"

namespace pfsim::loader::detail {

void check_schema_version(const At& top) {
  // A scheme file given where a scenario is expected would otherwise only say `missing required key "pfsim"`.
  if (!top.get("pfsim") && top.get("pfsim_schemes"))
    top.fail("this is a scheme file (`pfsim_schemes: 1`), not a scenario",
             "name it from a scenario's `schemes:` list (- file: THIS.yaml) and validate or run that scenario");
  const At version = top.require("pfsim", "add `pfsim: 1` as the first line (the scenario schema version)");
  const SourceNode& node = version.node();
  if (node.kind == SourceNode::Kind::Scalar && (node.text == "1" || node.text == "1.0")) return;
  version.fail(fmt::format("unsupported schema version {}", describe(node)), "this pfsim reads `pfsim: 1`");
}

namespace {

// An add-on module's section, or nothing when it is absent or null: `planned_care: null` in a file that extends
// another (or `--set planned_care=null`) leaves out the module the base file has, since a merge cannot delete a key.
std::optional<At> module_section(const At& top, std::string_view key) {
  auto section = top.get(key);
  if (section && section->node().kind == SourceNode::Kind::Null) return std::nullopt;
  return section;
}

// The scenario key that turns a KPI module on (for messages).
std::string_view module_key(scenario::KpiModule module) {
  switch (module) {
    case scenario::KpiModule::VirtualWards: return "virtual_wards:";
    case scenario::KpiModule::PlannedCare: return "planned_care:";
    case scenario::KpiModule::Conditions: return "admission.conditions:";
    case scenario::KpiModule::Ambulance: return "ambulance:";
    case scenario::KpiModule::Always: break;
  }
  return "";
}

// headline_kpis: [name, ...]: KPIs of the catalogue that this scenario writes (a module's KPI needs the module).
std::vector<std::string> read_headline_kpis(const At& at, const scenario::Scenario& s) {
  if (at.node().kind != SourceNode::Kind::List) at.fail("expected a list of KPI names", "e.g. `headline_kpis: [ae_4h_pct, nctr_midnight]`");
  const std::vector<std::string> names = scenario::kpi_names();
  std::vector<std::string> out;
  for (const At& item : at.items()) {
    const std::string name = read_string(item);
    const scenario::KpiInfo* info = scenario::find_kpi_info(name);
    if (!info) item.fail(fmt::format("unknown KPI \"{}\"", shorten(name)), suggestion_hint(name, names, "KPIs"));
    if (!scenario::kpi_written(*info, s))
      item.fail(fmt::format("KPI \"{}\" is not written by this scenario", name),
                fmt::format("it needs `{}`: add that section, or remove the KPI from headline_kpis (restate the list in "
                            "your file if it is inherited)", module_key(info->module)));
    if (std::find(out.begin(), out.end(), name) != out.end()) item.fail(fmt::format("KPI \"{}\" is listed twice", name), "list each KPI once");
    out.push_back(name);
  }
  return out;
}

}  // namespace

scenario::Scenario build_scenario(const SourceNode& root) {
  const At top(root, "", "");
  top.expect_map("scenario settings (pfsim, name, run, ...)");
  top.check_keys({"pfsim", "name", "extends", "run", "population", "sites", "ae", "admission", "discharge",
                  "reablement", "intermediate_care", "care_homes", "readmission", "primary_care", "seasons", "winter",
                  "calibration", "parameter_uncertainty", "schemes", "qipp_target_gbp", "scheme_tariff", "kpi_targets", "census", "routing",
                  "virtual_wards", "planned_care", "ambulance", "headline_kpis"});
  check_schema_version(top);

  scenario::Scenario scenario;
  scenario.name = read_string(top.require("name", "add `name: ...` (shown in reports)"));
  scenario.run = build_run(top.require("run", "add `run: {start_date: 2019-04-01, days: 365}`"));
  scenario.population = build_population(top.require("population", "add `population:` with age_bands and localities"));
  scenario.sites = build_sites(top.require("sites", "add `sites:` with at least one site"));
  scenario.ae = build_ae(top.require("ae", "add `ae:` with attendance rates, site_choice and outcomes"), scenario.population,
                         scenario.sites);
  scenario.admission = build_admission(top.require("admission", "add `admission:` with `los:` per age band"), scenario.population);
  if (auto discharge = top.get("discharge")) scenario.discharge = build_discharge(*discharge, scenario.population);
  if (auto reablement = top.get("reablement")) scenario.reablement = build_downstream(*reablement, scenario.population);
  if (auto intermediate = top.get("intermediate_care")) scenario.intermediate_care = build_downstream(*intermediate, scenario.population);
  if (auto care_homes = top.get("care_homes")) scenario.care_homes = build_care_homes(*care_homes);
  if (auto readmission = top.get("readmission")) scenario.readmission = build_readmission(*readmission, scenario.population);
  if (auto primary_care = top.get("primary_care")) scenario.primary_care = build_primary_care(*primary_care, scenario.population);
  if (auto seasons = top.get("seasons")) scenario.seasons = build_seasons(*seasons, scenario.population, scenario.sites);
  if (auto winter = module_section(top, "winter")) scenario.winter = build_winter(*winter, scenario.population, scenario.sites);
  if (auto routing = top.get("routing")) scenario.routing = build_routing(*routing, scenario.population, scenario.sites);
  if (auto wards = module_section(top, "virtual_wards")) scenario.virtual_wards = build_virtual_wards(*wards, scenario.population, scenario.sites);
  if (auto planned = module_section(top, "planned_care")) scenario.planned_care = build_planned_care(*planned, scenario);
  if (auto ambulance = module_section(top, "ambulance")) scenario.ambulance = build_ambulance(*ambulance, scenario);
  build_schemes(top, scenario);  // schemes, qipp_target_gbp, scheme_tariff, kpi_targets (build_schemes.cpp)
  if (auto census = module_section(top, "census")) scenario.census = build_census(*census, scenario);
  if (auto headline = top.get("headline_kpis")) scenario.headline_kpis = read_headline_kpis(*headline, scenario);
  // Checked here so a bad section fails validate/run too; its content is for `pfsim calibrate` only.
  if (auto calibration = top.get("calibration")) (void)build_calibration(*calibration, root);
  // Likewise for `pfsim run --parameter-uncertainty` only (DESIGN §6.5).
  if (auto uncertainty = top.get("parameter_uncertainty")) (void)build_parameter_uncertainty(*uncertainty, root);
  return scenario;
}

}  // namespace pfsim::loader::detail
