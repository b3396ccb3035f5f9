"""The warm-up bar (README "Warm-up"): the scenario as shipped against the same run with a 1,095-day warm-up.

usage: check_warmup.py PFSIM SCENARIO OUTDIR REPLICATIONS DAYS [--nea]
Runs SCENARIO (its own run.warmup_days) and SCENARIO --set run.warmup_days=1095, REPLICATIONS replications of DAYS
measured days each, and checks that the first measured month's mean bed occupancy is within 1.5 points of the
reference's; with --nea also that nea (and A&E attendances) are within 0.5 % (a full year: shorter periods are too
noisy for 0.5 %). Exit 1 when a check fails.
"""
import subprocess
import sys
import time
from pathlib import Path

import h5py
import pandas as pd


def run(pfsim: str, scenario: str, out: Path, replications: int, days: int, extra: list[str]) -> dict:
    start = time.monotonic()
    subprocess.run([pfsim, "run", scenario, "-r", str(replications), "-q", "--force", "--set", f"run.days={days}", *extra,
                    "-o", str(out)], check=True)
    seconds = time.monotonic() - start
    with h5py.File(out, "r") as f:
        kpis = pd.DataFrame(f["kpi/replications"][()])
        monthly = f["monthly/bed_occupancy_pct"][()]
        warmup = int(f["meta"].attrs["warmup_days"])
    return {"warmup_days": warmup, "first_month_occupancy": float(monthly[:, 0].mean()),
            "occupancy": float(kpis["bed_occupancy_pct"].mean()), "nea": float(kpis["nea"].mean()),
            "ae_attendances": float(kpis["ae_attendances"].mean()), "seconds": seconds}


def main(argv: list[str]) -> int:
    pfsim, scenario, outdir, replications, days = argv[1], argv[2], Path(argv[3]), int(argv[4]), int(argv[5])
    check_nea = "--nea" in argv[6:]
    outdir.mkdir(parents=True, exist_ok=True)
    shipped = run(pfsim, scenario, outdir / "warmup_shipped.h5", replications, days, [])
    reference = run(pfsim, scenario, outdir / "warmup_1095.h5", replications, days, ["--set", "run.warmup_days=1095"])
    print(f"{replications} replications x {days} days of {scenario}")
    print(f"{'warm-up':>8} {'month 1 occ %':>14} {'occupancy %':>12} {'nea':>10} {'ae_attendances':>15} {'run s':>7}")
    for r in (shipped, reference):
        print(f"{r['warmup_days']:>8} {r['first_month_occupancy']:>14.2f} {r['occupancy']:>12.2f} {r['nea']:>10.1f} "
              f"{r['ae_attendances']:>15.1f} {r['seconds']:>7.1f}")
    checks = [("first-month occupancy within 1.5 points",
               abs(shipped["first_month_occupancy"] - reference["first_month_occupancy"]) <= 1.5,
               f"{shipped['first_month_occupancy'] - reference['first_month_occupancy']:+.2f} points")]
    if check_nea:
        for kpi in ("nea", "ae_attendances"):
            change = shipped[kpi] / reference[kpi] - 1
            checks.append((f"{kpi} within 0.5 %", abs(change) <= 0.005, f"{100 * change:+.2f} %"))
    failures = 0
    for name, ok, value in checks:
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {value}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
