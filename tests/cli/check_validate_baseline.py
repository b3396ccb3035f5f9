"""Checks of tools/validate_baseline.py (README "Validation") on a short run, one line per failure.

usage: check_validate_baseline.py PFSIM SCENARIO SCRIPT OUTDIR

Runs SCENARIO for 2 replications of 120 days (30-day warm-up) and then SCRIPT on the file with --markdown. Passes when
  - the script exits 0 and table (a) has exactly one row per calibration target of SCENARIO (read here from the YAML,
    following `extends:`) and one per entry of the script's NATIONAL_REFERENCES, each with a number ± a number as the
    model value and a verdict; no "note: skipped" line (a KPI the file lacks);
  - table (b) has one row per calendar month of the run (April to July 2019), each with numbers in every column;
  - on a missing file and on a file that is not HDF5 it exits non-zero with one stderr line saying which.
Plain single-line checks in Python: no multi-line ctest regex.
"""
import importlib.util
import os
import re
import subprocess
import sys

import yaml

NUMBER = r"-?[0-9][0-9,]*(\.[0-9]+)?"
MODEL_CELL = re.compile(rf"^{NUMBER} ± {NUMBER}$")
MONTHS = ["2019-04", "2019-05", "2019-06", "2019-07"]  # 120 days from 2019-04-01 end on 2019-07-29


def load_script(path):
    spec = importlib.util.spec_from_file_location("validate_baseline", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def targets_of(scenario):
    """The KPIs of the first calibration: section up the extends: chain, as the script should find them."""
    seen = set()
    while scenario and scenario not in seen:
        seen.add(scenario)
        with open(scenario) as f:
            doc = yaml.safe_load(f) or {}
        targets = (doc.get("calibration") or {}).get("targets")
        if targets:
            return [t["kpi"] for t in targets]
        parent = doc.get("extends")
        scenario = os.path.join(os.path.dirname(scenario), parent) if parent else None
    return []


def table_rows(lines, heading):
    """The body rows (cells) of the markdown table that follows a heading line containing `heading`."""
    start = next((i for i, line in enumerate(lines) if line.startswith("#") and heading in line), None)
    if start is None:
        return None
    rows, in_table = [], False
    for line in lines[start + 1:]:
        if line.startswith("|"):
            in_table = True
            if not re.fullmatch(r"\|[-|: ]+\|", line.strip()):  # not the |---|---| separator
                rows.append([c.strip() for c in line.strip().strip("|").split(" | ")])
        elif in_table:
            break
    return rows[1:]  # without the header row


def main(pfsim, scenario, script, outdir):
    os.makedirs(outdir, exist_ok=True)
    failures = []
    results = os.path.join(outdir, "validation.h5")
    run = subprocess.run([pfsim, "run", scenario, "-r", "2", "-j", "2", "-q", "--set", "run.days=120",
                          "--set", "run.warmup_days=30", "-o", results], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"pfsim run failed ({run.returncode}): {run.stderr.strip()}")
        return 1

    done = subprocess.run([sys.executable, script, results, "--markdown", "--scenario", scenario],
                          capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        failures.append(f"validate_baseline.py exited {done.returncode} on a good file: {done.stderr.strip()}")
    lines = done.stdout.splitlines()

    module = load_script(script)
    expected = targets_of(scenario) + [ref["label"] for ref in module.NATIONAL_REFERENCES]
    if len(expected) < 10:
        failures.append(f"only {len(expected)} rows expected: the scenario's targets or NATIONAL_REFERENCES are missing")
    rows = table_rows(lines, "(a) KPIs against")
    if rows is None:
        failures.append("no table (a) heading")
        rows = []
    labels = [r[0] for r in rows]
    if labels != expected:
        failures.append(f"table (a) rows {labels} != expected {expected}")
    for r in rows:
        if len(r) != 5:
            failures.append(f"table (a) row {r[0]!r} has {len(r)} cells, not 5")
        elif not MODEL_CELL.match(r[3]) or not r[4]:
            failures.append(f"table (a) row {r[0]!r}: model {r[3]!r}, verdict {r[4]!r}")
    for line in lines:
        if line.startswith("note: skipped"):
            failures.append(f"table (a) skipped a row: {line}")

    months = table_rows(lines, "(b) Monthly shape")
    if months is None:
        failures.append("no table (b) heading")
        months = []
    if [m[0].rstrip(" *") for m in months] != MONTHS:
        failures.append(f"table (b) months {[m[0] for m in months]} != {MONTHS}")
    for m in months:
        if len(m) != 9 or not all(re.match(rf"^{NUMBER}$", c) for c in m[1:]):
            failures.append(f"table (b) row {m}: not 8 numbers")

    # Bad inputs: exit non-zero with one line naming the problem.
    bad = {os.path.join(outdir, "does-not-exist.h5"): "no such file", scenario: "not an HDF5 file"}
    for path, message in bad.items():
        out = subprocess.run([sys.executable, script, path], capture_output=True, text=True, encoding="utf-8")
        err = out.stderr.strip().splitlines()
        if out.returncode == 0:
            failures.append(f"{path}: exit 0, expected an error")
        if len(err) != 1 or message not in err[0] or path not in err[0]:
            failures.append(f"{path}: stderr {out.stderr.strip()!r}, expected one line with {message!r}")

    for f in failures:
        print(f)
    if not failures:
        print(f"validate_baseline.py: {len(rows)} KPI rows, {len(months)} months, bad inputs refused: ok")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
