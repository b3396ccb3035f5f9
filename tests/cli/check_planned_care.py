"""Analytic checks of planned care (README "Planned care", DESIGN §9).

usage: check_planned_care.py loss RESULTS.h5 BEDS LOS_DAYS LISTED_PER_DAY
         scenarios/tests/erlang-b-elective.yaml: everyone listed since the previous morning, plus everyone cancelled the
         day before, asks for one of BEDS ring-fenced beds at the morning list; stays are exponential. The occupancy
         after the morning's admissions and the rebooking backlog form a Markov chain, solved here exactly: on-the-day
         cancellations per admission and the ward's time-average occupancy must match it within 2 x the 95 % CI.
       check_planned_care.py rtt RESULTS.h5 REFERRALS_PER_DAY MEAN_WAIT_DAYS
         scenarios/tests/rtt-non-admitted.yaml: non-admitted pathways only, exponential waits (M/M/infinity): the mean
         month-end waiting list is lambda x mean wait (Little's law), the share under 18 weeks 1 - exp(-126 / mean),
         the 52-week waiters L exp(-364 / mean).
       check_planned_care.py --datasets present|absent RESULTS.h5
         (the planned-care KPIs, by-site / by-locality tables, daily and monthly series are all there, or none of them)
"""
import math
import sys

import h5py
import numpy as np
import pandas as pd

T975 = {2: 12.71, 3: 4.30, 4: 3.18, 5: 2.78, 10: 2.26, 20: 2.09}
KPIS = ["elective_referrals", "elective_admissions", "day_case_admissions", "elective_cancelled_on_day",
        "elective_cancelled_on_day_pct", "elective_not_rebooked_28d", "rtt_incomplete_18w_pct", "rtt_waiting_list",
        "rtt_52w_waiters", "rtt_admitted_18w_pct", "elective_within_priority_target_pct", "theatre_utilisation_pct",
        "elective_bed_days", "elective_ward_occupancy_pct"]
DAILY = ["elective_waiting_list", "elective_in_beds"]
MONTHLY = ["rtt_waiting_list", "rtt_incomplete_18w_pct", "rtt_52w_waiters", "elective_cancelled_on_day"]


def check(name, values, theory, rel_half=0.05):
    n = len(values)
    mean, half = values.mean(), T975.get(n, 2.0) * values.std(ddof=1) / np.sqrt(n)
    ok = abs(mean - theory) <= max(2 * half, 1e-9) and half <= rel_half * abs(theory)
    print(f"{name}: simulated {mean:.4f} ± {half:.4f} (n={n}), theory {theory:.4f}: {'ok' if ok else 'FAIL'}")
    return ok


def erlang_b(c, a):
    b = 1.0
    for k in range(1, c + 1):
        b = a * b / (k + a * b)
    return b


def morning_batches(c, los_days, lam, backlog_max=80):
    """Stationary (occupancy after the morning list, backlog) of the daily chain; returns the expected cancellations
    and admissions per day and the time-average occupied beds."""
    p = math.exp(-1.0 / los_days)  # a stay survives to the next morning
    kmax = int(lam + 12 * math.sqrt(lam) + 10)
    poisson = np.array([math.exp(-lam) * lam ** k / math.factorial(k) for k in range(kmax + 1)])
    survive = [np.array([math.comb(n, s) * p ** s * (1 - p) ** (n - s) for s in range(n + 1)]) for n in range(c + 1)]
    states = (c + 1) * (backlog_max + 1)
    index = lambda n, r: n * (backlog_max + 1) + r
    P = np.zeros((states, states))
    cancelled = np.zeros(states)
    admitted = np.zeros(states)
    for n in range(c + 1):
        for r in range(backlog_max + 1):
            i = index(n, r)
            for s, ps in enumerate(survive[n]):
                for k, pk in enumerate(poisson):
                    demand = r + k
                    adm = min(demand, c - s)
                    left = min(demand - adm, backlog_max)
                    P[i, index(s + adm, left)] += ps * pk
                    cancelled[i] += ps * pk * (demand - adm)
                    admitted[i] += ps * pk * adm
    pi = np.full(states, 1.0 / states)
    for _ in range(20000):
        nxt = pi @ P
        if np.abs(nxt - pi).max() < 1e-14:
            pi = nxt
            break
        pi = nxt
    pi /= pi.sum()
    occupied_morning = sum(pi[index(n, r)] * n for n in range(c + 1) for r in range(backlog_max + 1))
    # Between mornings each stay ends at rate 1 / los: the mean over the day of n exp(-t / los).
    occupied = occupied_morning * los_days * (1 - p)
    # pi is the state after a morning; the expectations are of the next morning's outcomes.
    return float(pi @ cancelled), float(pi @ admitted), occupied


