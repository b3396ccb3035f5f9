// The run's settings, the scenario's sites and localities, and the scenario text: what a reader needs to know what
// was simulated and to run it again.
#include <optional>

#include <fmt/format.h>

#include "pfsim/output/svg.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

using svg::escape_xml;
using svg::number;

std::string optional_number(const std::optional<double>& v) { return v ? number(*v, 0) : std::string(); }

}  // namespace

std::string run_section(const Context& c) {
  const RunRecord& r = c.record;
  std::string rows;
  const auto row = [&rows](std::string_view key, const std::string& value) {
    if (!value.empty()) rows += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n", key, escape_xml(value));
  };
  row("Scenario", r.scenario_name);
  const std::string last = end_date(r);
  row("Measured period", last.empty() ? r.start_date : fmt::format("{} to {} ({} days)", r.start_date, last, r.days));
  row("Warm-up", fmt::format("{} days before the start date, excluded from every KPI", r.warmup_days));
  row("Replications", fmt::format("{}", r.replications));
  row("Seed", fmt::format("{}", r.seed));
  row("pfsim version", r.pfsim_version);
  row("Results created", r.created);
  for (const auto& [key, value] : r.extra_meta) row(key, value);
  row("Results file", c.options.results_file);
  row("Report generated", c.options.generated);
  return fmt::format("<table class=\"meta-table\">\n{}</table>\n", rows);
}

std::string scenario_section(const Context& c) {
  const RunRecord& r = c.record;
  const ScenarioSummary& s = c.options.scenario;
  std::string out;
  // Sites: beds from the scenario when the caller could read them, else the names the results list.
  std::vector<ScenarioSummary::Site> sites = s.sites;
  if (sites.empty())
    for (const std::string& name : r.site_names) sites.push_back({name, std::nullopt, std::nullopt});
  if (!sites.empty()) {
    out += "<h3>Sites</h3>\n<table class=\"site-table\"><thead><tr><th scope=\"col\">Site</th>"
           "<th scope=\"col\" class=\"num\">General &amp; acute beds</th><th scope=\"col\" class=\"num\">Escalation beds</th>"
           "</tr></thead><tbody>\n";
    for (const auto& site : sites)
      out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n", escape_xml(site.name),
                         optional_number(site.general_beds), optional_number(site.escalation_beds));
    out += "</tbody></table>\n";
  }
  std::vector<ScenarioSummary::Locality> localities = s.localities;
  if (localities.empty())
    for (const std::string& name : r.locality_names) localities.push_back({name, {}, std::nullopt});
  if (!localities.empty()) {
    double total = 0;
    bool all_known = true;
    out += "<h3>Localities</h3>\n<table class=\"locality-table\"><thead><tr><th scope=\"col\">Locality</th>"
           "<th scope=\"col\">Area</th><th scope=\"col\" class=\"num\">Population (start)</th></tr></thead><tbody>\n";
    for (const auto& locality : localities) {
      out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n", escape_xml(locality.name),
                         escape_xml(locality.area), optional_number(locality.people));
      if (locality.people) total += *locality.people;
      else all_known = false;
    }
    out += "</tbody>";
    if (all_known)
      out += fmt::format("<tfoot><tr><th scope=\"row\">Total</th><td></td><td class=\"num\">{}</td></tr></tfoot>", number(total, 0));
    out += "</table>\n";
  }
  if (!s.age_bands.empty()) {
    std::string bands;
    for (const auto& b : s.age_bands) bands += (bands.empty() ? "" : ", ") + escape_xml(b);
    out += fmt::format("<p>Age bands: {}.</p>\n", bands);
  }
  return out;
}

std::string scenario_text_section(const Context& c) {
  if (c.record.scenario_yaml.empty()) return {};
  return fmt::format("<details><summary>Resolved scenario (YAML, after <code>extends</code> and <code>--set</code>), "
                     "enough to rerun</summary>\n<pre class=\"yaml\">{}</pre>\n</details>\n", escape_xml(c.record.scenario_yaml));
}

}  // namespace pfsim::output
