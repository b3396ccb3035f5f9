#!/usr/bin/env python3
"""Checks of the discharge-ready-date measures on pfsim results files (DESIGN §5.2).

  check_discharge_ready.py present RESULTS.h5
      every discharge-ready-date and usual-residence KPI is in /kpi, by site and by locality, the two daily series in
      /daily, with values in range (shares 0-100, delays >= 0, the delayed mean >= 1 day, NCTR by pathway adding up).
  check_discharge_ready.py reablement-cut COMPARE.h5 LABEL
      the option with fewer reablement packages (common random numbers) discharges fewer adults on their date, delays
      them longer and holds more pathway-1 patients with no criteria to reside (paired 95 % CIs exclude 0), while the
      pathway 0, 2 and 3 counts move by under 5 % of the pathway-1 change (knock-on effects through readmissions only).
"""
import sys

import h5py
import numpy as np

KPIS = ["discharged_on_ready_date_pct", "discharge_delay_days_mean", "discharge_delay_days_mean_delayed", "nctr_midnight",
        "nctr_midnight_p0", "nctr_midnight_p1", "nctr_midnight_p2", "nctr_midnight_p3", "discharged_usual_residence_pct",
        "discharged_usual_residence_65plus_pct"]
DAILY = ["nctr_midnight", "discharged_on_ready_date_pct"]


def check_present(path):
    problems = []
    with h5py.File(path, "r") as f:
        kpi = f["kpi/replications"][()]
        for name in KPIS:
            if name not in kpi.dtype.names:
                problems.append(f"/kpi: {name} missing")
            for group in ("by_site", "by_locality"):
                if name not in f[group]:
                    problems.append(f"/{group}/{name} missing")
        for name in DAILY:
            if name not in f["daily"]:
                problems.append(f"/daily/{name} missing")
        if problems:
            print("\n".join(problems))
            return 1
        for name in ("discharged_on_ready_date_pct", "discharged_usual_residence_pct", "discharged_usual_residence_65plus_pct"):
            if not np.all((kpi[name] > 0) & (kpi[name] <= 100)):
                problems.append(f"{name} outside (0, 100]: {kpi[name]}")
        if not np.all(kpi["discharge_delay_days_mean"] >= 0):
            problems.append("a negative mean delay")
        if not np.all(kpi["discharge_delay_days_mean_delayed"] >= 1):
            problems.append("a delayed discharge under one day late")
        by_pathway = sum(kpi[f"nctr_midnight_p{k}"] for k in range(4))
        if not np.allclose(by_pathway, kpi["nctr_midnight"]):
            problems.append(f"NCTR by pathway {by_pathway} does not add up to {kpi['nctr_midnight']}")
        daily = f["daily/nctr_midnight"][()]
        if not np.allclose(daily.mean(axis=1), kpi["nctr_midnight"], rtol=1e-5):
            problems.append("the daily NCTR count's mean is not the KPI")
    print("\n".join(problems) if problems else f"ok: {len(KPIS)} KPIs and {len(DAILY)} daily series, values in range")
    return 1 if problems else 0


def check_reablement_cut(path, label):
    with h5py.File(path, "r") as f:
        def difference(name):
            mean, half = f[f"compare/{label}/{name}_summary"][()][:2]
            return mean, half
        expected = {"discharged_on_ready_date_pct": -1, "discharge_delay_days_mean": +1, "nctr_midnight_p1": +1,
                    "nctr_midnight_p0": 0, "nctr_midnight_p2": 0, "nctr_midnight_p3": 0}
        problems = []
        p1_change = difference("nctr_midnight_p1")[0]
        for name, sign in expected.items():
            mean, half = difference(name)
            print(f"{name}: {mean:+.4g} ± {half:.3g}")
            if sign and not (sign * mean - half > 0):
                problems.append(f"{name}: expected a paired difference {'above' if sign > 0 else 'below'} 0")
            if not sign and abs(mean) > 0.05 * abs(p1_change):
                problems.append(f"{name}: moved {mean:+.4g}, over 5 % of the pathway-1 change {p1_change:+.4g}")
    print("\n".join(problems) if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    sys.exit(check_present(*args) if mode == "present" else check_reablement_cut(*args))
