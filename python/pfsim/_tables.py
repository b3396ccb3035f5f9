"""A results record (pfsim._core's dict of numpy arrays) as tidy pandas tables: one row per observation, the
replication, label and KPI in columns, the values in `value` and their units beside them."""
import numpy as np
import pandas as pd

# What the label axis of each /<group> of labelled tables is called (DESIGN §7); other groups say "label".
LABEL_COLUMNS = {
    "by_site": "site", "by_locality": "locality", "monthly": "month", "travel": "locality", "schemes": "scheme",
    "parameter_samples": "parameter", "calibration": "column", "calibration_fit": "target",
    "calibration_parameters": "parameter",
}
# Groups whose rows are replications; the calibration tables' rows are candidates or a single row.
REPLICATION_ROWS = {"by_site", "by_locality", "monthly", "travel", "schemes", "parameter_samples"}
SUMMARY_COLUMNS = ["mean", "sd", "ci95_half", "p5", "p50", "p95"]
COMPARE_SUMMARY_COLUMNS = ["mean", "ci95_half", "p5", "p50", "p95"]  # /compare/.../<kpi>_summary, per column


def kpi_table(kpis):
    """replication, kpi, value, units: one row per replication × KPI."""
    frames = [pd.DataFrame({"replication": np.arange(len(k["values"])), "kpi": k["name"], "value": k["values"],
                            "units": k["units"]}) for k in kpis]
    if not frames:
        return pd.DataFrame(columns=["replication", "kpi", "value", "units"])
    return pd.concat(frames, ignore_index=True)


def summary_table(summary, kpis):
    """One row per KPI, indexed by name: mean, sd, ci95_half (95 % CI half-width), p5, p50, p95, n, units."""
    units = {k["name"]: k["units"] for k in kpis}
    descriptions = {k["name"]: k["description"] for k in kpis}
    frame = pd.DataFrame([{c: row[c] for c in ["name", "n"] + SUMMARY_COLUMNS} for row in summary],
                         columns=["name", "n"] + SUMMARY_COLUMNS)
    frame["units"] = frame["name"].map(units)
    frame["description"] = frame["name"].map(descriptions)
    return frame.set_index("name").rename_axis("kpi")[SUMMARY_COLUMNS + ["n", "units", "description"]]


def daily_table(daily, start_date):
    """replication, day (0 = start_date), date, series, value, units."""
    frames = []
    start = pd.Timestamp(start_date) if start_date else None
    for s in daily:
        values = np.asarray(s["values"])
        reps, days = values.shape
        frames.append(pd.DataFrame({
            "replication": np.repeat(np.arange(reps), days),
            "day": np.tile(np.arange(days), reps),
            "series": s["name"],
            "value": values.reshape(-1).astype("float64"),
            "units": s["units"],
        }))
    if not frames:
        return pd.DataFrame(columns=["replication", "day", "date", "series", "value", "units"])
    table = pd.concat(frames, ignore_index=True)
    table.insert(2, "date", start + pd.to_timedelta(table["day"], unit="D") if start is not None else pd.NaT)
    return table


def labelled_table(group, labels, tables):
    """<row>, <label>, kpi, value, units for one group of [row × label] tables (row = replication for runs)."""
    label_column = LABEL_COLUMNS.get(group, "label")
    row_column = "replication" if group in REPLICATION_ROWS else "row"
    frames = []
    for t in tables:
        values = np.asarray(t["values"])
        rows, columns = values.shape
        frames.append(pd.DataFrame({
            row_column: np.repeat(np.arange(rows), columns),
            label_column: np.tile(np.asarray(labels, dtype=object), rows),
            "kpi": t["name"],
            "value": values.reshape(-1),
            "units": t["units"],
        }))
    if not frames:
        return pd.DataFrame(columns=[row_column, label_column, "kpi", "value", "units"])
    table = pd.concat(frames, ignore_index=True)
    if group == "monthly":  # "2019-12" → the first day of the month, for plotting on a time axis
        table.insert(2, "date", pd.to_datetime(table["month"], format="%Y-%m"))
    return table


