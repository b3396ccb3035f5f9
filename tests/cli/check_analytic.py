"""Checks a results file of an analytic scenario against queueing theory: the theory value must lie within 2 × the
95 % CI half-width of the replication mean (and the CI must be tight enough to mean something).

usage: check_analytic.py RESULTS.h5 KPI THEORY MAX_RELATIVE_HALF_WIDTH
"""
import sys

import h5py
import numpy as np
import pandas as pd

T975 = {2: 12.71, 3: 4.30, 4: 3.18, 5: 2.78, 6: 2.57, 8: 2.36, 10: 2.26, 12: 2.20, 20: 2.09}


def main(path, kpi, theory, max_relative):
    with h5py.File(path, "r") as f:
        values = pd.DataFrame(f["kpi/replications"][()])[kpi].to_numpy()
    n = len(values)
    t = T975.get(n, 2.0)
    mean, half = values.mean(), t * values.std(ddof=1) / np.sqrt(n)
    ok = abs(mean - theory) <= 2 * half and half <= max_relative * abs(theory)
    print(f"{kpi}: simulated {mean:.4f} ± {half:.4f} (n={n}), theory {theory:.4f}: {'ok' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])))
