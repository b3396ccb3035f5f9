#!/usr/bin/env python3
"""Checks the DOM Chromium built from a pfsim report against the results file it came from: one fan chart per
/daily series (each with a 5-95 % band and a median with one point per day) except the winter-only series of a
scenario without winter, a month chart per headline /monthly table (a median with one point per month), a histogram
per headline KPI, a dashed target line on the charts with a national standard, for a scheme run the savings
histogram with the QIPP target and a tornado per KPI whose swings could be estimated (else one sentence why not),
one KPI table row per KPI, the by-site, by-locality and by-month tables in rows that fit the page, for a compare file a forest
plot per headline KPI that some option changes and the options' by-site and by-locality differences, and no script
or external resource. Further arguments are DOMs of the page with layout_check.js added (render_in_chromium.sh): each must
report no text outside its chart's viewBox and no table wider than the page."""
import json
import re
import sys
from html.parser import HTMLParser

import h5py
import numpy as np
import yaml

# The catalogue's headline KPIs and /monthly tables (scenario/src/kpi_catalogue.cpp), as the report draws them.
HISTOGRAM_KPIS = ["ae_4h_pct", "dtoc_daily_delays", "bed_occupancy_pct", "reablement_91d_home_pct",
                  "care_home_admissions_per_100k_65plus", "elective_cancelled_on_day", "rtt_incomplete_18w_pct",
                  "rtt_waiting_list", "cat2_mean_response_min", "handovers_over_60min", "handover_hours_lost"]
MONTH_CHART_TABLES = ["ae_4h_pct", "rtt_waiting_list", "rtt_incomplete_18w_pct", "elective_cancelled_on_day"]
# Daily series only a winter: section sets (output/src/report_series.cpp): not drawn without one when all zero.
WINTER_ONLY_SERIES = ["opel_level", "escalation_beds_open"]
# The charts with a national standard drawn on them (output/src/report_targets.hpp): daily series and monthly tables.
TARGET_SERIES = ["ae_4h_pct", "bed_occupancy_pct", "rtt_incomplete_18w_pct"]
# Breakdown tables (output/src/report_breakdowns.cpp): up to this many sites or localities as columns (one row per
# KPI), else one row per site or locality in tables of this many KPIs.
MAX_LABEL_COLUMNS, MAX_KPI_COLUMNS = 5, 5
# The regression behind the KPI tornados needs this many replications more than varying schemes (schemes.hpp).
REGRESSION_SPARE_REPLICATIONS = 3


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []  # (tag, attrs dict)
        self.title = ""
        self._in_title = False
        self.not_drawn = []  # text of the sentences saying why a chart is not drawn (class not-drawn)
        self._in_not_drawn = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_title = tag == "title" and not any(t == "svg" for t, _ in self.elements[:-1])
        if "not-drawn" in (dict(attrs).get("class") or "").split():
            self._in_not_drawn = True
            self.not_drawn.append("")

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self._in_title = False
        if tag == "p":
            self._in_not_drawn = False

    def handle_data(self, data):
        if self._in_title and not self.title:
            self.title = data
        if self._in_not_drawn:
            self.not_drawn[-1] += data

    def with_class(self, tag, css_class):
        return [a for t, a in self.elements if t == tag and css_class in (a.get("class") or "").split()]


