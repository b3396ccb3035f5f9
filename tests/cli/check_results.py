"""Checks a pfsim results file with h5py + pandas: every DESIGN §5 KPI present and finite, layout as DESIGN §7.

usage: check_results.py RESULTS.h5 REPLICATIONS
"""
import sys

import h5py
import numpy as np
import pandas as pd

DESIGN_KPIS = [
    "ae_attendances", "ae_4h_pct", "nea", "nea_per_100k", "bed_occupancy_pct", "dtoc_days",
    "dtoc_daily_delays", "dtoc_daily_delays_per_100k_18plus", "reablement_91d_home_pct",
    "care_home_admissions_per_100k_65plus", "los_over_21d", "readmission_30d_pct",
]


def main(path: str, replications: int) -> int:
    problems = []
    with h5py.File(path, "r") as f:
        meta = f["meta"].attrs
        for key in ["pfsim_version", "schema", "scenario_name", "seed", "replications", "warmup_days", "days",
                    "start_date", "created"]:
            if key not in meta:
                problems.append(f"/meta has no attribute {key}")
        if int(meta["replications"]) != replications:
            problems.append(f"/meta replications {meta['replications']} != {replications}")
        if "scenario_yaml" not in f["meta"]:
            problems.append("no /meta/scenario_yaml")
        table = pd.DataFrame(f["kpi/replications"][()])
        if len(table) != replications:
            problems.append(f"/kpi/replications has {len(table)} rows, expected {replications}")
        for kpi in DESIGN_KPIS:
            if kpi not in table.columns:
                problems.append(f"KPI {kpi} missing from /kpi/replications")
            elif not np.isfinite(table[kpi]).all():
                problems.append(f"KPI {kpi} has non-finite values")
        days = int(meta["days"])
        for name, dataset in f["daily"].items():
            if dataset.shape != (replications, days):
                problems.append(f"/daily/{name} has shape {dataset.shape}, expected {(replications, days)}")
            if not np.isfinite(dataset[()]).all():
                problems.append(f"/daily/{name} has non-finite values")
        summary = pd.DataFrame(f["kpi/summary"][()])
        print(summary.to_string(index=False))
    for p in problems:
        print("problem:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
