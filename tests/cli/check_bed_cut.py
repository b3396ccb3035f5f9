"""Fewer beds never help (issue 19): the results of tools/bed_cut_sweep.sh, one file per general-bed count run with
common random numbers, must give a 4-hour % that never rises as beds are cut, in every replication, and falls at every
cut until A&E is gridlocked; there, only the minors stream still meets 4 hours, so the figure stays at that floor. With
no beds at all the 4-hour % is below 75 % and many measured bed requests are still waiting at the follow-up cap.

With ambulances (the baseline since 0.9.0) there is one exception, past gridlock: when crews cannot hand over, the
calls queue for a vehicle and their patients are not yet attendances (the official count starts at arrival), so the
4-hour % of those who do arrive may rise. A rise is accepted only where that is what happened, in every replication:
fewer attendances and a longer category 2 response. The strict rule is checked on the scenario without ambulances.

usage: check_bed_cut.py DIR BEDS...   (BEDS in decreasing order, the last one 0; DIR/general-N.h5 from the sweep)
"""
import sys

import h5py
import numpy as np
import pandas as pd

FLOOR_TOLERANCE = 1e-9  # gridlocked counts are identical under common random numbers, not just close


def kpis(path):
    with h5py.File(path, "r") as f:
        return pd.DataFrame(f["kpi/replications"][()])


def calls_queue_for_a_vehicle(more_beds, fewer_beds):
    """True when, in every replication, the cut left patients waiting for an ambulance instead of attending."""
    if "cat2_mean_response_min" not in more_beds:
        return False
    fewer_attend = (fewer_beds["ae_attendances"] < more_beds["ae_attendances"]).all()
    longer_response = (fewer_beds["cat2_mean_response_min"] > more_beds["cat2_mean_response_min"]).all()
    return bool(fewer_attend and longer_response)


def main(directory, beds):
    runs = [kpis(f"{directory}/general-{n}.h5") for n in beds]
    failures = 0
    for (more, fewer), (a, b) in zip(zip(beds, beds[1:]), zip(runs, runs[1:])):
        rises = (b["ae_4h_pct"] - a["ae_4h_pct"]).to_numpy()
        change = b["ae_4h_pct"].mean() - a["ae_4h_pct"].mean()
        at_floor = np.all(np.abs(rises) <= FLOOR_TOLERANCE)
        ok = np.all(rises <= FLOOR_TOLERANCE) and (change < 0 or at_floor)
        note = " (gridlocked: minors floor)" if at_floor else ""
        if not ok and calls_queue_for_a_vehicle(a, b):
            ok = True
            note = (f" (ambulances held at the door: attendances {a['ae_attendances'].mean():.0f} -> "
                    f"{b['ae_attendances'].mean():.0f}, category 2 mean {a['cat2_mean_response_min'].mean():.0f} -> "
                    f"{b['cat2_mean_response_min'].mean():.0f} min)")
        print(f"{more} -> {fewer} beds: 4-hour {a['ae_4h_pct'].mean():.2f} -> {b['ae_4h_pct'].mean():.2f} %"
              f"{note}, largest rise in a replication {rises.max():+.4f}: {'ok' if ok else 'FAIL'}")
        failures += not ok
    none = runs[-1]
    ok = beds[-1] == 0 and none["ae_4h_pct"].mean() < 75 and none["awaiting_bed_at_end"].mean() > 100
    print(f"0 beds: 4-hour {none['ae_4h_pct'].mean():.2f} % (< 75), awaiting a bed at the cap "
          f"{none['awaiting_bed_at_end'].mean():.0f} (> 100): {'ok' if ok else 'FAIL'}")
    failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], [int(n) for n in sys.argv[2:]]))
