#!/usr/bin/env python3
"""Do two pfsim builds give the same KPI distributions? Issue 25 item 1's check that a new results version (a changed
variate algorithm) changed no distribution: the same scenarios run with each build at the same replication count
(different random numbers, since the algorithms differ), every per-replication KPI in /kpi/replications compared by
Welch's t test, with Holm's correction across the KPIs of a scenario so that one chance disagreement in 70 does not
fail it. Not a ctest test (≈ 10 minutes at 200 replications): run by hand and record the output in bench/RESULTS.md.

  bench/results_version.py --old OLD_PFSIM --new NEW_PFSIM [-r 200] [-j 2] SCENARIO...

Exit status 1 if any KPI of any scenario differs after Holm's correction at the 5 % family-wise level.
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))
from compare import summary, welch  # noqa: E402  (the peer benchmark's Welch test, shared)


def run(binary, scenario, reps, threads, out):
    cmd = [binary, "run", scenario, "-r", str(reps), "-j", str(threads), "-q", "-o", out]
    subprocess.run(cmd, check=True)
    with h5py.File(out, "r") as f:
        table = f["kpi/replications"][()]
        version = f["meta"].attrs.get("results_version", b"1")
    version = version.decode() if isinstance(version, bytes) else str(version)
    return {k: np.asarray(table[k], dtype=float) for k in table.dtype.names}, version


def holm(pvalues, alpha=0.05):
    """Indices rejected by Holm's step-down procedure."""
    order = sorted(range(len(pvalues)), key=lambda i: pvalues[i])
    rejected = set()
    for rank, i in enumerate(order):
        if pvalues[i] > alpha / (len(pvalues) - rank):
            break
        rejected.add(i)
    return rejected


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", required=True)
    ap.add_argument("-r", type=int, default=200)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("scenarios", nargs="+")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="pfsim-results-version-")
    failed = False
    for scenario in a.scenarios:
        old, v_old = run(a.old, scenario, a.r, a.j, os.path.join(work, "old.h5"))
        new, v_new = run(a.new, scenario, a.r, a.j, os.path.join(work, "new.h5"))
        names = [k for k in old if k in new and k != "replication" and not (np.all(old[k] == old[k][0]) and np.all(new[k] == new[k][0])
                                                        and old[k][0] == new[k][0])]
        rows = []
        for k in names:
            d, half, p, _ = welch(new[k], old[k])
            rows.append((k, summary(old[k]), summary(new[k]), d, half, p))
        rejected = holm([r[5] for r in rows])
        raw = sum(1 for r in rows if r[5] < 0.05)
        print(f"\n{scenario}: results version {v_old} vs {v_new}, {a.r} replications each, {len(rows)} KPIs that vary")
        print(f"{'KPI':<44} {'old mean ± 95% CI':>24} {'new mean ± 95% CI':>24} {'p':>7}")
        for i, (k, (m1, _, _, h1), (m2, _, _, h2), d, half, p) in enumerate(rows):
            mark = "  DIFFERS" if i in rejected else ("  (p < 0.05)" if p < 0.05 else "")
            print(f"{k:<44} {m1:>14.6g} ± {h1:<7.3g} {m2:>14.6g} ± {h2:<7.3g} {p:7.3f}{mark}")
        expected = 0.05 * len(rows)
        print(f"{raw} of {len(rows)} KPIs at p < 0.05 (about {expected:.1f} expected by chance); "
              f"{len(rejected)} differ after Holm's correction")
        failed |= bool(rejected)
    print("\nno distribution changed" if not failed else "\nSOME KPI DIFFERS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
