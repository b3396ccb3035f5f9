// The page's CSS: screen and A4 print. The charts' part is also on its own, for pfsim serve, which shows the same
// SVG. Colours are the Okabe–Ito palette only (svg.hpp).
#include <fmt/format.h>

#include "pfsim/output/svg.hpp"
#include "report_parts.hpp"

namespace pfsim::output {

std::string chart_stylesheet() {
  using namespace svg::palette;
  return fmt::format(R"(
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
.forest-ci {{ stroke: {blue}; stroke-width: 2; }}
.forest-point {{ fill: #fff; stroke: {blue}; stroke-width: 2; }}
.forest-point.significant {{ fill: {blue}; }}
.hist-mean {{ stroke: {vermillion}; stroke-width: 2; stroke-dasharray: 5 3; }}
.target-line {{ stroke: {black}; stroke-width: 1.5; stroke-dasharray: 6 4; }}
.target-label {{ font-size: 12px; fill: {black}; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }}
)", fmt::arg("blue", kBlue), fmt::arg("sky", kSkyBlue), fmt::arg("vermillion", kVermillion),
                     fmt::arg("black", kBlack));
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
code {{ font-size: .85em; }}
figure {{ margin: 1rem 0 1.5rem; }}
figcaption {{ font-weight: 600; margin-bottom: .3rem; }}
figcaption .desc {{ display: block; font-weight: normal; }}
{charts}.compare-table td.significant {{ font-weight: 600; }}
.breakdown-table th[scope="row"] {{ font-weight: normal; }}
.breakdown-table thead th {{ white-space: normal; }}
.breakdown-table + .breakdown-table {{ margin-top: 1.5rem; }}
.label-rows tbody th {{ white-space: nowrap; }}
.stress-table td:first-child {{ white-space: nowrap; }}
.stress-table td, .stress-sources td {{ overflow-wrap: anywhere; }}
.stress-table > tbody > tr > td:nth-child(2) {{ min-width: 9em; }}
.stress-modules {{ margin: 0; font-size: .9em; }}
.stress-modules td, .stress-modules th {{ padding: .15rem .4rem; }}
.stress-modules td, .stress-modules th {{ overflow-wrap: normal; }}
.stress-sources td:nth-child(2) {{ min-width: 14em; }}
.stress-modules td:first-child {{ white-space: nowrap; }}
.stress-table .stress-group th {{ background: #e8eef5; }}
.stress-table tr.stress-todo td {{ background: #fff8e1; }}
.stress-sources {{ font-size: .82rem; }}
pre.yaml {{ background: #f6f6f6; padding: .8rem; overflow-x: auto; font-size: .8rem; }}
footer {{ margin-top: 2rem; color: #555; font-size: .85rem; }}
@media print {{
  @page {{ size: A4; margin: 14mm 12mm; }}
  body {{ max-width: none; padding: 0; font-size: 10pt; }}
  nav, details {{ display: none; }}
  h2 {{ break-after: avoid; }}
  figure, table {{ break-inside: avoid; }}
  svg.chart {{ max-width: 17cm; }}
  .kpi-table {{ font-size: 8pt; }}
  .kpi-table code {{ overflow-wrap: anywhere; }}
  .kpi-table th, .kpi-table td {{ padding: .2rem .35rem; }}
  .breakdown-table {{ font-size: 7.5pt; line-height: 1.25; }}
  /* Long tables flow on from page to page (Chromium repeats the header row), rows whole. */
  table.breakdown-table, table.kpi-table, table.stress-table, table.stress-sources {{ break-inside: auto; }}
  tr {{ break-inside: avoid; }}
  .breakdown-table th, .breakdown-table td {{ padding: .1rem .3rem; }}
  tbody tr:nth-child(even) {{ background: none; }}
}}
)", fmt::arg("blue", kBlue), fmt::arg("sky", kSkyBlue), fmt::arg("vermillion", kVermillion),
                     fmt::arg("black", kBlack), fmt::arg("charts", chart_stylesheet().substr(1)));
}

}  // namespace pfsim::output
