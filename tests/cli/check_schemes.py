#!/usr/bin/env python3
"""Checks a `pfsim run` results file of a scenario with schemes (README "Schemes and QIPP risk"):
per-replication delivery samples in /schemes, a tornado per KPI in /qipp/tornado, savings and P(meet target)."""
import sys

import h5py
import numpy as np

path, reps = sys.argv[1], int(sys.argv[2])
with h5py.File(path, "r") as f:
    names = f["/schemes/names"][:]
    k = len(names)
    assert k > 0, "no schemes"
    delivery = f["/schemes/delivery"][:]
    assert delivery.shape == (reps, k), delivery.shape
    assert np.all((delivery >= 0) & (delivery <= 1)), "delivered fraction outside [0, 1]"
    assert np.any(delivery.std(axis=0) > 0), "no scheme's delivery varies over replications"
    assert f["/schemes/savings_gbp"].shape == (reps, k)
    savings = f["/qipp/savings_gbp"][:]
    assert savings.shape == (reps,) and np.all(np.isfinite(savings))
    money = f["/schemes/savings_gbp"][:].sum(axis=1)
    assert np.allclose(savings, money + f["/qipp/flow_savings_gbp"][:]), "total savings != money + flow"
    for kpi in ("nea", "dtoc_daily_delays", "savings_gbp"):
        t = f[f"/qipp/tornado/{kpi}"][:]
        assert t.shape == (k,) and np.all(np.isfinite(t)), kpi
    target, p, lo, hi = f["/qipp/p_meet_target"][:]
    assert 0 <= lo <= p <= hi <= 1, (p, lo, hi)
    assert abs(p - np.mean(savings >= target)) < 1e-12
    assert f["/qipp/activity/admissions_avoided"].shape == (reps,)
print(f"ok: {k} schemes x {reps} replications, P(meet target) {p:.3f} [{lo:.3f}, {hi:.3f}]")
