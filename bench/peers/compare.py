#!/usr/bin/python3
"""Run the peer benchmark: pfsim and the SimPy 2 model of bench/peers/ae-model.yaml, compare KPIs and speed.

Called by bench/peers/run.sh. Runs pfsim (-j 1) with R replications and the SimPy model with S replications, one
after the other, each as a child process timed by wall clock and by CPU (user + sys of the child). Reads pfsim's
per-replication KPIs from the HDF5 results file (h5py) and the SimPy model's from its JSON file. For each KPI: mean and
95 % CI half-width (Student t, n - 1 df) per side, and a Welch test: the two agree when |mean difference| is within the
95 % CI of the difference, t(0.975, Welch df) x sqrt(s1^2/n1 + s2^2/n2). Exit status 1 when any KPI disagrees.
"""
import argparse
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np

KPIS = [  # name in pfsim's /kpi/replications, label, units
    ("ae_attendances", "A&E attendances per year", ""),
    ("ae_mean_time_min", "mean time in A&E", "min"),
    ("ae_4h_pct", "4-hour %", ""),
    ("bed_occupancy_pct", "bed occupancy % (time-average)", ""),
    ("trolley_wait_mean_h", "mean trolley wait", "h"),
]


# --- Student t without scipy: regularised incomplete beta by continued fraction (Numerical Recipes 6.4) ---
def _betacf(a, b, x):
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c if abs(1.0 + aa / c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c if abs(1.0 + aa / c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-14:
            break
    return h


def _betai(a, b, x):
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    lbt = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(lbt) * _betacf(a, b, x) / a
    return 1.0 - math.exp(lbt) * _betacf(b, a, 1.0 - x) / b


def t_two_sided_p(t, df):
    return _betai(0.5 * df, 0.5, df / (df + t * t))


def t_quantile_975(df):
    lo, hi = 0.0, 1000.0  # two-sided p = 0.05
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if t_two_sided_p(mid, df) > 0.05:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def summary(x):
    x = np.asarray(x, dtype=float)
    n = len(x)
    m = float(x.mean())
    s = float(x.std(ddof=1)) if n > 1 else 0.0
    half = t_quantile_975(n - 1) * s / math.sqrt(n) if n > 1 else float("inf")
    return m, s, n, half


def welch(a, b):
    (m1, s1, n1, _), (m2, s2, n2, _) = summary(a), summary(b)
    v1, v2 = s1 * s1 / n1, s2 * s2 / n2
    se = math.sqrt(v1 + v2)
    if se == 0:
        return m1 - m2, 0.0, (1.0 if m1 == m2 else 0.0), m1 == m2
    df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    half = t_quantile_975(df) * se
    return m1 - m2, half, t_two_sided_p(abs(m1 - m2) / se, df), abs(m1 - m2) <= half


def timed(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout)
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}")
    return wall, cpu, proc.stdout


def fmt(m, half):
    digits = 0 if abs(m) >= 1000 else (2 if abs(m) >= 1 else 3)
    return f"{m:.{digits}f} ± {half:.{digits}f}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pfsim", required=True)
    ap.add_argument("--scenario", default=os.path.join(here, "ae-model.yaml"))
    ap.add_argument("-r", "--pfsim-replications", type=int, default=20)
    ap.add_argument("-s", "--simpy-replications", type=int, default=20)
    ap.add_argument("--seed", type=int, default=11, help="pfsim master seed; SimPy seeds its own generator from it")
    ap.add_argument("--keep", help="directory to keep results.h5 and simpy.json in")
    a = ap.parse_args()

    work = a.keep or tempfile.mkdtemp(prefix="pfsim-peers-")
    os.makedirs(work, exist_ok=True)
    h5, js = os.path.join(work, "pfsim.h5"), os.path.join(work, "simpy.json")
    R, S = a.pfsim_replications, a.simpy_replications
    pf_cmd = [a.pfsim, "run", a.scenario, "-r", str(R), "-j", "1", "--seed", str(a.seed), "-q", "-o", h5]
    sp_cmd = [sys.executable, os.path.join(here, "ae_simpy.py"), a.scenario, "-r", str(S), "--seed", str(a.seed), "-o", js]
    print("pfsim:", " ".join(pf_cmd))
    print("simpy:", " ".join(sp_cmd))
    pf_wall, pf_cpu, _ = timed(pf_cmd)
    sp_wall, sp_cpu, _ = timed(sp_cmd)

    with h5py.File(h5, "r") as f:
        table = f["kpi/replications"][()]
        meta = dict(f["meta"].attrs)
    pf = {k: np.asarray(table[k], dtype=float) for k, _, _ in KPIS}
    with open(js) as f:
        sp_reps = json.load(f)["replications"]
    sp = {k: np.array([r[k] for r in sp_reps], dtype=float) for k, _, _ in KPIS}
    sp_inproc = sum(r["wall_s"] for r in sp_reps)

    days = int(meta.get("days", 365))
    warm = int(meta.get("warmup_days", 0))
    print(f"\nmodel: {a.scenario} — {days} measured days + {warm} warm-up per replication; "
          f"pfsim {R} replications (-j 1), SimPy {S} replications")
    head = f"{'KPI':<32} {'pfsim mean ± 95% CI':>22} {'SimPy mean ± 95% CI':>22} {'diff ± 95% CI (Welch)':>24} {'p':>6}  agree"
    print(head)
    print("-" * len(head))
    all_agree = True
    for k, label, unit in KPIS:
        m1, _, _, h1 = summary(pf[k])
        m2, _, _, h2 = summary(sp[k])
        d, dh, p, ok = welch(pf[k], sp[k])
        all_agree &= ok
        name = f"{label} ({unit})" if unit else label
        print(f"{name:<32} {fmt(m1, h1):>22} {fmt(m2, h2):>22} {fmt(d, dh):>24} {p:6.3f}  {'yes' if ok else 'NO'}")

    pf_w, sp_w, pf_c, sp_c = pf_wall / R, sp_wall / S, pf_cpu / R, sp_cpu / S
    print(f"\nwall time per replication-year (whole process incl. start-up and output / replications):")
    print(f"  pfsim  {pf_w * 1000:9.1f} ms   ({pf_wall:.2f} s for {R}; CPU {pf_c * 1000:.1f} ms/replication)")
    print(f"  SimPy  {sp_w * 1000:9.1f} ms   ({sp_wall:.2f} s for {S}; CPU {sp_c * 1000:.1f} ms/replication; "
          f"in-process {sp_inproc / S * 1000:.1f} ms/replication)")
    print(f"  speed ratio SimPy/pfsim: {sp_w / pf_w:.1f}x wall, {sp_c / pf_c:.1f}x CPU  (bar: >= 100x)")
    print(f"KPIs {'all agree' if all_agree else 'DISAGREE'} within their combined 95 % CIs (Welch)")
    if a.keep:
        print(f"results kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all_agree else 1


if __name__ == "__main__":
    sys.exit(main())
