"""Checks the virtual-ward loss system of scenarios/tests/erlang-b-virtual-ward.yaml against Erlang B: the share of
decisions to admit treated on the ward (step-up count / (step-ups + admissions to a bed)) must be 1 - B(c, a), and the
ward's occupancy 100 a (1 - B) / c, each within 2 x the 95 % CI half-width of the replication mean.

usage: check_virtual_ward.py RESULTS.h5 SLOTS OFFERED_LOAD
       check_virtual_ward.py --datasets present|absent RESULTS.h5
         (the virtual-ward KPIs, by-site / by-locality tables and daily series are all there, or none of them)
"""
import sys

import h5py
import numpy as np
import pandas as pd

T975 = {2: 12.71, 3: 4.30, 4: 3.18, 5: 2.78, 10: 2.26, 20: 2.09}


def erlang_b(c, a):
    b = 1.0
    for k in range(1, c + 1):
        b = a * b / (k + a * b)
    return b


def check(name, values, theory):
    n = len(values)
    mean, half = values.mean(), T975.get(n, 2.0) * values.std(ddof=1) / np.sqrt(n)
    ok = abs(mean - theory) <= 2 * half and half <= 0.02 * abs(theory)
    print(f"{name}: simulated {mean:.5f} ± {half:.5f} (n={n}), theory {theory:.5f}: {'ok' if ok else 'FAIL'}")
    return ok


def main(path, c, a):
    with h5py.File(path, "r") as f:
        kpi = pd.DataFrame(f["kpi/replications"][()])
        has_series = "virtual_ward_in_use" in f["daily"]
    b = erlang_b(c, a)
    avoided, nea = kpi["virtual_ward_admissions_avoided"].to_numpy(), kpi["nea"].to_numpy()
    ok = check("share treated on the virtual ward (1 - B)", avoided / (avoided + nea), 1.0 - b)
    ok &= check("virtual_ward_occupancy_pct", kpi["virtual_ward_occupancy_pct"].to_numpy(), 100.0 * a * (1.0 - b) / c)
    if not has_series:
        print("FAIL: no /daily/virtual_ward_in_use")
    return 0 if ok and has_series else 1


KPIS = ["virtual_ward_occupancy_pct", "virtual_ward_admissions_avoided", "virtual_ward_bed_days_saved"]


def datasets(expect, path):
    with h5py.File(path, "r") as f:
        fields = f["kpi/replications"].dtype.names
        found = {"/kpi/replications field " + k: k in fields for k in KPIS}
        found.update({f"/{g}/{k}": k in f[g] for g in ("by_site", "by_locality") for k in KPIS})
        found["/daily/virtual_ward_in_use"] = "virtual_ward_in_use" in f["daily"]
        if expect == "present":
            kpi = pd.DataFrame(f["kpi/replications"][()])
            for k in KPIS:
                if k in fields:
                    print(f"{k}: mean {kpi[k].mean():.3f} over {len(kpi)} replications")
    wrong = [name for name, there in found.items() if there != (expect == "present")]
    for name in wrong:
        print(f"FAIL: {name} {'missing' if expect == 'present' else 'written without virtual_wards'}")
    print("ok" if not wrong else f"{len(wrong)} wrong")
    return 1 if wrong else 0


if __name__ == "__main__":
    if sys.argv[1] == "--datasets":
        sys.exit(datasets(sys.argv[2], sys.argv[3]))
    sys.exit(main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3])))
