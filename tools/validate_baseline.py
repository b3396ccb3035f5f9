#!/usr/bin/env python3
"""Validation of a pfsim results file against the documents and England's figures (issue 20 item 5, README
"Validation").

usage: validate_baseline.py RESULTS.h5 [--markdown] [--scenario SCENARIO.yaml]

Prints two tables:
  (a) each KPI against the documented target (the scenario's `calibration:` section, read from the YAML so targets
      and sds live in one place) or against England's reference value or range;
  (b) the monthly shape (4-hour %, G&A occupancy, attendances) beside England's 4-hour % for the same month,
      then the correlation and the winter-minus-summer differences.
Every verdict is computed from the numbers; nothing about the result is written in advance.
The documented targets come from the scenario that wrote the file (/meta source_file, following `extends:`) unless
--scenario names another. Exit 1 with one line if the file is missing or is not a pfsim results file.
"""
import argparse
import datetime
import math
import os
import sys

import h5py
import numpy as np
import yaml

# ---------------------------------------------------------------------------------------------------------------------
# Reference values. Every number the verdicts are judged against is here, with its source; nothing below repeats one.
# National values are England around 2018/19-2019/20, approximate, each from the official collection named beside it
# (cited as "CALIBRATION.md national reference": the project's collected planning facts).
#
# A row's model value is either a KPI of /kpi/replications ("kpi") or a share of one KPI in another, computed per
# replication before averaging so its CI is right ("share": numerator, denominator).
# Verdict fields (any combination): low/high = a range; point = a single national figure ("≈"); limit = an upper bound
# the measure should stay under; standard = a level the measure should be at or above; ambition = a level to reach; threshold = a warning level to report the distance to;
# no_effect = the value with no effect at all (weekend discharges); range_name = what to call low-high if it is not
# a national range.
# ---------------------------------------------------------------------------------------------------------------------
NATIONAL = "CALIBRATION.md national reference"
NATIONAL_REFERENCES = [
    dict(label="nea_all_per_100k", kpi="nea_all_per_100k", low=9000, high=10000,
         text="9,000-10,000 per 100k (MSE 91.3 per 1,000)",
         source=f"{NATIONAL}; NHS England MAR / HES emergency admissions; seeds/003 L457"),
    dict(label="nea_zero_los share of nea_all", share=("nea_zero_los", "nea_all"), point=100 / 3, unit="%",
         text="≈ 1/3", source=f"{NATIONAL}; HES zero-LOS emergency spells"),
    dict(label="bed_occupancy_midnight_pct", kpi="bed_occupancy_midnight_pct", low=90, high=95, threshold=85,
         threshold_name="Bagust's crisis threshold", unit="%",
         text="90-95 % (crisis above 85 %)", source=f"{NATIONAL}; NHS England KH03; Bagust et al. BMJ 1999"),
    dict(label="readmission_30d_pct", kpi="readmission_30d_pct", low=12, high=16, point=14, unit="%",
         text="12-16 % (England ≈ 14 %)", source=f"{NATIONAL}; NHS Outcomes Framework 3b"),
    dict(label="hospital_deaths_pct", kpi="hospital_deaths_pct", low=3, high=5, unit="%",
         text="3-5 % of emergency spells", source=f"{NATIONAL}; HES discharge method 4"),
    dict(label="ae_left_without_being_seen_pct", kpi="ae_left_without_being_seen_pct", limit=5, point=3, unit="%",
         text="under 5 % (England ≈ 3 %)", source=f"{NATIONAL}; DH 2010 A&E clinical quality indicators"),
    dict(label="DToC share NHS", share=("dtoc_daily_delays_nhs", "dtoc_daily_delays"), point=60, unit="%",
         text="≈ 60 %", source=f"{NATIONAL}; NHS England DToC sitrep 2019, by responsible organisation"),
    dict(label="DToC share social care", share=("dtoc_daily_delays_social_care", "dtoc_daily_delays"), point=30,
         unit="%", text="≈ 30 %", source=f"{NATIONAL}; NHS England DToC sitrep 2019, by responsible organisation"),
    dict(label="DToC share both", share=("dtoc_daily_delays_both", "dtoc_daily_delays"), point=10, unit="%",
         text="≈ 10 %", source=f"{NATIONAL}; NHS England DToC sitrep 2019, by responsible organisation"),
    dict(label="dtoc_daily_delays_per_100k_18plus", kpi="dtoc_daily_delays_per_100k_18plus", point=10,
         text="≈ 10 per 100k 18+ (≈ 4,500 a day)", source=f"{NATIONAL}; NHS England DToC sitrep 2019"),
    dict(label="reablement_91d_home_pct", kpi="reablement_91d_home_pct", point=82, unit="%",
         text="England ≈ 82 %", source=f"{NATIONAL}; ASCOF 2B(1)"),
    dict(label="care_home_admissions_per_100k_65plus", kpi="care_home_admissions_per_100k_65plus", point=580,
         text="England ≈ 580 per 100k 65+", source=f"{NATIONAL}; ASCOF 2A(2)"),
    dict(label="care_home_admissions_per_100k_18to64", kpi="care_home_admissions_per_100k_18to64", point=14,
         text="England ≈ 14 per 100k 18-64", source=f"{NATIONAL}; ASCOF 2A(1)"),
    dict(label="discharges_before_noon_pct", kpi="discharges_before_noon_pct", low=15, high=20, ambition=33, unit="%",
         range_name="typical range",
         text="typical 15-20 %, ambition 33 %",
         source="NHS Improvement SAFER patient flow bundle (2017)"),
    dict(label="weekend_discharges_pct", kpi="weekend_discharges_pct", no_effect=200 / 7, unit="%",
         text="28.6 % = no weekend effect", source="2 of 7 days; NHS England seven-day hospital services"),
    # Planned care (rows only when the file has it).
    dict(label="elective_cancelled_on_day_pct", kpi="elective_cancelled_on_day_pct", point=1, unit="%",
         text="England ≈ 1 % of elective admissions (≈ 80k a year)",
         source=f"{NATIONAL}; NHS England cancelled elective operations (QMCO)"),
    dict(label="rtt_incomplete_18w_pct", kpi="rtt_incomplete_18w_pct", standard=92, unit="%",
         text="standard 92 % (CCG 95.3 % in June 2012)",
         source="NHS Constitution RTT standard; seeds/002 L1063-L1066, L1102-L1104"),
    dict(label="rtt_52w_waiters", kpi="rtt_52w_waiters", limit=0,
         text="none (SUFT's 2019/20 plan)", source="seeds/001 L5085, L5936"),
    # Admission conditions (rows only when the file has them): the baseline's shares were sized to these, so the rows
    # check the sizing arithmetic, not the model.
    dict(label="falls_admissions_65plus_per_100k", kpi="falls_admissions_65plus_per_100k", point=2100,
         text="England ≈ 2,100 per 100k 65+ (shares sized to it)",
         source=f"{NATIONAL}; PHOF C29 (age-standardised; the model's is crude)"),
    dict(label="acsc_chronic_admissions_per_100k", kpi="acsc_chronic_admissions_per_100k", point=800,
         text="England ≈ 800 per 100k (shares sized to it)",
         source=f"{NATIONAL}; NHS OF 2.3.i (indirectly standardised; the model's is crude)"),
]