def f_days(path):
    with h5py.File(path, "r") as f:
        return f["daily/elective_in_beds"].shape[-1]


def loss(path, c, los_days, lam):
    with h5py.File(path, "r") as f:
        kpi = pd.DataFrame(f["kpi/replications"][()])
    cancelled, admitted, occupied = morning_batches(c, los_days, lam)
    print(f"exact chain: {cancelled:.4f} cancellations and {admitted:.4f} admissions a day; "
          f"Erlang B({c}, {lam * los_days:g}) for Poisson admission times: {erlang_b(c, lam * los_days):.4f}")
    ok = check("elective_cancelled_on_day_pct", kpi["elective_cancelled_on_day_pct"].to_numpy(), 100 * cancelled / admitted, 0.1)
    ok &= check("elective_ward_occupancy_pct", kpi["elective_ward_occupancy_pct"].to_numpy(), 100 * occupied / c, 0.02)
    days = int(f_days(path))
    ok &= check("elective_admissions per day", kpi["elective_admissions"].to_numpy() / days, admitted, 0.02)
    return 0 if ok else 1


def rtt(path, lam, mean_wait):
    with h5py.File(path, "r") as f:
        kpi = pd.DataFrame(f["kpi/replications"][()])
        monthly = f["monthly/rtt_waiting_list"][()]
    L = lam * mean_wait
    ok = check("rtt_waiting_list (Little's law)", kpi["rtt_waiting_list"].to_numpy(), L, 0.02)
    ok &= check("rtt_incomplete_18w_pct", kpi["rtt_incomplete_18w_pct"].to_numpy(), 100 * (1 - math.exp(-126 / mean_wait)), 0.01)
    ok &= check("rtt_52w_waiters", kpi["rtt_52w_waiters"].to_numpy(), L * math.exp(-364 / mean_wait), 0.25)
    ok &= check("monthly rtt_waiting_list (every month-end)", monthly.mean(axis=1), L, 0.02)
    return 0 if ok else 1


def datasets(expect, path):
    with h5py.File(path, "r") as f:
        fields = f["kpi/replications"].dtype.names
        found = {"/kpi/replications field " + k: k in fields for k in KPIS}
        found.update({f"/{g}/{k}": k in f[g] for g in ("by_site", "by_locality") for k in KPIS})
        found.update({f"/daily/{k}": k in f["daily"] for k in DAILY})
        found.update({f"/monthly/{k}": k in f["monthly"] for k in MONTHLY})
    wrong = [name for name, there in found.items() if there != (expect == "present")]
    for name in wrong:
        print(f"FAIL: {name} is {'missing' if expect == 'present' else 'written without planned_care'}")
    print(f"{len(found) - len(wrong)} of {len(found)} planned-care datasets {expect} as expected")
    return 1 if wrong else 0


if __name__ == "__main__":
    a = sys.argv[1:]
    if len(a) == 3 and a[0] == "--datasets" and a[1] in ("present", "absent"):
        sys.exit(datasets(a[1], a[2]))
    if len(a) == 5 and a[0] == "loss":
        sys.exit(loss(a[1], int(a[2]), float(a[3]), float(a[4])))
    if len(a) == 4 and a[0] == "rtt":
        sys.exit(rtt(a[1], float(a[2]), float(a[3])))
    sys.exit(__doc__)
