#!/usr/bin/python3
"""Reads a pfsim results file the way a user's script would (h5py + pandas), so the layout stays usable from
Python: /kpi/replications becomes a DataFrame with finite values, /kpi/summary agrees with it, /meta is readable.
Usage: /usr/bin/python3 read_with_h5py.py results.h5   (exit status 0 when every check passes)."""
import sys

import h5py
import numpy as np
import pandas as pd


def fail(message):
    print(f"read_with_h5py: {sys.argv[1]}: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    with h5py.File(sys.argv[1], "r") as f:
        meta = f["meta"].attrs
        print(f"scenario: {meta['scenario_name']}  seed: {meta['seed']}  replications: {meta['replications']}")

        reps = pd.DataFrame(f["kpi/replications"][()])
        if list(reps.columns[:1]) != ["replication"] or len(reps.columns) < 2:
            fail(f"/kpi/replications fields are {list(reps.columns)}; expected replication then KPIs")
        if len(reps) != int(meta["replications"]):
            fail(f"{len(reps)} rows in /kpi/replications but /meta replications = {meta['replications']}")
        kpis = reps.drop(columns="replication")
        if not np.isfinite(kpis.to_numpy()).all():
            fail("non-finite values in /kpi/replications")
        units = {k: f["kpi/replications"].attrs[f"units_{k}"] for k in kpis.columns}

        summary = pd.DataFrame(f["kpi/summary"][()])
        summary["kpi"] = summary["kpi"].map(lambda b: b.decode() if isinstance(b, bytes) else b)
        summary = summary.set_index("kpi")
        if list(summary.index) != list(kpis.columns):
            fail(f"/kpi/summary rows {list(summary.index)} do not match KPI fields {list(kpis.columns)}")
        if not np.allclose(summary["mean"], kpis.mean().to_numpy(), rtol=1e-12):
            fail("/kpi/summary mean differs from the mean of /kpi/replications")
        if not np.allclose(summary["p50"], kpis.median().to_numpy(), rtol=1e-12):
            fail("/kpi/summary p50 differs from the median of /kpi/replications")

        for name, series in f["daily"].items():
            if series.dtype != np.float32 or series.ndim != 2 or series.shape[0] != len(reps):
                fail(f"/daily/{name} is {series.dtype} {series.shape}; expected float32 [replication x day]")
        sites = [s.decode() for s in f["by_site/names"][()]]

        summary["units"] = pd.Series(units)
        with pd.option_context("display.width", 160, "display.max_columns", 20):
            print(summary)
        print(f"sites: {sites}; daily series: {list(f['daily'].keys())}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main()