# England's all-types 4-hour % by calendar month, 2019/20: NHS England, A&E Attendances and Emergency Admissions
# 2019-20 monthly statistics, all types, rounded to 0.1 (approximate).
ENGLAND_4H_SOURCE = "NHS England, A&E Attendances and Emergency Admissions 2019-20, all types (approximate, rounded)"
ENGLAND_4H_PCT_2019_20 = {4: 85.1, 5: 86.6, 6: 86.5, 7: 86.5, 8: 86.2, 9: 84.7, 10: 83.6, 11: 81.4, 12: 79.8,
                          1: 81.7, 2: 82.8, 3: 84.2}
# March 2020 was disturbed by COVID-19 (attendances fell by a third in its last fortnight): out of every summary.
EXCLUDED_FROM_SUMMARY = {"2020-03"}
WINTER_MONTHS = (12, 1, 2)
SUMMER_MONTHS = (6, 7, 8)
# G&A occupancy before 2020 (KH03 quarterly and the winter daily sitrep): ≈ 89-90 % in summer, ≈ 94-95 % in January,
# so winter minus summer ≈ +4 to +5 points.
ENGLAND_OCCUPANCY_WINTER_RISE = (4.0, 5.0)
ENGLAND_OCCUPANCY_SOURCE = "NHS England KH03 / winter daily sitrep before 2020: ≈ 89-90 % summer, ≈ 94-95 % January"

