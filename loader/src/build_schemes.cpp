// schemes: [{file: schemes/x.yaml}, ...] plus qipp_target_gbp, scheme_tariff and kpi_targets (DESIGN §3, README
// "Schemes and QIPP risk"). Each scheme file is parsed on its own (by the read step, includes.hpp), so every error
// names the scheme file's line.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"
#include "limits.hpp"
#include "includes.hpp"
#include "pfsim/engine/time.hpp"
#include "pfsim/scenario/kpi_catalogue.hpp"

namespace pfsim::loader::detail {
namespace {

using scenario::SchemeTarget;
constexpr double kMaxEffectMultiplier = 10.0;
constexpr double kMaxGbp = 1e12;
constexpr std::size_t kMaxSchemes = 10'000;

struct Context {
  const scenario::Population& population;
  const std::vector<scenario::Site>& sites;
  const scenario::Scenario& scenario;
};

enum class Kind { Rate, Probability, Duration, Share, Hazards, Capacity };

Kind kind_of(SchemeTarget t) {
  switch (t) {
    case SchemeTarget::AeAttendances:
    case SchemeTarget::DirectAdmissions:
    case SchemeTarget::CareHomeCommunity:
    case SchemeTarget::ElectiveReferrals: return Kind::Rate;
    case SchemeTarget::ElectiveAdmittedShare:
    case SchemeTarget::AmbulanceConveyance:
    case SchemeTarget::AdmitProbability:
    case SchemeTarget::Readmission30d:
    case SchemeTarget::WeekendDischarge:
    case SchemeTarget::DischargeBeforeNoon: return Kind::Probability;
    case SchemeTarget::Los:
    case SchemeTarget::AssessmentDelay: return Kind::Duration;
    case SchemeTarget::PathwayShare: return Kind::Share;
    case SchemeTarget::ReablementHazards:
    case SchemeTarget::IntermediateCareHazards: return Kind::Hazards;
    default: return Kind::Capacity;
  }
}

// Which filters a target accepts (a filter the model cannot apply at that point is an error, not ignored).
std::vector<std::string_view> filters_of(SchemeTarget t) {
  switch (t) {
    case SchemeTarget::DirectAdmissions: return {"locality", "age_band", "condition"};
    case SchemeTarget::AdmitProbability: return {"locality", "age_band", "site", "condition"};
    case SchemeTarget::AeAttendances:
    case SchemeTarget::CareHomeCommunity:
    case SchemeTarget::ElectiveReferrals: return {"locality", "age_band"};
    case SchemeTarget::AssessmentDelay: return {"locality", "age_band", "site", "pathway"};
    case SchemeTarget::PathwayShare: return {"locality", "age_band", "site", "pathway", "to"};
    case SchemeTarget::WeekendDischarge:
    case SchemeTarget::GeneralBeds:
    case SchemeTarget::VirtualWardCapacity: return {"site"};
    case SchemeTarget::ReablementCapacity:
    case SchemeTarget::IntermediateCareCapacity:
    case SchemeTarget::CareHomeBeds: return {};
    default: return {"locality", "age_band", "site"};
  }
}

std::vector<std::string> names_of(const std::vector<scenario::Site>& sites) {
  std::vector<std::string> out;
  for (const auto& s : sites) out.push_back(s.name);
  return out;
}
std::vector<std::string> names_of(const std::vector<scenario::Locality>& localities) {
  std::vector<std::string> out;
  for (const auto& l : localities) out.push_back(l.name);
  return out;
}

// One name or a list of names, each one of `names` ("did you mean" otherwise); returns indices.
std::vector<std::size_t> read_names(const At& at, const std::vector<std::string>& names, std::string_view what) {
  std::vector<At> items;
  if (at.node().kind == SourceNode::Kind::List) items = at.items();
  else items.push_back(at);
  std::vector<std::size_t> out;
  for (const At& item : items) {
    const std::string text = read_string(item);
    const auto it = std::find(names.begin(), names.end(), text);
    if (it == names.end()) item.fail(fmt::format("unknown {} \"{}\"", what, shorten(text)), suggestion_hint(text, names, what));
    out.push_back(static_cast<std::size_t>(it - names.begin()));
  }
  return out;
}

int read_pathway(const At& at, int lowest) {
  const std::string text = read_string(at);
  static const std::vector<std::string> all = {"P0", "P1", "P2", "P3"};
  const std::vector<std::string> allowed(all.begin() + lowest, all.end());
  const auto it = std::find(allowed.begin(), allowed.end(), text);
  if (it == allowed.end()) at.fail(fmt::format("unknown pathway \"{}\"", shorten(text)), suggestion_hint(text, allowed, "pathways"));
  return lowest + static_cast<int>(it - allowed.begin());
}

// A signed duration such as "-12h" or "1d" (minutes).
double read_signed_duration(const At& at) {
  const SourceNode& node = at.node();
  if (node.kind != SourceNode::Kind::Scalar)
    at.fail(fmt::format("expected a duration such as \"-1d\", got {}", describe(node)), "durations need a unit: min, h, d or w");
  std::string_view text = node.text;
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  try {
    const double minutes = engine::parse_duration(text);
    return negative ? -minutes : minutes;
  } catch (const engine::DistributionError& e) {
    at.fail(e.what(), e.hint());
  } catch (const std::exception& e) {
    at.fail(fmt::format("{} in \"{}\"", e.what(), shorten(node.text)), "durations need a unit: min, h, d or w");
  }
}

scenario::SchemeEffect read_effect(const At& at, const Context& c) {
  at.expect_map("effect settings (target, multiplier or delta, filters)");
  at.check_keys({"target", "multiplier", "delta", "locality", "age_band", "site", "pathway", "to", "condition"});
  scenario::SchemeEffect e;
  const At target = at.require("target", "add e.g. `target: ae.attendances`");
  const std::string target_text = read_string(target);
  const std::vector<std::string> targets(scenario::kSchemeTargetNames.begin(), scenario::kSchemeTargetNames.end());
  const auto it = std::find(targets.begin(), targets.end(), target_text);
  if (it == targets.end())
    target.fail(fmt::format("unknown target \"{}\"", shorten(target_text)), suggestion_hint(target_text, targets, "targets"));
  e.target = static_cast<SchemeTarget>(it - targets.begin());
  const Kind kind = kind_of(e.target);

  const auto allowed = filters_of(e.target);
  for (const auto& entry : at.node().entries) {
    const bool is_filter = entry.key == "locality" || entry.key == "age_band" || entry.key == "site" || entry.key == "pathway" ||
                           entry.key == "to" || entry.key == "condition";
    if (is_filter && std::find(allowed.begin(), allowed.end(), entry.key) == allowed.end())
      fail_at_key(entry, at.child_path(entry.key), fmt::format("target {} cannot be filtered by {}", target_text, entry.key),
                  allowed.empty() ? "remove the filter: this target has no filters"
                                  : fmt::format("filters allowed for this target: {}", fmt::join(allowed, ", ")));
  }
  if (auto v = at.get("locality")) e.filter.localities = read_names(*v, names_of(c.population.localities), "locality");
  if (auto v = at.get("age_band")) e.filter.bands = read_names(*v, c.population.age_bands, "age band");
  if (auto v = at.get("site")) e.filter.sites = read_names(*v, names_of(c.sites), "site");
  if (auto v = at.get("condition")) {
    if (c.scenario.admission.condition_shares.empty())
      v->fail("a condition filter needs the scenario's admission.conditions",
              "add `conditions:` under `admission:` (shares of falls, acsc_chronic, acsc_urgent by age band), or remove the filter");
    const std::vector<std::string> names(scenario::kConditionNames.begin(), scenario::kConditionNames.end());
    for (std::size_t k : read_names(*v, names, "condition")) e.filter.conditions.push_back(static_cast<scenario::Condition>(k + 1));
  }
  if (auto v = at.get("pathway")) {
    std::vector<At> items;
    if (v->node().kind == SourceNode::Kind::List) items = v->items();
    else items.push_back(*v);
    for (const At& item : items) e.filter.pathways.push_back(read_pathway(item, 1));
  }
  if (e.target == SchemeTarget::PathwayShare) {
    if (e.filter.pathways.empty()) at.fail("discharge.pathway_share needs `pathway:`", "add e.g. `pathway: P3` (the share to change)");
    if (auto v = at.get("to")) e.to_pathway = read_pathway(*v, 0);
    for (int p : e.filter.pathways)
      if (p == e.to_pathway)
        at.require("pathway").fail(fmt::format("pathway P{} is also `to`", p), "the share moves between two different pathways");
  }

  const auto multiplier = at.get("multiplier");
  const auto delta = at.get("delta");
  if (multiplier && delta) delta->fail("give either multiplier or delta, not both", "one effect changes a value one way");
  if (!multiplier && !delta) at.fail("missing multiplier or delta", "add e.g. `multiplier: 0.95` (−5 % at full delivery)");
  if (multiplier) {
    if (kind == Kind::Rate)
      e.multiplier = read_number_in(*multiplier, 0.0, 1.0, "a scheme can cut a rate (multiplier ≤ 1), not raise it");
    else
      e.multiplier = read_number_in(*multiplier, 0.0, kMaxEffectMultiplier, "a multiplier above 10 is not plausible for a scheme");
    return e;
  }
  e.is_delta = true;
  switch (kind) {
    case Kind::Rate:
    case Kind::Hazards:
      delta->fail(fmt::format("target {} takes a multiplier, not a delta", target_text), "write e.g. `multiplier: 0.9`");
    case Kind::Probability:
    case Kind::Share: e.delta = read_number_in(*delta, -1.0, 1.0); break;
    case Kind::Duration: e.delta = read_signed_duration(*delta); break;
    case Kind::Capacity:
      e.delta = static_cast<double>(read_integer(*delta, -kMaxCapacity, kMaxCapacity, "a change in whole beds or packages"));
      break;
  }
  return e;
}

// Checks that the module a target changes exists in the scenario.
void check_target_module(const At& at, const scenario::SchemeEffect& e, const Context& c) {
  const scenario::Scenario& s = c.scenario;
  const char* missing = nullptr;
  switch (e.target) {
    case SchemeTarget::CareHomeCommunity:
    case SchemeTarget::CareHomeBeds: missing = s.care_homes ? nullptr : "care_homes"; break;
    case SchemeTarget::VirtualWardCapacity: missing = s.virtual_wards ? nullptr : "virtual_wards"; break;
    case SchemeTarget::ElectiveReferrals:
    case SchemeTarget::ElectiveAdmittedShare: missing = s.planned_care ? nullptr : "planned_care"; break;
    case SchemeTarget::AmbulanceConveyance: missing = s.ambulance ? nullptr : "ambulance"; break;
    case SchemeTarget::Readmission30d: missing = s.readmission ? nullptr : "readmission"; break;
    case SchemeTarget::AssessmentDelay:
    case SchemeTarget::PathwayShare: missing = s.discharge ? nullptr : "discharge"; break;
    case SchemeTarget::WeekendDischarge:
      missing = (s.winter && s.winter->discharge) || (s.discharge && s.discharge->timing) ? nullptr : "discharge.timing` or `winter.discharge";
      break;
    case SchemeTarget::DischargeBeforeNoon: missing = s.discharge && s.discharge->timing ? nullptr : "discharge.timing"; break;
    case SchemeTarget::ReablementHazards:
    case SchemeTarget::ReablementCapacity: missing = s.reablement ? nullptr : "reablement"; break;
    case SchemeTarget::IntermediateCareHazards:
    case SchemeTarget::IntermediateCareCapacity: missing = s.intermediate_care ? nullptr : "intermediate_care"; break;
    default: break;
  }
  if (missing)
    at.require("target").fail(fmt::format("target {} needs the scenario's `{}` section", scenario::kSchemeTargetNames[static_cast<std::size_t>(e.target)], missing),
                              "add the section to the scenario, or drop this effect");
}

// Beta prior: {a, b} or {mean, sd}; a degenerate prior is {fixed: f}.
scenario::DeliveryPrior read_prior(const At& at) {
  at.expect_map("a delivery prior: {a: 2, b: 3}, {mean: 0.6, sd: 0.2} or {fixed: 1}");
  at.check_keys({"a", "b", "mean", "sd", "fixed"});
  scenario::DeliveryPrior p;
  if (auto fixed = at.get("fixed")) {
    if (at.node().entries.size() > 1) at.fail("`fixed` stands alone", "a degenerate prior is just `{fixed: 0.8}`");
    p.fixed = read_probability(*fixed);
    return p;
  }
  // {a, b} and {mean, sd} are two ways to write one Beta: given together, one of them would be ignored.
  if ((at.get("a") || at.get("b")) && (at.get("mean") || at.get("sd")))
    at.fail("give the prior as {a, b} or as {mean, sd}, not both", "keep one form, e.g. `{mean: 0.6, sd: 0.2}`");
  if (auto a = at.get("a")) {
    p.a = read_number_in(*a, 1e-3, 1e6);
    p.b = read_number_in(at.require("b", "add `b:` (Beta(a, b))"), 1e-3, 1e6);
    return p;
  }
  const At mean_at = at.require("mean", "give `{a, b}`, `{mean, sd}` or `{fixed}`");
  const double mean = read_probability(mean_at);
  const At sd_at = at.require("sd", "add `sd:` (spread of the delivered fraction)");
  const double sd = read_number_in(sd_at, 0.0, 0.5);
  if (sd == 0 || mean <= 0 || mean >= 1) {
    p.fixed = mean;
    return p;
  }
  if (sd * sd >= mean * (1 - mean))
    sd_at.fail(fmt::format("sd {} is too large for a Beta with mean {} (needs sd² < mean·(1 − mean))", show(sd), show(mean)),
               "choose a smaller sd");
  const double k = mean * (1 - mean) / (sd * sd) - 1;
  p.a = mean * k;
  p.b = (1 - mean) * k;
  return p;
}

struct SchemeFile {
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, scenario::DeliveryPrior>>>> tables;
};

scenario::DeliveryPrior read_delivery(const At& at, const SchemeFile& file, std::string& label) {
  at.expect_map("delivery: {stage: in_progress}, {rag: amber}, {beta: {a: 2, b: 3}} or {fixed: 1}");
  at.check_keys({"stage", "rag", "beta", "fixed"});
  if (at.node().entries.size() != 1) at.fail("give exactly one of stage, rag, beta or fixed", "e.g. `delivery: {stage: in_progress}`");
  if (auto fixed = at.get("fixed")) {
    scenario::DeliveryPrior p;
    p.fixed = read_probability(*fixed);
    label = fmt::format("fixed {}", show(p.fixed));
    return p;
  }
  if (auto beta = at.get("beta")) {
    scenario::DeliveryPrior p = read_prior(*beta);
    label = p.degenerate() ? fmt::format("fixed {}", show(p.fixed)) : fmt::format("beta({:.3g}, {:.3g})", p.a, p.b);
    return p;
  }
  const At& entry = at;
  const std::string table_name = at.node().entries.front().key;
  const At value = *entry.get(table_name);
  const std::string key = read_string(value);
  for (const auto& [name, rows] : file.tables) {
    if (name != table_name) continue;
    std::vector<std::string> keys;
    for (const auto& [k, prior] : rows) {
      if (k == key) {
        label = fmt::format("{} {}", table_name, key);
        return prior;
      }
      keys.push_back(k);
    }
    value.fail(fmt::format("unknown {} \"{}\"", table_name, shorten(key)), suggestion_hint(key, keys, fmt::format("{} values in delivery_priors.{}", table_name, table_name)));
  }
  value.fail(fmt::format("the scheme file has no delivery_priors.{} table", table_name),
             fmt::format("add `delivery_priors: {{{}: {{{}: {{mean: 0.6, sd: 0.2}}}}}}`", table_name, key));
}

scenario::Scheme read_scheme(const At& at, const SchemeFile& file, const std::vector<std::string>& groups, const Context& c) {
  at.expect_map("scheme settings (name, delivery, effects, ...)");
  at.check_keys({"name", "owner", "area", "source", "cost_gbp", "value_gbp", "start", "ramp_up", "delivery", "group", "effects"});
  scenario::Scheme s;
  s.name = read_string(at.require("name", "add `name: ...` (unique across the scenario's scheme files)"));
  if (s.name.find('\n') != std::string::npos) at.require("name").fail("a scheme name cannot contain a line break", "write it on one line");
  if (auto v = at.get("owner")) s.owner = read_string(*v);
  if (auto v = at.get("area")) s.area = read_string(*v);
  if (auto v = at.get("source")) s.source = read_string(*v);
  if (auto v = at.get("cost_gbp")) s.cost_gbp = read_number_in(*v, 0.0, kMaxGbp);
  if (auto v = at.get("value_gbp")) s.value_gbp = read_number_in(*v, -kMaxGbp, kMaxGbp);
  if (auto v = at.get("start")) {
    s.start = read_date(*v, "write the start as YYYY-MM-DD, e.g. 2019-10-01");
  } else {
    s.start = c.scenario.run.start_date;
  }
  if (auto v = at.get("ramp_up")) s.ramp_up = read_signed_duration(*v);
  if (s.ramp_up < 0) at.require("ramp_up").fail("ramp_up must not be negative", "e.g. `ramp_up: 12w`");
  s.prior = read_delivery(at.require("delivery", "add e.g. `delivery: {stage: in_progress}`"), file, s.delivery_label);
  if (auto v = at.get("group")) {
    const std::string g = read_string(*v);
    const auto it = std::find(groups.begin(), groups.end(), g);
    if (it == groups.end()) v->fail(fmt::format("unknown correlation group \"{}\"", shorten(g)), suggestion_hint(g, groups, "groups in `groups:`"));
    s.group = static_cast<int>(it - groups.begin());
  }
  if (auto effects = at.get("effects"))
    for (const At& item : effects->items()) {
      s.effects.push_back(read_effect(item, c));
      check_target_module(item, s.effects.back(), c);
    }
  return s;
}

void load_scheme_file(const At& file_at, scenario::SchemeSettings& settings, std::vector<std::pair<std::string, Origin>>& seen,
                      const Context& c) {
  const std::string relative = read_string(file_at);
  const IncludedFile& included = included_file(file_at);
  const std::filesystem::path& path = included.path;
  if (included.problem)
    file_at.fail(fmt::format("cannot read scheme file \"{}\" ({}): {}", relative, path.string(), *included.problem),
                 "the path is relative to the directory of the scenario file that names it");
  const SourceNode& root = included.content;
  const At top(root, "", "");
  if (root.kind == SourceNode::Kind::Null) top.fail("the scheme file is empty", "a scheme file starts with `pfsim_schemes: 1`");
  top.expect_map("scheme file settings (pfsim_schemes, delivery_priors, groups, schemes)");
  top.check_keys({"pfsim_schemes", "name", "source", "delivery_priors", "groups", "schemes"});
  const At version = top.require("pfsim_schemes", "add `pfsim_schemes: 1` as the first line");
  if (version.node().kind != SourceNode::Kind::Scalar || version.node().text != "1")
    version.fail(fmt::format("unsupported scheme file version {}", describe(version.node())), "this pfsim reads `pfsim_schemes: 1`");

  SchemeFile file;
  if (auto tables = top.get("delivery_priors")) {
    tables->expect_map("tables of delivery priors, e.g. {stage: {implemented: {mean: 0.9, sd: 0.05}}}");
    tables->check_keys({"stage", "rag"});
    for (const auto& [entry, table] : tables->entries()) {
      table.expect_map(fmt::format("{} → prior", entry->key));
      auto& rows = file.tables.emplace_back(entry->key, std::vector<std::pair<std::string, scenario::DeliveryPrior>>{}).second;
      for (const auto& [row, prior] : table.entries()) rows.emplace_back(row->key, read_prior(prior));
    }
  }
  std::vector<std::string> group_names;
  for (const auto& g : settings.groups) group_names.push_back(g.name);
  if (auto groups = top.get("groups")) {
    groups->expect_map("correlation groups: name → correlation in [0, 1]");
    for (const auto& [entry, value] : groups->entries()) {
      if (std::find(group_names.begin(), group_names.end(), entry->key) != group_names.end())
        fail_at_key(*entry, value.path(), fmt::format("correlation group \"{}\" is defined twice", shorten(entry->key)),
                    "define each group once, in one scheme file");
      settings.groups.push_back(scenario::SchemeGroup{entry->key, read_probability(value)});
      group_names.push_back(entry->key);
    }
  }
  for (const At& item : top.require("schemes", "add `schemes:` with at least one scheme").items()) {
    if (settings.schemes.size() >= kMaxSchemes) item.fail(fmt::format("more than {} schemes", kMaxSchemes), "split the scenario");
    if (item.node().kind == SourceNode::Kind::Map)
      if (const auto name = item.get("name")) {
        // Names are unique across all the scenario's scheme files, so the first one may be in another file: name it.
        const std::string text = read_string(*name);
        for (const auto& [other, first] : seen)
          if (other == text)
            name->fail(fmt::format("duplicate scheme name \"{}\" (first at {})", shorten(text),
                                   first.file_name() == name->origin().file_name() ? fmt::format("line {}", first.line)
                                                                                   : fmt::format("{}:{}", first.file_name(), first.line)),
                       "each scheme needs its own name");
        seen.emplace_back(text, name->origin());
      }
    settings.schemes.push_back(read_scheme(item, file, group_names, c));
    settings.schemes.back().source = settings.schemes.back().source.empty() ? path.string() : settings.schemes.back().source;
  }
}

}  // namespace

void build_schemes(const At& top, scenario::Scenario& scenario) {
  const Context c{scenario.population, scenario.sites, scenario};
  const auto schemes = top.get("schemes");
  if (!schemes) {
    for (const char* key : {"qipp_target_gbp", "scheme_tariff", "kpi_targets"})
      if (auto v = top.get(key)) v->fail(fmt::format("{} needs a `schemes:` list", key), "add `schemes: [{file: schemes/....yaml}]` or remove the key");
    return;
  }
  scenario::SchemeSettings settings;
  std::vector<std::pair<std::string, Origin>> seen;
  for (const At& item : schemes->items()) {
    item.expect_map("a scheme file reference, e.g. {file: schemes/bcf-2019-20.yaml}");
    item.check_keys({"file"});
    load_scheme_file(item.require("file", "add `file: schemes/....yaml`"), settings, seen, c);
  }
  if (auto v = top.get("qipp_target_gbp")) settings.qipp_target_gbp = read_number_in(*v, 0.0, kMaxGbp);
  if (auto tariff = top.get("scheme_tariff")) {
    tariff->expect_map("£ per unit of activity (per_attendance_avoided, per_admission_avoided, per_bed_day_saved)");
    tariff->check_keys({"per_attendance_avoided", "per_admission_avoided", "per_bed_day_saved"});
    if (auto v = tariff->get("per_attendance_avoided")) settings.tariff.per_attendance_avoided = read_number_in(*v, 0.0, 1e7);
    if (auto v = tariff->get("per_admission_avoided")) settings.tariff.per_admission_avoided = read_number_in(*v, 0.0, 1e7);
    if (auto v = tariff->get("per_bed_day_saved")) settings.tariff.per_bed_day_saved = read_number_in(*v, 0.0, 1e7);
  }
  if (auto targets = top.get("kpi_targets")) {
    targets->expect_map("KPI name → {max: value} or {min: value}");
    for (const auto& [entry, value] : targets->entries()) {
      value.expect_map("{max: value} (met when the KPI is at most value) or {min: value}");
      value.check_keys({"max", "min"});
      scenario::KpiTarget t;
      t.kpi = entry->key;
      const std::vector<std::string> names = scenario::kpi_names();
      if (std::find(names.begin(), names.end(), t.kpi) == names.end())
        fail_at_key(*entry, targets->child_path(t.kpi), fmt::format("unknown KPI \"{}\"", shorten(t.kpi)),
                    suggestion_hint(t.kpi, names, "KPIs"));
      t.file = entry->key_origin.file_name();
      t.line = entry->key_origin.line;
      t.column = entry->key_origin.column;
      const auto max = value.get("max");
      const auto min = value.get("min");
      // A target is one bound: with both, one of them used to be dropped without a word.
      if (max && min) min->fail("give max or min, not both", "a target is met when the KPI is at most `max` or at least `min`; keep one");
      if (!max && !min)
        value.fail("missing \"max\" or \"min\"", "add `max: VALUE` (met when the KPI is at most VALUE) or `min: VALUE`");
      if (max) t.value = read_number(*max);
      else {
        t.value = read_number(*min);
        t.at_most = false;
      }
      settings.kpi_targets.push_back(std::move(t));
    }
  }
  scenario.schemes = std::move(settings);
}

}  // namespace pfsim::loader::detail