def compare_tables(datasets, site_names, locality_names, replications):
    """The paired differences option − base under /compare/<option>/ (README "Comparing options").

    Returns (summary, paired): summary has one row per option × scope × KPI × label (mean, ci95_half, p5, p50,
    p95 of the difference, and significant = the 95 % CI excludes 0); paired one row per replication as well.
    scope is "system", "by_site", "by_locality" or "travel"; label the site, locality or "" for the system.
    """
    axis = {"system": [""], "by_site": site_names, "by_locality": locality_names,
            "travel": list(locality_names) + ["all localities"]}
    summary_rows, paired = [], []
    by_path = dict(datasets)
    for path, values in datasets:
        parts = path.strip("/").split("/")
        if len(parts) < 3 or parts[0] != "compare" or parts[-1].endswith("_summary"):
            continue
        option = parts[1]
        scope = parts[2] if len(parts) == 4 else "system"
        kpi = parts[-1]
        labels = axis.get(scope, [])
        columns = len(labels)
        if columns == 0 or len(values) != replications * columns:
            continue
        matrix = np.asarray(values).reshape(replications, columns)
        paired.append(pd.DataFrame({
            "option": option, "scope": scope, "kpi": kpi,
            "label": np.tile(np.asarray(labels, dtype=object), replications),
            "replication": np.repeat(np.arange(replications), columns),
            "difference": matrix.reshape(-1),
        }))
        stored = by_path.get(path + "_summary")
        if stored is not None and len(stored) == columns * len(COMPARE_SUMMARY_COLUMNS):
            s = np.asarray(stored).reshape(columns, len(COMPARE_SUMMARY_COLUMNS))
            for c, label in enumerate(labels):
                row = {"option": option, "scope": scope, "kpi": kpi, "label": label}
                row.update(zip(COMPARE_SUMMARY_COLUMNS, s[c]))
                summary_rows.append(row)
    summary = pd.DataFrame(summary_rows, columns=["option", "scope", "kpi", "label"] + COMPARE_SUMMARY_COLUMNS)
    summary["significant"] = (summary["mean"] - summary["ci95_half"] > 0) | (summary["mean"] + summary["ci95_half"] < 0)
    paired = pd.concat(paired, ignore_index=True) if paired else pd.DataFrame(
        columns=["option", "scope", "kpi", "label", "replication", "difference"])
    return summary, paired


def qipp_tables(datasets, scheme_names, replications):
    """/qipp (README "Schemes and QIPP risk") as three tables: per replication (savings, flow savings and the
    activity counts), per scheme (cost, prior mean, contribution and each tornado swing) and the targets
    (p_meet_target and each kpi_targets/<kpi>: target, at_most, p, lo, hi)."""
    per_replication, per_scheme, targets = {}, {}, []
    for path, values in datasets:
        parts = path.strip("/").split("/")
        if parts[0] != "qipp":
            continue
        name = "/".join(parts[1:])
        values = np.asarray(values)
        if parts[1] == "p_meet_target" and len(values) == 4:
            targets.append({"target": "qipp_savings_gbp", "value": values[0], "at_most": False,
                            "p": values[1], "lo": values[2], "hi": values[3]})
        elif parts[1] == "kpi_targets" and len(values) == 5:
            targets.append({"target": parts[2], "value": values[0], "at_most": bool(values[1]),
                            "p": values[2], "lo": values[3], "hi": values[4]})
        elif len(values) == len(scheme_names) and parts[1] in ("scheme_cost_gbp", "scheme_prior_mean", "contribution_gbp", "tornado"):
            per_scheme[name] = values
        elif len(values) == replications:
            per_replication[name] = values
    by_replication = pd.DataFrame(per_replication).rename_axis("replication")
    by_scheme = pd.DataFrame(per_scheme, index=pd.Index(scheme_names, name="scheme")) if per_scheme else pd.DataFrame()
    return by_replication, by_scheme, pd.DataFrame(targets, columns=["target", "value", "at_most", "p", "lo", "hi"])
