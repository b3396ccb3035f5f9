// The HTML report (issue 9). The page is a list of sections; each is one function from the record to HTML that
// returns "" when the file has no data for it (report_parts.hpp), so a new kind of result (e.g. /compare → a forest
// plot) is one more function in kSections.
#include "pfsim/output/report.hpp"

#include <fstream>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

#include "pfsim/output/error.hpp"
#include "pfsim/output/svg.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

using svg::escape_xml;

struct Section {
  std::string_view id, heading;
  std::string (*render)(const Context&);
};

constexpr Section kSections[] = {
    {"headline", "Headline measures", headline_section},
    {"options", "Options against the base", compare_section},
    {"run", "Run", run_section},
    {"kpis", "Key performance indicators", kpi_section},
    {"daily", "Daily series", daily_section},
    {"monthly", "Monthly series", monthly_section},
    {"histograms", "KPI distributions over replications", histogram_section},
    {"schemes", "Schemes and QIPP risk", schemes_section},
    {"by-site", "By site", by_site_section},
    {"by-locality", "By locality", by_locality_section},
    {"stress-des", "STRESS-DES record", stress_des_section},
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

}  // namespace

std::string render_report_section(const RunRecord& record, const ReportOptions& options, std::string_view id) {
  for (const Section& section : kSections)
    if (section.id == id) return section.render(Context{record, options});
  return {};
}

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
