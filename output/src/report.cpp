// The HTML report (issue 9). The page is a list of sections; each is one function from the record to HTML that
// returns "" when the file has no data for it, so a new kind of result (e.g. /schemes → a tornado plot, /compare →
// a forest plot) is one more function in kSections.
#include "pfsim/output/report.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <span>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

#include "pfsim/engine/rng.hpp"
#include "pfsim/engine/stats.hpp"
#include "pfsim/output/error.hpp"
#include "pfsim/output/svg.hpp"
#include "pfsim/scenario/kpi_catalogue.hpp"
#include "pfsim/output/svg_charts.hpp"

namespace pfsim::output {
namespace {

using svg::escape_xml;
using svg::number;

struct Context {
  const RunRecord& record;
  const ReportOptions& options;
};

struct Section {
  std::string_view id, heading;
  std::string (*render)(const Context&);
};

// The plain-language title a commissioner knows a KPI or series by, from the catalogue; empty when it has none.
std::string_view known_title(std::string_view name) {
  const scenario::KpiInfo* info = scenario::find_kpi_info(name);
  return info ? info->title : std::string_view{};
}

bool is_headline(std::string_view name) {
  const scenario::KpiInfo* info = scenario::find_kpi_info(name);
  return info && info->headline;
}

std::string title_for(const std::string& name, const std::string& description) {
  const std::string_view known = known_title(name);
  if (!known.empty()) return std::string(known);
  std::string title = description.empty() ? name : description;
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 'a' + 'A');
  return title;
}

std::string axis_title(const std::string& title, const std::string& units) {
  return units.empty() ? title : fmt::format("{} ({})", title, units);
}

// ---- run and scenario -------------------------------------------------------------------------------------

std::string end_date(const RunRecord& r) {
  const auto start = svg::parse_date(r.start_date);
  if (!start || r.days <= 0) return {};
  return svg::format_date(*start + r.days - 1);
}

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

std::string optional_number(const std::optional<double>& v) { return v ? number(*v, 0) : std::string(); }

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

// ---- KPIs -------------------------------------------------------------------------------------------------

std::string kpi_section(const Context& c) {
  if (c.record.kpis.empty()) return {};
  std::string out =
      "<p>Each KPI over replications: the mean, its 95 % confidence interval (Student t), and the 5th, 50th and 95th "
      "percentiles of the replication values.</p>\n<table class=\"kpi-table\"><thead><tr><th scope=\"col\">KPI</th>"
      "<th scope=\"col\">Units</th><th scope=\"col\" class=\"num\">Mean</th><th scope=\"col\" class=\"num\">95 % CI</th>"
      "<th scope=\"col\" class=\"num\">p5</th><th scope=\"col\" class=\"num\">p50</th><th scope=\"col\" class=\"num\">p95</th>"
      "</tr></thead><tbody>\n";
  std::size_t fewest = 0;
  bool any_skewed = false;
  for (const Kpi& kpi : c.record.kpis) {
    const engine::Summary s = engine::summarise(kpi.per_replication);
    const int d = svg::decimals_for(s.ci95_half > 0 ? s.ci95_half : std::abs(s.mean));
    if (s.n > 0 && (fewest == 0 || s.n < fewest)) fewest = s.n;
    // Tail percentiles from few replications sit at the extreme values; a skewed KPI's median gets a bootstrap CI.
    const std::string rough = s.n < engine::kMinValuesForTailPercentiles ? "~" : "";
    std::string median = number(s.p50, d);
    if (const scenario::KpiInfo* info = scenario::find_kpi_info(kpi.name); info && info->skewed && s.n >= 2) {
      const engine::Interval ci = engine::bootstrap_median_ci(kpi.per_replication, engine::hash_name(kpi.name));
      median += fmt::format("<br><span class=\"desc\">CI {} – {}</span>", number(ci.lo, d), number(ci.hi, d));
      any_skewed = true;
    }
    // A KPI without a plain-language title is titled by its description: then show the description once.
    const std::string title = title_for(kpi.name, kpi.description);
    const bool titled_by_description = known_title(kpi.name).empty();
    const std::string description = titled_by_description ? std::string() : kpi.description;
    out += fmt::format(
        "<tr class=\"kpi-row\"><td><span class=\"kpi-title\">{}</span> <code>{}</code><br><span class=\"desc\">{}</span></td>"
        "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{} – {}<br><span class=\"desc\">± {}</span></td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        escape_xml(title), escape_xml(kpi.name), escape_xml(description),
        escape_xml(kpi.units), number(s.mean, d), number(s.mean - s.ci95_half, d), number(s.mean + s.ci95_half, d),
        number(s.ci95_half, d), rough + number(s.p5, d), median, rough + number(s.p95, d));
  }
  out += "</tbody></table>\n";
  if (fewest > 0 && fewest < engine::kMinValuesForTailPercentiles)
    out += fmt::format("<p class=\"note\">~ p5 and p95 from {} replications are rough: they sit at the extreme values. "
                       "Run at least {} replications for tail percentiles.</p>\n", fewest, engine::kMinValuesForTailPercentiles);
  if (any_skewed)
    out += "<p class=\"note\">Skewed KPIs (long-tailed waits) show a 95 % bootstrap CI of the median under p50 "
           "(2,000 resamples).</p>\n";
  return out;
}

std::string figure(const std::string& svg, const std::string& title, const std::string& note, std::string_view css_class) {
  return fmt::format("<figure class=\"{}\">\n<figcaption>{} <span class=\"desc\">{}</span></figcaption>\n{}\n</figure>\n",
                     css_class, escape_xml(title), escape_xml(note), svg);
}

// ---- daily fan charts ---------------------------------------------------------------------------------------

std::string daily_figure(const DailySeries& series, const RunRecord& r) {
  if (series.replications == 0 || series.days == 0 || series.values.size() != series.replications * series.days) return {};
  const svg::FanBands bands = svg::fan_bands(series.values, series.replications, series.days);
  const std::string title = title_for(series.name, series.description);
  const std::string svg = svg::fan_chart(bands, r.start_date, {title, axis_title(title, series.units), series.description});
  return figure(svg, title, fmt::format("{} ({}); median and 5–95 % band over {} replications", series.description,
                                        series.name, series.replications), "fan");
}

std::string daily_section(const Context& c) {
  std::string out;
  // The series a winter or capacity discussion starts from (catalogue headline flags) come first.
  for (const DailySeries& s : c.record.daily)
    if (is_headline(s.name)) out += daily_figure(s, c.record);
  std::string more;
  for (const DailySeries& s : c.record.daily)
    if (!is_headline(s.name)) more += daily_figure(s, c.record);
  if (!more.empty()) out += "<h3>More daily series</h3>\n" + more;
  return out;
}

// ---- monthly charts -----------------------------------------------------------------------------------------

// The monthly tables the catalogue marks headline (the RTT waiting list, cancellations), one chart each.
std::string monthly_section(const Context& c) {
  const TableGroup* monthly = nullptr;
  for (const TableGroup& g : c.record.table_groups)
    if (g.name == "monthly") monthly = &g;
  if (!monthly || monthly->labels.empty()) return {};
  std::string out;
  for (const Breakdown& b : monthly->tables) {
    const auto info = std::find_if(scenario::monthly_catalogue().begin(), scenario::monthly_catalogue().end(),
                                   [&](const scenario::KpiInfo& k) { return k.name == b.name; });
    if (info == scenario::monthly_catalogue().end() || !info->headline) continue;
    const std::size_t months = monthly->labels.size();
    if (b.values.empty() || b.values.size() % months != 0) continue;
    const std::vector<float> values(b.values.begin(), b.values.end());
    const svg::FanBands bands = svg::fan_bands(values, values.size() / months, months);
    const std::string title = info->title.empty() ? b.name : std::string(info->title);
    out += figure(svg::month_chart(bands, monthly->labels, {title, axis_title(title, b.units), b.description}), title,
                  fmt::format("{} ({}); median and 5–95 % band over {} replications", b.description, b.name, values.size() / months),
                  "fan");
  }
  return out;
}

// ---- histograms -------------------------------------------------------------------------------------------

// One histogram per headline KPI (catalogue flags), in catalogue order.
std::string histogram_section(const Context& c) {
  std::string out;
  for (const Kpi& kpi : c.record.kpis)
    if (is_headline(kpi.name) && !kpi.per_replication.empty()) {
      const std::string title = title_for(kpi.name, kpi.description);
      out += figure(svg::histogram(kpi.per_replication, {title, axis_title(title, kpi.units), kpi.description}),
                    title, fmt::format("{} ({}); one value per replication", kpi.description, kpi.name), "hist");
    }
  return out;
}

// ---- schemes (QIPP delivery risk) --------------------------------------------------------------------------

const std::vector<double>* extra_dataset(const RunRecord& r, std::string_view path) {
  for (const auto& [name, values] : r.extra_datasets)
    if (name == path) return &values;
  return nullptr;
}

std::string schemes_section(const Context& c) {
  const std::vector<double>* savings = extra_dataset(c.record, "/qipp/savings_gbp");
  const TableGroup* schemes = nullptr;
  for (const TableGroup& g : c.record.table_groups)
    if (g.name == "schemes") schemes = &g;
  if (!savings || !schemes) return {};
  std::string out;
  std::string note = "total savings per replication (money schemes plus flow savings against the same replication without schemes)";
  // /qipp/p_meet_target holds the QIPP target, P(meet it) and its 95 % Wilson interval.
  if (const auto* p = extra_dataset(c.record, "/qipp/p_meet_target"); p && p->size() >= 4)
    note += fmt::format("; QIPP target £{}, P(meet target) = {} (95 % CI {} – {})", number((*p)[0], 0), number((*p)[1], 3),
                        number((*p)[2], 3), number((*p)[3], 3));
  out += figure(svg::histogram(*savings, {"Savings", "Savings (£)", note}), "Savings distribution", note, "hist");
  // Savings first, then every headline KPI the run has a tornado for.
  std::vector<std::pair<std::string, std::string>> tornado_kpis = {{"savings_gbp", "£"}};
  for (const Kpi& kpi : c.record.kpis)
    if (is_headline(kpi.name)) tornado_kpis.emplace_back(kpi.name, kpi.units);
  for (const auto& [kpi, unit] : tornado_kpis) {
    const std::vector<double>* swing = extra_dataset(c.record, fmt::format("/qipp/tornado/{}", kpi));
    if (!swing || swing->size() != schemes->labels.size()) continue;
    const std::string title = fmt::format("Tornado: {}", kpi);
    const std::string what = fmt::format("change in {} as each scheme's delivery goes from its 10th to its 90th percentile, "
                                         "others at their median (largest ten)", kpi);
    out += figure(svg::tornado_chart(schemes->labels, *swing, {title, fmt::format("change in {} ({})", kpi, unit), what}), title,
                  what, "tornado");
  }
  return out;
}

// ---- breakdowns ---------------------------------------------------------------------------------------------

std::string breakdown_table(const std::vector<Breakdown>& breakdowns, const std::vector<std::string>& labels,
                            std::string_view label_heading, std::string_view css_class) {
  std::vector<const Breakdown*> shown;
  std::size_t reps = 0;
  for (const Breakdown& b : breakdowns)
    if (!labels.empty() && !b.values.empty() && b.values.size() % labels.size() == 0) shown.push_back(&b);
  if (shown.empty()) return {};
  std::string out = fmt::format("<div class=\"wide\"><table class=\"{}\"><thead><tr><th scope=\"col\">{}</th>", css_class, label_heading);
  for (const Breakdown* b : shown)
    out += fmt::format("<th scope=\"col\" class=\"num\" title=\"{}\">{}<br><span class=\"desc\">{}</span></th>",
                       escape_xml(b->description), escape_xml(title_for(b->name, b->description)), escape_xml(b->units));
  out += "</tr></thead><tbody>\n";
  for (std::size_t l = 0; l < labels.size(); ++l) {
    out += fmt::format("<tr class=\"breakdown-row\"><th scope=\"row\">{}</th>", escape_xml(labels[l]));
    for (const Breakdown* b : shown) {
      reps = b->values.size() / labels.size();
      std::vector<double> column(reps);
      for (std::size_t r = 0; r < reps; ++r) column[r] = b->values[r * labels.size() + l];
      const engine::Summary s = engine::summarise(column);
      const int d = svg::decimals_for(s.ci95_half > 0 ? s.ci95_half : std::abs(s.mean));
      out += fmt::format("<td class=\"num\">{} <span class=\"desc\">± {}</span></td>", number(s.mean, d), number(s.ci95_half, d));
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table></div>\n<p class=\"note\">Mean over replications ± 95 % CI half-width.</p>\n";
}

std::string by_site_section(const Context& c) {
  return breakdown_table(c.record.by_site, c.record.site_names, "Site", "breakdown-table by-site");
}

std::string by_locality_section(const Context& c) {
  return breakdown_table(c.record.by_locality, c.record.locality_names, "Locality", "breakdown-table by-locality");
}

// ---- appendix -----------------------------------------------------------------------------------------------

std::string scenario_text_section(const Context& c) {
  if (c.record.scenario_yaml.empty()) return {};
  return fmt::format("<details><summary>Resolved scenario (YAML, after <code>extends</code> and <code>--set</code>), "
                     "enough to rerun</summary>\n<pre class=\"yaml\">{}</pre>\n</details>\n", escape_xml(c.record.scenario_yaml));
}

constexpr Section kSections[] = {
    {"run", "Run", run_section},
    {"kpis", "Key performance indicators", kpi_section},
    {"daily", "Daily series", daily_section},
    {"monthly", "Monthly series", monthly_section},
    {"histograms", "KPI distributions over replications", histogram_section},
    {"schemes", "Schemes and QIPP risk", schemes_section},
    {"by-site", "By site", by_site_section},
    {"by-locality", "By locality", by_locality_section},
    {"scenario", "Scenario", scenario_section},
    {"scenario-text", "Scenario file", scenario_text_section},
};

// The stability checks of `pfsim run` (/meta `unstable`, `offered_load_warning`; DESIGN §3) and a warm-up too short
// for what the run measures (`warmup_warning`): a banner above every section, because the KPIs of a system whose
// queue grows without bound, or of waiting lists still filling from empty, are not results.
std::string stability_banner(const RunRecord& r) {
  std::string unstable, detail, offered, warmup;
  for (const auto& [key, value] : r.extra_meta) {
    if (key == "unstable") unstable = value;
    if (key == "unstable_detail") detail = value;
    if (key == "offered_load_warning") offered = value;
    if (key == "warmup_warning") warmup = value;
  }
  std::string html;
  if (!unstable.empty())
    html += fmt::format("<p><strong>Unstable: {}.</strong> The queue for this capacity was still growing at the end of the run: "
                        "demand exceeds what it can serve, so waits grow with the run length and the KPIs below are not "
                        "steady-state results.{}</p>\n",
                        escape_xml(unstable), detail.empty() ? std::string() : " <span class=\"note\">" + escape_xml(detail) + "</span>");
  if (!offered.empty())
    html += fmt::format("<p><strong>Offered load at or above capacity:</strong> {} (offered load = arrivals × mean time held, "
                        "from the scenario before running; rho = offered load / capacity).</p>\n",
                        escape_xml(offered));
  if (!warmup.empty()) html += fmt::format("<p><strong>Warm-up too short:</strong> {}.</p>\n", escape_xml(warmup));
  return html.empty() ? html : "<div class=\"banner\" role=\"alert\">\n" + html + "</div>\n";
}

std::string stylesheet() {
  using namespace svg::palette;
  return fmt::format(R"(
:root {{ color-scheme: light; }}
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; color: #1a1a1a;
  background: #fff; margin: 0 auto; padding: 1.5rem; max-width: 60rem; line-height: 1.45; }}
h1 {{ font-size: 1.7rem; margin: 0 0 .2rem; }} h2 {{ font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid {blue}; }}
h3 {{ font-size: 1.05rem; margin: 1.2rem 0 .4rem; }}
.subtitle {{ color: #444; margin: 0 0 1rem; }}
.banner {{ border: 3px solid {vermillion}; background: #fff4ef; padding: .2rem 1rem; margin: 1rem 0; }}
nav ul {{ list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }}
nav a {{ color: {blue}; }}
table {{ border-collapse: collapse; margin: .5rem 0; font-size: .92rem; }}
th, td {{ border-bottom: 1px solid #ccc; padding: .3rem .55rem; text-align: left; vertical-align: top; }}
thead th {{ border-bottom: 2px solid #333; }}
tbody tr:nth-child(even) {{ background: #f4f7fa; }}
.num {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
.desc, .note {{ color: #555; font-size: .85em; }}
.kpi-title {{ font-weight: 600; }}
.wide {{ overflow-x: auto; }}
code {{ font-size: .85em; }}
figure {{ margin: 1rem 0 1.5rem; }}
figcaption {{ font-weight: 600; margin-bottom: .3rem; }}
figcaption .desc {{ display: block; font-weight: normal; }}
svg.chart {{ width: 100%; height: auto; max-width: 760px; display: block; font-family: inherit; }}
.grid {{ stroke: #e0e0e0; stroke-width: 1; }}
.axis-line {{ stroke: #333; stroke-width: 1; }}
.tick-label {{ font-size: 12px; fill: #333; }}
.axis-title {{ font-size: 13px; fill: #1a1a1a; }}
.legend-label {{ font-size: 12px; fill: #1a1a1a; }}
.fan-band {{ fill: {sky}; fill-opacity: .45; stroke: none; }}
.fan-median {{ fill: none; stroke: {blue}; stroke-width: 2; }}
.fan-point {{ fill: #fff; stroke: {blue}; stroke-width: 1.5; }}
.hist-bar {{ fill: {blue}; fill-opacity: .8; }}
.tornado-bar {{ fill: {vermillion}; fill-opacity: .85; }}
.hist-mean {{ stroke: {vermillion}; stroke-width: 2; stroke-dasharray: 5 3; }}
pre.yaml {{ background: #f6f6f6; padding: .8rem; overflow-x: auto; font-size: .8rem; }}
footer {{ margin-top: 2rem; color: #555; font-size: .85rem; }}
@media print {{
  @page {{ size: A4; margin: 14mm 12mm; }}
  body {{ max-width: none; padding: 0; font-size: 10pt; }}
  nav, details {{ display: none; }}
  h2 {{ break-after: avoid; }}
  figure, table {{ break-inside: avoid; }}
  svg.chart {{ max-width: 17cm; }}
  tbody tr:nth-child(even) {{ background: none; }}
}}
)", fmt::arg("blue", kBlue), fmt::arg("sky", kSkyBlue), fmt::arg("vermillion", kVermillion));
}

}  // namespace

std::string render_report(const RunRecord& record, const ReportOptions& options) {
  const Context context{record, options};
  std::string nav, body;
  for (const Section& section : kSections) {
    const std::string html = section.render(context);
    if (html.empty()) continue;
    nav += fmt::format("<li><a href=\"#{}\">{}</a></li>", section.id, escape_xml(section.heading));
    body += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n{}</section>\n", section.id, escape_xml(section.heading), html);
  }
  const std::string name = record.scenario_name.empty() ? std::string("pfsim results") : record.scenario_name;
  const std::string last = end_date(record);
  const std::string period = last.empty() ? record.start_date : fmt::format("{} to {}", record.start_date, last);
  return fmt::format(R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pfsim {version}">
<link rel="icon" href="data:,">
<title>{name} — pfsim report</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>{name}</h1>
<p class="subtitle">pfsim patient-flow simulation report · {period} · {reps} replications</p>
<nav aria-label="Sections"><ul>{nav}</ul></nav>
</header>
<main>
{banner}{body}</main>
<footer>Made by <code>pfsim report</code> from {file}. Charts and tables are computed from the replications in the results file.</footer>
</body>
</html>
)", fmt::arg("version", escape_xml(record.pfsim_version)), fmt::arg("name", escape_xml(name)), fmt::arg("css", stylesheet()),
                     fmt::arg("period", escape_xml(period)), fmt::arg("reps", record.replications), fmt::arg("nav", nav),
                     fmt::arg("banner", stability_banner(record)), fmt::arg("body", body), fmt::arg("file", escape_xml(options.results_file.empty() ? "a results file" : options.results_file)));
}

void write_report(const RunRecord& record, const ReportOptions& options, const std::filesystem::path& path) {
  const std::string html = render_report(record, options);
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (out) out.write(html.data(), static_cast<std::streamsize>(html.size()));
    if (out) out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      throw OutputError(fmt::format("{}: cannot write the report (hint: check the directory exists and is writable)", path.string()));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw OutputError(fmt::format("{}: cannot write the report: {} (hint: choose another -o)", path.string(), ec.message()));
  }
}

}  // namespace pfsim::output