def breakdown_rows(f, group):
    """Rows of the by-site or by-locality tables: one per KPI when the labels fit as columns, else one per label in
    each table of MAX_KPI_COLUMNS KPIs."""
    if group not in f or len(f[group]) <= 1:
        return 0
    labels, kpis = len(f[group]["names"]), len(f[group]) - 1
    return kpis if labels <= MAX_LABEL_COLUMNS else labels * -(-kpis // MAX_KPI_COLUMNS)


def expected_tornados(f, kpis):
    """(tornado charts, whether the too-few-replications sentence is due) for a scheme run."""
    if "qipp/tornado" not in f or "schemes/delivery" not in f:
        return 0, False
    delivery = f["schemes/delivery"][()]
    varying = int((delivery != delivery[:1]).any(axis=0).sum())
    fitted = delivery.shape[0] >= varying + REGRESSION_SPARE_REPLICATIONS
    names = ["savings_gbp"] + [k for k in HISTOGRAM_KPIS if k in kpis]
    swings = [f["qipp/tornado"][n][()] for n in names if n in f["qipp/tornado"]]
    drawn = sum(1 for s in swings if np.any(s != 0))
    return drawn, not fitted and drawn < len(swings)


def summary_moves(s):
    """A /compare summary (mean, ci95_half, ...) with a defined, non-zero difference or spread."""
    return s is not None and np.isfinite(s[0]) and np.isfinite(s[1]) and (s[0] != 0 or s[1] != 0)


def compare_expectations(f, headline):
    """(forest plots, breakdown rows) of the options section of a compare file (output/src/report_compare.cpp)."""
    if "compare" not in f:
        return 0, 0
    options = [f["compare"][o] for o in f["compare"]]
    forests = sum(1 for k in headline if any(summary_moves(o.get(k + "_summary")) for o in options))
    rows = 0
    for option in options:
        for scope in ("by_site", "by_locality"):
            if scope not in option or scope not in f or (scope == "by_site" and len(f["by_site/names"]) <= 1):
                continue
            kpis = [k for k in headline if k in option[scope] and k in f[scope]]
            labels = len(f[scope]["names"])
            if kpis:
                rows += len(kpis) if labels <= MAX_LABEL_COLUMNS else labels * -(-len(kpis) // MAX_KPI_COLUMNS)
    return forests, rows


def main(dom_path, results_path, *layout_paths):
    dom = Dom()
    with open(dom_path, encoding="utf-8") as f:
        dom.feed(f.read())
    with h5py.File(results_path, "r") as f:
        scenario = yaml.safe_load(f["meta/scenario_yaml"][()].decode()) or {}
        winter = scenario.get("winter") is not None
        daily = {name: ds.shape for name, ds in f["daily"].items()
                 if winter or name not in WINTER_ONLY_SERIES or np.any(ds[()] != 0)}
        daily_in_file = len(f["daily"])
        monthly = [n for n in MONTH_CHART_TABLES if "monthly" in f and n in f["monthly"]]
        months = len(f["monthly/names"]) if monthly else 0
        kpis = [n for n in f["kpi/replications"].dtype.names if n != "replication"]
        rows = breakdown_rows(f, "by_site") + breakdown_rows(f, "by_locality") + breakdown_rows(f, "monthly")
        tornados, too_few = expected_tornados(f, kpis)
        savings = 1 if "qipp/savings_gbp" in f else 0
        targets = len([n for n in TARGET_SERIES if n in daily]) + len([n for n in TARGET_SERIES if n in monthly])
        targets += 1 if "qipp/p_meet_target" in f else 0
        name = f["meta"].attrs["scenario_name"]
        name = name.decode() if isinstance(name, bytes) else name
    # One histogram per headline KPI: the scenario's headline_kpis when it has them, else the catalogue's.
    listed = scenario.get("headline_kpis") or []
    histograms = [k for k in listed if k in kpis] if listed else [k for k in HISTOGRAM_KPIS if k in kpis]
    with h5py.File(results_path, "r") as f:
        forests, compare_rows = compare_expectations(f, histograms)
    rows += compare_rows

    problems = []

    def expect(what, got, want):
        if got != want:
            problems.append(f"{what}: got {got}, want {want}")

    svgs = [a for t, a in dom.elements if t == "svg"]
    expect("<svg> elements", len(svgs), len(daily) + len(monthly) + len(histograms) + savings + tornados + forests)
    expect("forest plots", len([a for a in svgs if "forest" in a.get("class", "")]), forests)
    expect("fan charts", len([a for a in svgs if "fan-chart" in a.get("class", "")]), len(daily))
    expect("month charts", len([a for a in svgs if "month-chart" in a.get("class", "")]), len(monthly))
    expect("histograms", len([a for a in svgs if "histogram" in a.get("class", "")]), len(histograms) + savings)
    expect("tornado charts", len([a for a in svgs if "tornado" in a.get("class", "")]), tornados)
    expect("too-few-replications sentence", any("and this run has" in t for t in dom.not_drawn), too_few)
    expect("winter-only series said not drawn", any("winter:" in t for t in dom.not_drawn), len(daily) < daily_in_file)
    expect("target lines", len(dom.with_class("line", "target-line")), targets)
    bands = [a for a in dom.with_class("path", "fan-band")]
    medians = [a for a in dom.with_class("path", "fan-median")]
    expect("fan band paths", len(bands), len(daily) + len(monthly))
    expect("fan median paths", len(medians), len(daily) + len(monthly))
    days = next(iter(daily.values()))[1] if daily else 0
    points = sorted(m["d"].count("L") + m["d"].count("M") for m in medians)
    expect("points on the median lines", points, sorted([days] * len(daily) + [months] * len(monthly)))
    expect("histogram bars > 0", len(dom.with_class("rect", "hist-bar")) > 0, bool(histograms))
    expect("KPI table rows", len(dom.with_class("tr", "kpi-row")), len(kpis))
    expect("breakdown rows", len(dom.with_class("tr", "breakdown-row")), rows)
    expect("scripts", len([1 for t, _ in dom.elements if t == "script"]), 0)
    external = [a for t, a in dom.elements for k in ("src", "href") if (a.get(k) or "").startswith(("http:", "https:", "//"))]
    expect("external references", external, [])
    expect("page title starts with the scenario name", dom.title.startswith(name), True)

    for path in layout_paths:
        with open(path, encoding="utf-8") as f:
            found = re.findall(r'<pre id="layout-check">(\{.*?\})</pre>', f.read(), re.S)
        if not found:
            problems.append(f"{path}: no layout-check result (did layout_check.js run?)")
            continue
        layout = json.loads(found[-1].replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
        problems += [f"layout at {layout['width']} px: {p}" for p in layout["problems"]]

    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"ok: {len(svgs)} charts ({len(daily)} fan charts, {len(monthly)} month charts, {len(histograms)} histograms, "
          f"{savings + tornados} scheme charts, {forests} forest plots, {targets} target lines), {len(kpis)} KPI rows, {rows} breakdown rows, "
          f"layout fits at {len(layout_paths)} widths")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
