"""Checks of `pfsim run --parameter-uncertainty` (DESIGN §6.5) on a calibrated scenario.

usage:
  check_parameter_uncertainty.py samples RESULTS.h5
      /meta says parameter uncertainty was on; /parameter_samples holds one row per replication, every value inside
      the bounds of the scenario's parameter_uncertainty section, integers whole, and the rows differ.
  check_parameter_uncertainty.py zero-spread PFSIM SCENARIO OUTDIR
      with every logit_sd set to 0 the flag must change nothing but /parameter_samples and its /meta line: every other
      draw of every replication is the same (common random numbers; the sampler has its own stream).
  check_parameter_uncertainty.py widens PFSIM SCENARIO OUTDIR REPLICATIONS
      the 95 % CI half-width of care_home_admissions_per_100k_65plus over REPLICATIONS replications is wider with the
      flag than without: the community admission rate it samples (fitted sd ~17 % of its value) moves it far more
      than replication noise does. ae_4h_pct is printed too: on the calibrated baseline its replication noise (sd
      ~1.5 points, the bed pool near its limit) is as large as what the sampled bed count adds, so its CI need not widen.
"""
import os
import subprocess
import sys

import h5py
import numpy as np
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from same_datasets import datasets, identical  # noqa: E402


def section(f):
    return yaml.safe_load(f["meta/scenario_yaml"][()].decode())["parameter_uncertainty"]


def check_samples(path: str) -> int:
    with h5py.File(path, "r") as f:
        meta = f["meta"].attrs.get("parameter_uncertainty", "")
        meta = meta.decode() if isinstance(meta, bytes) else meta
        if not meta.startswith("on:"):
            print(f"/meta parameter_uncertainty is {meta!r}, expected it to start with 'on:'")
            return 1
        names = [n.decode() if isinstance(n, bytes) else n for n in f["parameter_samples/names"][()]]
        values = f["parameter_samples/values"][()]
        replications = f["kpi/replications"].shape[0]
        parameters = section(f)["parameters"]
    if names != [p["key"] for p in parameters]:
        print(f"/parameter_samples/names {names} are not the section's keys")
        return 1
    if values.shape != (replications, len(parameters)):
        print(f"/parameter_samples/values has shape {values.shape}, expected {(replications, len(parameters))}")
        return 1
    for i, p in enumerate(parameters):
        column = values[:, i]
        lower, upper = p["bounds"]
        if np.any(column < lower) or np.any(column > upper):
            print(f"{p['key']}: a draw outside [{lower}, {upper}]: {column}")
            return 1
        if p["integer"] and np.any(column != np.round(column)):
            print(f"{p['key']}: integer parameter with a fractional draw: {column}")
            return 1
        if p["logit_sd"] > 0 and len(set(column.tolist())) < 2 and not p["integer"]:
            print(f"{p['key']}: every replication drew the same value {column[0]}")
            return 1
        print(f"{p['key']}: fitted {p['fitted']}, draws {column.min():.6g} to {column.max():.6g} in [{lower}, {upper}]")
    return 0


def run(pfsim, scenario, out, extra):
    subprocess.run([pfsim, "run", scenario, "-q", "-j", "2", "--force", "-o", out] + extra, check=True)


def check_zero_spread(pfsim: str, scenario: str, outdir: str) -> int:
    os.makedirs(outdir, exist_ok=True)
    with open(scenario) as text:
        count = len(yaml.safe_load(text)["parameter_uncertainty"]["parameters"])
    zero = [a for i in range(count) for a in ("--set", f"parameter_uncertainty.parameters[{i}].logit_sd=0")]
    common = ["-r", "4", "--set", "run.days=120"] + zero
    without, with_flag = os.path.join(outdir, "zero_without.h5"), os.path.join(outdir, "zero_with.h5")
    run(pfsim, scenario, without, common)
    run(pfsim, scenario, with_flag, common + ["--parameter-uncertainty"])
    with h5py.File(without, "r") as a, h5py.File(with_flag, "r") as b:
        da, db = datasets(a), datasets(b)
        extra = sorted(set(db) - set(da))
        if extra != ["parameter_samples/names", "parameter_samples/values"] or set(da) - set(db):
            print(f"datasets differ in name: only with the flag {extra}, only without {sorted(set(da) - set(db))}")
            return 1
        for name in sorted(da):
            if not identical(da[name], db[name]):
                print(f"dataset /{name} differs with zero spread: the flag moved a draw it should not have")
                return 1
        if "parameter_uncertainty" in a["meta"].attrs or "parameter_uncertainty" not in b["meta"].attrs:
            print("/meta parameter_uncertainty should be written with the flag only")
            return 1
    print(f"{len(da)} datasets identical with and without the flag at zero spread")
    return 0


WIDENED_KPI = "care_home_admissions_per_100k_65plus"


def ci_half(path, kpi):
    with h5py.File(path, "r") as f:
        summary = f["kpi/summary"][()]
    for row in summary:
        name = row["kpi"].decode() if isinstance(row["kpi"], bytes) else row["kpi"]
        if name == kpi:
            return row["mean"], row["ci95_half"]
    raise KeyError(kpi)


def check_widens(pfsim: str, scenario: str, outdir: str, replications: str) -> int:
    os.makedirs(outdir, exist_ok=True)
    without, with_flag = os.path.join(outdir, "widen_without.h5"), os.path.join(outdir, "widen_with.h5")
    run(pfsim, scenario, without, ["-r", replications])
    run(pfsim, scenario, with_flag, ["-r", replications, "--parameter-uncertainty"])
    for kpi in ["ae_4h_pct", WIDENED_KPI]:
        (m0, h0), (m1, h1) = ci_half(without, kpi), ci_half(with_flag, kpi)
        print(f"{kpi} over {replications} replications: without {m0:.2f} ± {h0:.2f}, with --parameter-uncertainty {m1:.2f} ± {h1:.2f}")
    if not h1 > h0:
        print("FAIL: the flag did not widen the 95% CI")
        return 1
    return check_samples(with_flag)


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "samples":
        sys.exit(check_samples(*args))
    if mode == "zero-spread":
        sys.exit(check_zero_spread(*args))
    if mode == "widens":
        sys.exit(check_widens(*args))
    sys.exit(f"unknown mode {mode}")
