#!/usr/bin/env python3
"""Checks the DOM Chromium built from a pfsim report against the results file it came from: one fan chart per
/daily series (each with a 5-95 % band and a median with one point per day), a month chart per headline /monthly
table (a median with one point per month), a histogram per headline KPI, one KPI
table row per KPI, one breakdown row per site and locality, and no script or external resource."""
import sys
from html.parser import HTMLParser

import h5py

# The catalogue's headline KPIs and /monthly tables (scenario/src/kpi_catalogue.cpp), as the report draws them.
HISTOGRAM_KPIS = ["ae_4h_pct", "dtoc_daily_delays", "bed_occupancy_pct", "reablement_91d_home_pct",
                  "care_home_admissions_per_100k_65plus", "elective_cancelled_on_day", "rtt_incomplete_18w_pct",
                  "rtt_waiting_list"]
MONTH_CHART_TABLES = ["rtt_waiting_list", "rtt_incomplete_18w_pct", "elective_cancelled_on_day"]


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []  # (tag, attrs dict)
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_title = tag == "title" and not any(t == "svg" for t, _ in self.elements[:-1])

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title and not self.title:
            self.title = data

    def with_class(self, tag, css_class):
        return [a for t, a in self.elements if t == tag and css_class in (a.get("class") or "").split()]


def main(dom_path, results_path):
    dom = Dom()
    with open(dom_path, encoding="utf-8") as f:
        dom.feed(f.read())
    with h5py.File(results_path, "r") as f:
        daily = {name: ds.shape for name, ds in f["daily"].items()}
        monthly = [n for n in MONTH_CHART_TABLES if "monthly" in f and n in f["monthly"]]
        months = len(f["monthly/names"]) if monthly else 0
        kpis = [n for n in f["kpi/replications"].dtype.names if n != "replication"]
        sites = len(f["by_site/names"]) if "by_site" in f and len(f["by_site"]) > 1 else 0
        localities = len(f["by_locality/names"]) if "by_locality" in f and len(f["by_locality"]) > 1 else 0
        name = f["meta"].attrs["scenario_name"]
        name = name.decode() if isinstance(name, bytes) else name
    histograms = [k for k in HISTOGRAM_KPIS if k in kpis]

    problems = []

    def expect(what, got, want):
        if got != want:
            problems.append(f"{what}: got {got}, want {want}")

    svgs = [a for t, a in dom.elements if t == "svg"]
    expect("<svg> elements", len(svgs), len(daily) + len(monthly) + len(histograms))
    expect("fan charts", len([a for a in svgs if "fan-chart" in a.get("class", "")]), len(daily))
    expect("month charts", len([a for a in svgs if "month-chart" in a.get("class", "")]), len(monthly))
    expect("histograms", len([a for a in svgs if "histogram" in a.get("class", "")]), len(histograms))
    bands = [a for a in dom.with_class("path", "fan-band")]
    medians = [a for a in dom.with_class("path", "fan-median")]
    expect("fan band paths", len(bands), len(daily) + len(monthly))
    expect("fan median paths", len(medians), len(daily) + len(monthly))
    days = next(iter(daily.values()))[1] if daily else 0
    points = sorted(m["d"].count("L") + m["d"].count("M") for m in medians)
    expect("points on the median lines", points, sorted([days] * len(daily) + [months] * len(monthly)))
    expect("histogram bars > 0", len(dom.with_class("rect", "hist-bar")) > 0, bool(histograms))
    expect("KPI table rows", len(dom.with_class("tr", "kpi-row")), len(kpis))
    expect("breakdown rows", len(dom.with_class("tr", "breakdown-row")), sites + localities)
    expect("scripts", len([1 for t, _ in dom.elements if t == "script"]), 0)
    external = [a for t, a in dom.elements for k in ("src", "href") if (a.get(k) or "").startswith(("http:", "https:", "//"))]
    expect("external references", external, [])
    expect("page title starts with the scenario name", dom.title.startswith(name), True)

    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"ok: {len(svgs)} charts ({len(daily)} fan charts, {len(monthly)} month charts, {len(histograms)} histograms), "
          f"{len(kpis)} KPI rows, {sites + localities} breakdown rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
