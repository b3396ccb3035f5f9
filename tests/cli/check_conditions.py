#!/usr/bin/env python3
"""Checks of the admission-condition measures on pfsim results files (DESIGN §3 Conditions, §5.2).

  check_conditions.py present RESULTS.h5
      the six condition KPIs are in /kpi and per locality; the locality counts add up to the whole system's, and each
      rate per 100,000 is within 10 % of the rate the baseline's condition shares were sized to (falls 2,100 per 100k
      65+, chronic ACSC 800, urgent-care-sensitive 1,250: scenarios/south-east-essex-2019.yaml).
  check_conditions.py falls-scheme COMPARE.h5 LABEL
      a falls scheme (common random numbers) lowers emergency admissions due to falls 65+ (paired 95 % CI below 0) and
      changes the admissions of the other conditions by less than their CI or 0.5 % (readmissions only).
"""
import sys

import h5py
import numpy as np

COUNTS = ["falls_admissions_65plus", "acsc_chronic_admissions", "acsc_urgent_admissions"]
RATES = {"falls_admissions_65plus_per_100k": 2100, "acsc_chronic_admissions_per_100k": 800,
         "acsc_urgent_admissions_per_100k": 1250}


def check_present(path):
    problems = []
    with h5py.File(path, "r") as f:
        kpi = f["kpi/replications"][()]
        for name in COUNTS + list(RATES):
            if name not in kpi.dtype.names or name not in f["by_locality"]:
                problems.append(f"{name} missing from /kpi or /by_locality")
        if not problems:
            for name in COUNTS:
                by_locality = f[f"by_locality/{name}"][()].sum(axis=1)
                if not np.allclose(by_locality, kpi[name]):
                    problems.append(f"{name}: the localities add up to {by_locality}, not {kpi[name]}")
            for name, sized_to in RATES.items():
                mean = kpi[name].mean()
                print(f"{name}: {mean:.1f} (sized to {sized_to})")
                if abs(mean - sized_to) > 0.1 * sized_to:
                    problems.append(f"{name}: {mean:.1f}, more than 10 % from {sized_to}")
    print("\n".join(problems) if problems else "ok")
    return 1 if problems else 0


def check_falls_scheme(path, label):
    problems = []
    with h5py.File(path, "r") as f:
        base = f["kpi/replications"][()]
        for name in COUNTS:
            mean, half = f[f"compare/{label}/{name}_summary"][()][:2]
            print(f"{name}: {mean:+.4g} ± {half:.3g} (base {base[name].mean():.1f})")
            if name.startswith("falls"):
                if not mean + half < 0:
                    problems.append(f"{name}: expected fewer (paired CI below 0)")
            elif abs(mean) > max(half, 0.005 * base[name].mean()):
                problems.append(f"{name}: moved {mean:+.4g}, beyond its CI and 0.5 % of the base")
    print("\n".join(problems) if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    sys.exit(check_present(*args) if mode == "present" else check_falls_scheme(*args))
