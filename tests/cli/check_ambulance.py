#!/usr/bin/env python3
"""Checks of the ambulance measures on pfsim results files (DESIGN §3 Ambulances, §5.7).

  check_ambulance.py handover AMPLE.h5 TIGHT.h5
      the same scenario and seed (common random numbers) with ample beds and with beds cut so that A&E cubicles fill
      with patients waiting for a bed: with ample capacity handovers over 60 minutes are under 1 % of handovers; with
      the cut they are at least ten times as many, hours lost to handover and the category 2 mean response rise, and
      in both every incident is counted once (conveyed + see and treat + hear and treat = 100 %, by locality too).
      With ample capacity nobody queues, so the means are the scenario's own (tests/data/good/ambulance-small.yaml):
      category 2 response = the drive (10 min; its 90th centile that of lognormal(mean 10, sd 5), 16.38 min), handover =
      triage (10 min), job cycle = drive + the conveyed share of
      (on scene 35 + to hospital 15 + handover 10 + clear 15) + the seen-and-treated share of 55 min, each within 5 %.
  check_ambulance.py conveyance-scheme COMPARE.h5 LABEL
      a conveyance scheme (common random numbers) lowers the conveyance rate and A&E attendances and raises see and
      treat (paired 95 % CIs away from 0), leaves the calls exactly as they were, and lowers the handover hours lost.
"""
import sys

import h5py
import numpy as np

OUTCOMES = ["ambulance_conveyed_pct", "ambulance_see_and_treat_pct", "ambulance_hear_and_treat_pct"]


def kpis(path):
    with h5py.File(path, "r") as f:
        kpi = f["kpi/replications"][()]
        by_locality = {name: f[f"by_locality/{name}"][()] for name in ["ambulance_incidents", "handovers_over_60min"]}
    return kpi, by_locality


def check_handover(ample_path, tight_path):
    problems = []
    ample, ample_loc = kpis(ample_path)
    tight, tight_loc = kpis(tight_path)
    for label, k, loc in (("ample", ample, ample_loc), ("tight", tight, tight_loc)):
        total = sum(k[name] for name in OUTCOMES)
        if not np.allclose(total, 100.0):
            problems.append(f"{label}: incident outcomes add up to {total} %, not 100 %")
        for name in ("ambulance_incidents", "handovers_over_60min"):
            if not np.allclose(loc[name].sum(axis=1), k[name]):
                problems.append(f"{label}: {name} by locality adds up to {loc[name].sum(axis=1)}, not {k[name]}")
    if not np.array_equal(ample["ambulance_incidents"], tight["ambulance_incidents"]):
        problems.append("the incidents differ between the two runs: common random numbers are broken")
    over60_ample, over60_tight = ample["handovers_over_60min"].mean(), tight["handovers_over_60min"].mean()
    conveyed = ample["ambulance_incidents"].mean() * ample["ambulance_conveyed_pct"].mean() / 100
    print(f"handovers over 60 min: ample {over60_ample:.1f} of ~{conveyed:.0f}, tight {over60_tight:.1f}")
    for name in ("handover_hours_lost", "cat2_mean_response_min", "handover_mean_min"):
        print(f"{name}: ample {ample[name].mean():.1f}, tight {tight[name].mean():.1f}")
    if over60_ample > 0.01 * conveyed:
        problems.append(f"ample capacity: {over60_ample:.1f} handovers over 60 minutes, more than 1 % of {conveyed:.0f}")
    if over60_tight < 10 * max(over60_ample, 1.0):
        problems.append(f"cutting beds raised handovers over 60 minutes only from {over60_ample:.1f} to {over60_tight:.1f}")
    see = ample["ambulance_incidents"].mean() * ample["ambulance_see_and_treat_pct"].mean() / 100
    expected = {"cat2_mean_response_min": 10.0, "cat2_p90_response_min": 16.38, "handover_mean_min": 10.0,
                "ambulance_job_cycle_mean_min": 10.0 + (conveyed * (35 + 15 + 10 + 15) + see * 55) / (conveyed + see)}
    for name, value in expected.items():
        mean = ample[name].mean()
        print(f"ample {name}: {mean:.2f} (queue-free value {value:.2f})")
        if abs(mean - value) > 0.05 * value:
            problems.append(f"ample capacity: {name} {mean:.2f}, more than 5 % from the queue-free {value:.2f}")
    for name in ("handover_hours_lost", "cat2_mean_response_min", "cat2_p90_response_min"):
        if not (tight[name] > ample[name]).all():
            problems.append(f"{name} did not rise in every replication: {ample[name]} -> {tight[name]}")
    print("\n".join(problems) if problems else "ok")
    return 1 if problems else 0


def check_conveyance_scheme(path, label):
    problems = []
    with h5py.File(path, "r") as f:
        base = f["kpi/replications"][()]
        for name, sign in (("ambulance_conveyed_pct", -1), ("ae_attendances", -1), ("ambulance_see_and_treat_pct", +1),
                           ("handover_hours_lost", -1), ("ambulance_incidents", 0)):
            mean, half = f[f"compare/{label}/{name}_summary"][()][:2]
            print(f"{name}: {mean:+.4g} ± {half:.3g} (base {base[name].mean():.1f})")
            if sign == 0 and mean != 0:
                problems.append(f"{name}: moved {mean:+.4g}; the same calls must come in")
            if sign < 0 and not mean + half < 0:
                problems.append(f"{name}: expected lower (paired CI below 0)")
            if sign > 0 and not mean - half > 0:
                problems.append(f"{name}: expected higher (paired CI above 0)")
    print("\n".join(problems) if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "conveyance-scheme":
        sys.exit(check_conveyance_scheme(sys.argv[2], sys.argv[3]))
    if len(sys.argv) == 4 and sys.argv[1] == "handover":
        sys.exit(check_handover(sys.argv[2], sys.argv[3]))
    print(__doc__)
    sys.exit(2)
