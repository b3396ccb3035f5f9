#!/usr/bin/env python3
"""Load a pfsim results file (DESIGN §7) into tidy pandas tables.

    from load_results import load_results
    r = load_results("results.h5")
    r.kpi          # replication, kpi, value, units            (one row per replication × KPI)
    r.daily        # replication, day, date, series, value, units  (one row per replication × day × series)
    r.by_site      # replication, site, kpi, value, units
    r.by_locality  # replication, locality, kpi, value, units
    r.meta         # dict of /meta attributes; r.scenario_yaml the resolved scenario text

Needs h5py and pandas (Debian: python3-h5py python3-pandas, for /usr/bin/python3), not a build of pfsim. The pfsim
module's pfsim.read(path) reads every group (monthly, compare, schemes, qipp, travel, calibration) into the same
kind of tables with pfsim's own reader (README "From Python and R").
Command line: load_results.py results.h5 [--csv DIR]  prints row counts, and writes one CSV per table with --csv.
"""
import argparse
import sys
from dataclasses import dataclass, field

import h5py
import numpy as np
import pandas as pd


def _text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else value


@dataclass
class Results:
    meta: dict = field(default_factory=dict)
    scenario_yaml: str = ""
    kpi: pd.DataFrame = None
    daily: pd.DataFrame = None
    by_site: pd.DataFrame = None
    by_locality: pd.DataFrame = None


def _kpi_table(f):
    if "kpi/replications" not in f:
        return pd.DataFrame(columns=["replication", "kpi", "value", "units"])
    table = f["kpi/replications"]
    wide = pd.DataFrame({name: table[name] for name in table.dtype.names})
    if "replication" not in wide:
        wide.insert(0, "replication", np.arange(len(wide)))
    long = wide.melt(id_vars="replication", var_name="kpi", value_name="value")
    units = {k: _text(table.attrs.get(f"units_{k}", "")) for k in long["kpi"].unique()}
    long["units"] = long["kpi"].map(units)
    return long


def _daily_table(f, start_date):
    frames = []
    for name, ds in f.get("daily", {}).items():
        values = ds[()]
        reps, days = values.shape
        frame = pd.DataFrame({
            "replication": np.repeat(np.arange(reps), days),
            "day": np.tile(np.arange(days), reps),
            "series": name,
            "value": values.reshape(-1).astype("float64"),
            "units": _text(ds.attrs.get("units", "")),
        })
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=["replication", "day", "date", "series", "value", "units"])
    daily = pd.concat(frames, ignore_index=True)
    start = pd.Timestamp(start_date) if start_date else None
    daily.insert(2, "date", start + pd.to_timedelta(daily["day"], unit="D") if start is not None else pd.NaT)
    return daily


def _breakdown_table(f, group, label_column):
    frames = []
    if group in f:
        names = [_text(n) for n in f[group]["names"][()]] if "names" in f[group] else []
        for name, ds in f[group].items():
            if name == "names" or not isinstance(ds, h5py.Dataset) or ds.ndim != 2:
                continue
            values = ds[()]
            reps, labels = values.shape
            label_names = names if len(names) == labels else [str(i) for i in range(labels)]
            frames.append(pd.DataFrame({
                "replication": np.repeat(np.arange(reps), labels),
                label_column: np.tile(label_names, reps),
                "kpi": name,
                "value": values.reshape(-1).astype("float64"),
                "units": _text(ds.attrs.get("units", "")),
            }))
    if not frames:
        return pd.DataFrame(columns=["replication", label_column, "kpi", "value", "units"])
    return pd.concat(frames, ignore_index=True)


def load_results(path):
    """Read `path` into a Results of tidy (long-format) DataFrames."""
    with h5py.File(path, "r") as f:
        r = Results()
        if "meta" in f:
            r.meta = {k: _text(v.item() if hasattr(v, "item") and getattr(v, "ndim", 1) == 0 else v)
                      for k, v in f["meta"].attrs.items()}
            if "scenario_yaml" in f["meta"]:
                r.scenario_yaml = _text(f["meta/scenario_yaml"][()])
        r.kpi = _kpi_table(f)
        r.daily = _daily_table(f, r.meta.get("start_date"))
        r.by_site = _breakdown_table(f, "by_site", "site")
        r.by_locality = _breakdown_table(f, "by_locality", "locality")
    return r


def main(argv=None):
    parser = argparse.ArgumentParser(description="Load a pfsim results file into tidy tables")
    parser.add_argument("results")
    parser.add_argument("--csv", metavar="DIR", help="write kpi.csv, daily.csv, by_site.csv, by_locality.csv to DIR")
    args = parser.parse_args(argv)
    try:
        r = load_results(args.results)
    except (OSError, KeyError) as e:
        print(f"load_results: {args.results}: {e}", file=sys.stderr)
        return 1
    for name in ("kpi", "daily", "by_site", "by_locality"):
        table = getattr(r, name)
        print(f"{name}: {len(table)} rows")
        if args.csv:
            import os
            os.makedirs(args.csv, exist_ok=True)
            table.to_csv(os.path.join(args.csv, f"{name}.csv"), index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
