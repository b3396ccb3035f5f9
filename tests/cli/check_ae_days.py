"""The baseline's A&E has no impossible days (issue 20, README "A&E cubicles and streams"): fewer than 0.3 % of
replication-days have a daily 4-hour % below 50 % (before priority by acuity and leaving without being seen, 2.9 %
did, some under 10 %), and the share who leave without being seen stays within the 5 % the A&E clinical quality
indicators allow.

usage: check_ae_days.py RESULTS.h5
"""
import sys

import h5py
import numpy as np


def main(path):
    with h5py.File(path, "r") as f:
        daily = f["daily/ae_4h_pct"][()]  # [replication x day]
        kpi = f["kpi/replications"][()]
    below = 100.0 * np.mean(daily < 50.0)
    lwbs = float(np.mean(kpi["ae_left_without_being_seen_pct"]))
    failures = 0
    ok = below < 0.3
    failures += not ok
    print(f"replication-days with a daily 4-hour % below 50: {below:.2f} % of {daily.size} (bar: < 0.3 %): {'ok' if ok else 'FAIL'}")
    ok = 0.5 < lwbs < 5.0
    failures += not ok
    print(f"left without being seen: {lwbs:.2f} % (bar: 0.5-5 %): {'ok' if ok else 'FAIL'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