MONTHLY_KPIS = ("ae_4h_pct", "bed_occupancy_pct", "ae_attendances")


class NotAResultsFile(Exception):
    pass


# --- statistics -----------------------------------------------------------------------------------------------------

def t_two_sided_coverage(t, df):
    """P(|T| < t) for Student's t with integer df: the closed forms of Abramowitz & Stegun 26.7.3-26.7.4 (no scipy
    on the target machine, and the finite series is exact for integer df)."""
    theta = math.atan(t / math.sqrt(df))
    s, c = math.sin(theta), math.cos(theta)
    if df == 1:
        return 2 * theta / math.pi
    if df % 2 == 1:
        term, total = c, c
        for k in range(3, df - 1, 2):  # c + (2/3)c^3 + (2·4)/(3·5)c^5 + ... up to c^(df-2)
            term *= c * c * (k - 1) / k
            total += term
        return 2 / math.pi * (theta + s * total)
    term, total = 1.0, 1.0
    for k in range(2, df - 1, 2):  # 1 + (1/2)c^2 + (1·3)/(2·4)c^4 + ... up to c^(df-2)
        term *= c * c * (k - 1) / k
        total += term
    return s * total


def t_quantile_975(df):
    """The 97.5 % quantile of Student's t (the two-sided 95 % multiplier), by bisection on the exact coverage."""
    low, high = 0.0, 1000.0
    for _ in range(100):
        mid = (low + high) / 2
        low, high = (mid, high) if t_two_sided_coverage(mid, df) < 0.95 else (low, mid)
    return (low + high) / 2


def mean_and_half_width(values):
    """Mean over replications and the 95 % CI half-width (Student t, n - 1 df); NaN half-width for one replication."""
    values = np.asarray(values, dtype=float)
    if len(values) < 2:
        return float(values.mean()), float("nan")
    return float(values.mean()), t_quantile_975(len(values) - 1) * float(values.std(ddof=1)) / math.sqrt(len(values))


# --- reading the file and the targets -------------------------------------------------------------------------------

def open_results(path):
    """The file's KPI table, monthly tables and /meta attributes, or NotAResultsFile saying what is wrong."""
    if not os.path.isfile(path):
        raise NotAResultsFile(f"{path}: no such file")
    try:
        f = h5py.File(path, "r")
    except OSError:
        raise NotAResultsFile(f"{path}: not an HDF5 file, so not a pfsim results file")
    with f:
        if "meta" not in f or "pfsim_version" not in f["meta"].attrs or "kpi/replications" not in f:
            raise NotAResultsFile(f"{path}: not a pfsim results file (no /meta pfsim_version or /kpi/replications)")
        table = f["kpi/replications"][()]
        kpis = {name: table[name].astype(float) for name in table.dtype.names if name != "replication"}
        meta = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in f["meta"].attrs.items()}
        monthly = {}
        if "monthly/names" in f:
            monthly["names"] = [x.decode() if isinstance(x, bytes) else str(x) for x in f["monthly/names"][()]]
            for name in MONTHLY_KPIS:
                if f"monthly/{name}" in f:
                    monthly[name] = f[f"monthly/{name}"][()].astype(float)  # [replication x month]
    return kpis, monthly, meta


