#!/usr/bin/env python3
"""Runs python/load_results.py on a small run file and checks every tidy table has one row per
(replication × item): KPIs, days × series, sites and localities × breakdown KPIs; dates start at start_date."""
import sys

import h5py
import pandas as pd


def main(loader_dir, results_path, replications, days):
    sys.path.insert(0, loader_dir)
    from load_results import load_results

    r = load_results(results_path)
    with h5py.File(results_path, "r") as f:
        kpis = len(f["kpi/replications"].dtype.names) - 1
        series = len(f["daily"])
        site_cells = sum(ds.shape[1] for n, ds in f["by_site"].items() if n != "names")
        locality_cells = sum(ds.shape[1] for n, ds in f["by_locality"].items() if n != "names")
    want = {"kpi": replications * kpis, "daily": replications * days * series,
            "by_site": replications * site_cells, "by_locality": replications * locality_cells}
    problems = [f"{name}: {len(getattr(r, name))} rows, want {n}" for name, n in want.items() if len(getattr(r, name)) != n]
    if list(r.daily.columns[:5]) != ["replication", "day", "date", "series", "value"]:
        problems.append(f"daily columns {list(r.daily.columns)}")
    if r.daily["date"].min() != pd.Timestamp(r.meta["start_date"]):
        problems.append(f"first date {r.daily['date'].min()} != start_date {r.meta['start_date']}")
    if r.daily["date"].max() != pd.Timestamp(r.meta["start_date"]) + pd.Timedelta(days=days - 1):
        problems.append(f"last date {r.daily['date'].max()}")
    if sorted(r.kpi["replication"].unique()) != list(range(replications)):
        problems.append("replications are not 0..n-1")
    if r.kpi["value"].isna().any():
        problems.append("missing KPI values")
    for p in problems:
        print(p)
    if not problems:
        print("ok: " + ", ".join(f"{k} {v} rows" for k, v in want.items()))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
