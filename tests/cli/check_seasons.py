"""The baseline has the English seasons (issue 20, README "Seasons"): over the replications of a year from April,
mean midnight G&A occupancy in December-February is at least 2 points above June-August (its 95 % interval, paired
by replication, clear of the bar) and the mean 4-hour % at least 1 point below (the mean only: a few bad days give
the 4-hour difference a wide interval); attendances still peak in summer, as England's do.

usage: check_seasons.py RESULTS.h5
"""
import sys

import h5py
import numpy as np


def by_month(f, name):
    labels = [x.decode() for x in f["monthly/names"][()]]
    values = f[f"monthly/{name}"][()]  # [replication x month]
    return {label[-2:]: values[:, i] for i, label in enumerate(labels)}


def season_difference(months, winter=("12", "01", "02"), summer=("06", "07", "08")):
    per_rep = np.mean([months[m] for m in winter], axis=0) - np.mean([months[m] for m in summer], axis=0)
    half = 1.96 * per_rep.std(ddof=1) / np.sqrt(len(per_rep))
    return per_rep.mean(), half


def main(path):
    with h5py.File(path, "r") as f:
        occupancy, four_hour, attendances = (by_month(f, k) for k in ("bed_occupancy_pct", "ae_4h_pct", "ae_attendances"))
    failures = 0
    d, h = season_difference(occupancy)
    ok = d - h >= 2.0
    print(f"occupancy Dec-Feb minus Jun-Aug: {d:+.2f} ± {h:.2f} points (bar: >= +2): {'ok' if ok else 'FAIL'}")
    failures += not ok
    d, h = season_difference(four_hour)
    ok = d <= -1.0
    print(f"4-hour % Dec-Feb minus Jun-Aug: {d:+.2f} ± {h:.2f} points (bar: <= -1): {'ok' if ok else 'FAIL'}")
    failures += not ok
    d, h = season_difference(attendances)
    ok = d + h < 0
    print(f"attendances a month Dec-Feb minus Jun-Aug: {d:+.0f} ± {h:.0f} (summer peak: < 0): {'ok' if ok else 'FAIL'}")
    failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