def calibration_targets(scenario_path):
    """(targets, the file they came from) from the first `calibration:` section up the `extends:` chain; the
    calibrated scenario extends the baseline and keeps its targets there."""
    seen = set()
    while scenario_path and os.path.isfile(scenario_path) and scenario_path not in seen:
        seen.add(scenario_path)
        with open(scenario_path) as f:
            scenario = yaml.safe_load(f) or {}
        targets = (scenario.get("calibration") or {}).get("targets")
        if targets:
            return targets, scenario_path
        parent = scenario.get("extends")
        scenario_path = os.path.join(os.path.dirname(scenario_path), parent) if parent else None
    return [], scenario_path


def scenario_for_targets(meta, override):
    """--scenario if given; else the scenario that wrote the file; else the repository's baseline (a file copied
    from another machine has a source_file that does not exist here)."""
    if override:
        return override
    source = meta.get("source_file", "")
    if source and os.path.isfile(source):
        return source
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenarios", "south-east-essex-2019.yaml")


# --- formatting -----------------------------------------------------------------------------------------------------

def decimals_for(x):
    """Enough decimals to read a value of this size, not so many that the table turns into noise."""
    x = abs(x)
    return 0 if x >= 1000 else 1 if x >= 10 else 2


def fmt(x, decimals=None):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    d = decimals_for(x) if decimals is None else decimals
    return f"{x:,.{d}f}"


def fmt_signed(x, decimals=None):
    return ("+" if x >= 0 else "-") + fmt(abs(x), decimals)


def mean_ci_text(mean, half):
    d = decimals_for(mean)
    return f"{fmt(mean, d)} ± {fmt(half, max(d, decimals_for(half)) if half < 1 else d)}"


def render_table(headers, rows, markdown):
    """Plain fixed-width columns, or a GitHub markdown table (pipes in cells escaped)."""
    if markdown:
        clean = [[str(c).replace("|", "\\|") for c in r] for r in [headers] + rows]
        lines = ["| " + " | ".join(clean[0]) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        return lines + ["| " + " | ".join(r) + " |" for r in clean[1:]]
    widths = [max(len(str(r[i])) for r in [headers] + rows) for i in range(len(headers))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()
    return [line(headers), "  ".join("-" * w for w in widths)] + [line(r) for r in rows]


def bullet(line, markdown):
    """A summary line as a markdown list item; an indented line is a sub-item of the one above."""
    if not markdown:
        return line
    return "  - " + line.strip() if line.startswith("  ") else "- " + line


def heading(text, markdown):
    return [f"### {text}", ""] if markdown else [text, "=" * len(text)]


# --- verdicts -------------------------------------------------------------------------------------------------------

def verdict_against_target(mean, observed, sd):
    """Distance to a documented target in its own sd (the sd the calibration used)."""
    z = (mean - observed) / sd
    if abs(z) <= 1:
        return f"within 1 sd of the target (z = {z:+.2f})"
    if abs(z) <= 2:
        return f"within 2 sd of the target (z = {z:+.2f})"
    side = "above" if z > 0 else "below"
    return f"{side} the target by {fmt(abs(mean - observed))} (z = {z:+.2f})"


def verdict_against_reference(mean, half, ref):
    """Each part of the reference the row has, in one sentence; a point figure is compared within the model's CI."""
    unit = " points" if ref.get("unit") == "%" else ""
    parts = []
    if "low" in ref and "high" in ref:
        if ref["low"] <= mean <= ref["high"]:
            parts.append(f"within the {ref.get('range_name', 'national range')} {fmt(ref['low'])}-{fmt(ref['high'])}")
        elif mean < ref["low"]:
            parts.append(f"below the range by {fmt(ref['low'] - mean)}{unit}")
        else:
            parts.append(f"above the range by {fmt(mean - ref['high'])}{unit}")
    if "limit" in ref:
        parts.append(f"under the {fmt(ref['limit'])} limit" if mean < ref["limit"]
                     else f"over the {fmt(ref['limit'])} limit by {fmt(mean - ref['limit'])}{unit}")
    if "point" in ref:
        diff = mean - ref["point"]
        if abs(diff) <= half:
            parts.append(f"equal to England's ≈ {fmt(ref['point'])} within the CI")
        else:
            relative = f" ({diff / ref['point'] * 100:+.0f} %)" if ref.get("unit") != "%" else ""
            parts.append(f"{'above' if diff > 0 else 'below'} England's ≈ {fmt(ref['point'])} by "
                         f"{fmt(abs(diff))}{unit}{relative}")
    if "standard" in ref:
        parts.append(f"meets the {fmt(ref['standard'])} standard" if mean >= ref["standard"]
                     else f"misses the {fmt(ref['standard'])} standard by {fmt(ref['standard'] - mean)}{unit}")
    if "ambition" in ref:
        parts.append(f"reaches the {fmt(ref['ambition'])} ambition" if mean >= ref["ambition"]
                     else f"short of the {fmt(ref['ambition'])} ambition by {fmt(ref['ambition'] - mean)}{unit}")
    if "threshold" in ref:
        side = "above" if mean > ref["threshold"] else "below"
        parts.append(f"{side} {ref['threshold_name']} {fmt(ref['threshold'])} by {fmt(abs(mean - ref['threshold']))}"
                     f"{unit}")
    if "no_effect" in ref:
        # A weekend day's discharges relative to a weekday's: share s over 2 days against (100 - s) over 5.
        ratio = (mean / 2) / ((100 - mean) / 5)
        parts.append(f"{fmt_signed(mean - ref['no_effect'])}{unit} from no effect: a weekend day discharges "
                     f"{ratio:.2f}x a weekday")
    return "; ".join(parts)


# --- table (a) ------------------------------------------------------------------------------------------------------

def model_values(kpis, ref):
    """Per-replication values of a reference row, or None (with the missing KPI's name) if the file lacks it."""
    if "share" in ref:
        numerator, denominator = ref["share"]
        missing = [k for k in (numerator, denominator) if k not in kpis]
        if missing:
            return None, missing[0]
        return 100 * kpis[numerator] / kpis[denominator], None
    if ref["kpi"] not in kpis:
        return None, ref["kpi"]
    return kpis[ref["kpi"]], None


def kpi_rows(kpis, targets, targets_file):
    rows, notes = [], []
    for target in targets:
        kpi = target["kpi"]
        if kpi not in kpis:
            notes.append(f"skipped documented target {kpi}: not in the file")
            continue
        mean, half = mean_and_half_width(kpis[kpi])
        rows.append([kpi, f"{fmt(target['observed'])} (sd {fmt(target['sd'])})",
                     f"{target['source']} (via {os.path.basename(targets_file)})", mean_ci_text(mean, half),
                     verdict_against_target(mean, target["observed"], target["sd"])])
    if not targets:
        notes.append(f"no calibration: targets found in {targets_file}: documented rows skipped")
    for ref in NATIONAL_REFERENCES:
        values, missing = model_values(kpis, ref)
        if values is None:
            notes.append(f"skipped {ref['label']}: {missing} not in the file")
            continue
        mean, half = mean_and_half_width(values)
        rows.append([ref["label"], ref["text"], ref["source"], mean_ci_text(mean, half),
                     verdict_against_reference(mean, half, ref)])
    return rows, notes


# --- table (b) ------------------------------------------------------------------------------------------------------

def measured_days_by_month(meta, labels):
    """Measured days in each labelled month: a partial first or last month covers only its measured days, so
    attendances are compared per day (months also differ in length by up to 3 days in 31)."""
    start = datetime.date.fromisoformat(str(meta["start_date"]))
    counts = {label: 0 for label in labels}
    for d in range(int(meta["days"])):
        label = (start + datetime.timedelta(days=d)).strftime("%Y-%m")
        if label in counts:
            counts[label] += 1
    return np.array([counts[label] for label in labels], dtype=float)


def month_of(label):
    return int(label[-2:])


def season_difference_per_replication(table, labels, winter=WINTER_MONTHS, summer=SUMMER_MONTHS):
    """Mean of the winter months minus mean of the summer months, per replication (pairs cancel the replication's
    own level), over the months the summary keeps; None if the file lacks either season."""
    keep = [i for i, l in enumerate(labels) if l not in EXCLUDED_FROM_SUMMARY]
    w = [i for i in keep if month_of(labels[i]) in winter]
    s = [i for i in keep if month_of(labels[i]) in summer]
    if not w or not s:
        return None
    return table[:, w].mean(axis=1) - table[:, s].mean(axis=1)


def england_season_difference(labels, winter=WINTER_MONTHS, summer=SUMMER_MONTHS):
    keep = [month_of(l) for l in labels if l not in EXCLUDED_FROM_SUMMARY]
    w = [ENGLAND_4H_PCT_2019_20[m] for m in keep if m in winter]
    s = [ENGLAND_4H_PCT_2019_20[m] for m in keep if m in summer]
    return (np.mean(w) - np.mean(s)) if w and s else None


def monthly_rows(monthly, meta):
    labels = monthly["names"]
    four_hour = monthly["ae_4h_pct"].mean(axis=0)
    occupancy = monthly["bed_occupancy_pct"].mean(axis=0)
    attendances = monthly["ae_attendances"].mean(axis=0)
    per_day = attendances / measured_days_by_month(meta, labels)
    england = np.array([ENGLAND_4H_PCT_2019_20[month_of(l)] for l in labels])
    rows = []
    for i, label in enumerate(labels):
        rows.append([label + (" *" if label in EXCLUDED_FROM_SUMMARY else ""),
                     f"{four_hour[i]:.1f}", f"{four_hour[i] / four_hour.mean():.3f}",
                     f"{occupancy[i]:.1f}", f"{occupancy[i] / occupancy.mean():.3f}",
                     f"{attendances[i]:,.0f}", f"{per_day[i] / per_day.mean():.3f}",
                     f"{england[i]:.1f}", f"{england[i] / england.mean():.3f}"])
    return rows, four_hour, england


def dip_verdict(model, england):
    """How the model's winter change compares with England's: direction, then size as a fraction of England's."""
    if england == 0:
        return "England shows no change"
    if np.sign(model) != np.sign(england):
        return "opposite direction to England's"
    return f"same direction, the model's change is {model / england:.2f} of England's"


def monthly_summary(monthly, four_hour, england):
    labels = monthly["names"]
    lines = []
    keep = [i for i, l in enumerate(labels) if l not in EXCLUDED_FROM_SUMMARY]
    if len(keep) >= 3:
        r = float(np.corrcoef(four_hour[keep], england[keep])[0, 1])
        span = f"{labels[keep[0]]} to {labels[keep[-1]]}, {len(keep)} months"
        lines.append(f"Pearson correlation of the model's monthly 4-hour % with England's ({span}): r = {r:.2f}")
    model_4h = season_difference_per_replication(monthly["ae_4h_pct"], labels)
    england_4h = england_season_difference(labels)
    if model_4h is not None and england_4h is not None:
        m, h = mean_and_half_width(model_4h)
        inside = "England's value inside the model's CI" if abs(m - england_4h) <= h else \
            "England's value outside the model's CI"
        lines.append(f"4-hour % winter (Dec-Feb) minus summer (Jun-Aug): model {m:+.2f} ± {h:.2f} points (paired by "
                     f"replication), England {england_4h:+.2f}: {dip_verdict(m, england_4h)}; {inside}")
        # A mean dip can be a few collapsing winters among quiet ones: the spread says which.
        lines.append(f"  the model's dip over replications: median {np.median(model_4h):+.2f}, from "
                     f"{model_4h.min():+.2f} to {model_4h.max():+.2f}; {int((model_4h < england_4h).sum())} of "
                     f"{len(model_4h)} replications dip more than England")
    model_occ = season_difference_per_replication(monthly["bed_occupancy_pct"], labels)
    if model_occ is not None:
        m, h = mean_and_half_width(model_occ)
        low, high = ENGLAND_OCCUPANCY_WINTER_RISE
        where = "within" if low <= m <= high else "below" if m < low else "above"
        lines.append(f"G&A occupancy winter (Dec-Feb) minus summer (Jun-Aug): model {m:+.2f} ± {h:.2f} points, "
                     f"England ≈ {low:+.0f} to {high:+.0f} [{ENGLAND_OCCUPANCY_SOURCE}]: {where} the reference, "
                     f"{dip_verdict(m, (low + high) / 2).replace('change', 'rise')} midpoint")
        january = season_difference_per_replication(monthly["bed_occupancy_pct"], labels, winter=(1,))
        if january is not None:
            m, h = mean_and_half_width(january)
            lines.append(f"G&A occupancy January minus summer (the reference's own months): model {m:+.2f} ± "
                         f"{h:.2f} points")
    return lines


# --- main -----------------------------------------------------------------------------------------------------------

def report(path, markdown, scenario_override):
    kpis, monthly, meta = open_results(path)
    n = len(next(iter(kpis.values())))
    targets, targets_file = calibration_targets(scenario_for_targets(meta, scenario_override))
    out = [f"{meta.get('scenario_name', '?')}: {n} replications of {meta.get('days')} days from "
           f"{meta.get('start_date')} (pfsim {meta.get('pfsim_version')}); model = mean ± 95 % CI half-width "
           f"(Student t, {n - 1} df)", ""]
    out += heading("(a) KPIs against the documents and national references", markdown)
    rows, notes = kpi_rows(kpis, targets, targets_file)
    out += render_table(["KPI", "documented / reference", "source", "model", "verdict"], rows, markdown)
    out += [""] + [f"note: {x}" for x in notes] + ([""] if notes else [])
    out += heading("(b) Monthly shape against England's", markdown)
    if not all(k in monthly for k in ("names",) + MONTHLY_KPIS):
        out.append("note: the file has no /monthly tables (or lacks one of " + ", ".join(MONTHLY_KPIS) + "): skipped")
        return out
    rows, four_hour, england = monthly_rows(monthly, meta)
    out += render_table(["month", "model 4h %", "index", "G&A occ %", "index", "attendances", "index/day",
                         "England 4h %", "index"], rows, markdown)
    out += ["", f"England: {ENGLAND_4H_SOURCE}. Indices are month / mean over the file's months (attendances per "
                "measured day). G&A occupancy is the time-average (monthly bed_occupancy_pct).",
            "Months marked * (March 2020, disturbed by COVID-19) are left out of the summary below.", ""]
    out += [bullet(line, markdown) for line in monthly_summary(monthly, four_hour, england)]
    return out


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="a pfsim results file (.h5)")
    parser.add_argument("--markdown", action="store_true", help="markdown tables (for README)")
    parser.add_argument("--scenario", help="scenario YAML whose calibration: targets to use (default: the file's)")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8")  # "±" and "≈" even when ctest's pipe has an ASCII locale
    try:
        print("\n".join(report(args.results, args.markdown, args.scenario)))
    except NotAResultsFile as e:
        print(f"validate_baseline.py: error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
