"""`pfsim export` end to end: the workbook opens in LibreOffice (soffice --headless), its cells equal the --csv
tables, its KPI values equal the HDF5 /kpi/summary and `pfsim info`, its cells show numbers formatted for people, its header rows are frozen,
its STRESS-DES sheet carries the file's real warm-up, replications and version, and a workbook LibreOffice saved
is never overwritten without --force.

usage: check_export.py PFSIM RESULTS.h5 WORKDIR {run,compare,schemes}
"""
import csv
import math
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import h5py

# LibreOffice's CSV filter, by position: field sep ",", text delimiter '"', UTF-8, from line 1, -, language, quoted
# as text, detect special numbers, save cell contents as shown (token 9), formulas, spaces, sheet (-1 = every sheet,
# one file each "<name>-<sheet>.csv").
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,{shown},false,false,-1"
EXPECTED_SHEETS = {
    "run": {"Run record", "STRESS-DES", "KPI summary", "Monthly", "Daily", "By site", "By locality"},
}
EXPECTED_SHEETS["compare"] = EXPECTED_SHEETS["run"] | {"Compare", "Compare by site"}
EXPECTED_SHEETS["schemes"] = EXPECTED_SHEETS["run"] | {"Schemes", "QIPP risk"}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL", message)


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def soffice(args, workdir):
    # A private profile: concurrent tests would otherwise fight over ~/.config/libreoffice's lock.
    profile = Path(workdir) / "lo-profile"
    result = run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *args], timeout=180)
    if result.returncode != 0:
        sys.exit(f"soffice {' '.join(args)} failed: {result.stderr}")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def sheets_as_csv(workbook, outdir, workdir, shown):
    outdir.mkdir(parents=True, exist_ok=True)
    soffice(["--convert-to", CSV_FILTER.format(shown="true" if shown else "false"), "--outdir", str(outdir), str(workbook)],
            workdir)
    prefix = workbook.stem + "-"
    return {p.stem[len(prefix):]: read_csv(p) for p in outdir.glob(prefix + "*.csv")}


def as_number(text):
    # Unformatted export still writes a cell in Excel's percent format (a share 0-1) as "17.5%".
    try:
        return float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        return None


def same_cell(a, b):
    x, y = as_number(a), as_number(b)
    if x is not None and y is not None:
        if math.isnan(x) or math.isnan(y):
            return math.isnan(x) and math.isnan(y)
        # LibreOffice writes 15 significant digits; the CSV the shortest exact text.
        return math.isclose(x, y, rel_tol=1e-13, abs_tol=1e-300)
    return a == b


def pad(row, n):
    return row + [""] * (n - len(row))


def same_table(ours, sheet):
    """`ours` is a --csv table; `sheet` the LibreOffice CSV of a sheet, whose first line is the title."""
    body = sheet[1:]
    if len(body) != len(ours):
        return False
    for a, b in zip(ours, body):
        n = max(len(a), len(b))
        if not all(same_cell(x, y) for x, y in zip(pad(a, n), pad(b, n))):
            return False
    return True


def main():
    pfsim, results, workdir, kind = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    workbook, tables = workdir / "results.xlsx", workdir / "tables"
    result = run([pfsim, "export", str(results), "-o", str(workbook), "--csv", str(tables)])
    if result.returncode != 0:
        sys.exit(f"pfsim export failed ({result.returncode}): {result.stderr}")
    if list(workdir.glob("*.tmp")) or list(tables.glob("*.tmp")):
        fail("a .tmp file was left behind")

    values = sheets_as_csv(workbook, workdir / "values", workdir, shown=False)
    if set(values) != EXPECTED_SHEETS[kind] and not EXPECTED_SHEETS[kind] <= set(values):
        fail(f"sheets {sorted(values)}, want at least {sorted(EXPECTED_SHEETS[kind])}")

    # Every --csv table equals one sheet, cell for cell, and every sheet has its table.
    ours = {p.stem: read_csv(p) for p in tables.glob("*.csv")}
    if len(ours) != len(values):
        fail(f"{len(ours)} CSV tables but {len(values)} sheets")
    unmatched = set(values)
    for stem, table in sorted(ours.items()):
        match = next((name for name in sorted(unmatched) if same_table(table, values[name])), None)
        if match is None:
            fail(f"tables/{stem}.csv equals no sheet of the workbook")
        else:
            unmatched.discard(match)

    # KPI summary against the HDF5 and pfsim info.
    kpi_sheet = values["KPI summary"]
    header = kpi_sheet[1]
    col = {name: header.index(name) for name in header}
    rows = {r[col["name"]]: r for r in kpi_sheet[2:]}
    with h5py.File(results, "r") as f:
        summary = f["kpi/summary"][()]
        meta = dict(f["meta"].attrs)
    if len(rows) != len(summary):
        fail(f"{len(rows)} KPI rows, /kpi/summary has {len(summary)}")
    for record in summary:
        name = record["kpi"].decode() if isinstance(record["kpi"], bytes) else record["kpi"]
        row = rows.get(name)
        if row is None:
            fail(f"KPI {name} missing from the sheet")
            continue
        expected = {"mean": record["mean"], "sd": record["sd"], "p5": record["p5"], "p50": record["p50"], "p95": record["p95"],
                    "95% CI low": record["mean"] - record["ci95_half"], "95% CI high": record["mean"] + record["ci95_half"]}
        for field, want in expected.items():
            got = float(row[col[field]])
            if not math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-9 * max(1.0, abs(record["mean"]))):
                fail(f"{name} {field}: sheet {got!r}, HDF5 {want!r}")
    info = run([pfsim, "info", str(results)]).stdout.splitlines()
    start = next(i for i, line in enumerate(info) if line.startswith("KPI ") and " mean " in line)
    checked = 0
    for line in info[start + 2:]:
        if not line.strip():
            break
        name, mean = line.split()[:2]
        if name not in rows or as_number(mean) is None:
            continue  # the notes under the table
        decimals = len(mean.split(".")[1]) if "." in mean else 0
        if abs(float(rows[name][col["mean"]]) - float(mean)) > 0.5 * 10 ** -decimals + 1e-12:
            fail(f"{name}: sheet mean {rows[name][col['mean']]} but pfsim info prints {mean}")
        checked += 1
    if checked < len(rows):
        fail(f"only {checked} of {len(rows)} KPIs found in pfsim info's table")

    # Numbers formatted for people: what the cells show.
    shown = sheets_as_csv(workbook, workdir / "shown", workdir, shown=True)["KPI summary"]
    for r in shown[2:]:
        units, mean = r[col["units"]], r[col["mean"]]
        if units == "%" and not re.fullmatch(r"-?[\d,]+(\.\d+)? %", mean):
            fail(f"{r[col['name']]}: percentage shown as {mean!r}, want e.g. '89.8 %'")
        if units != "%" and abs(float(rows[r[col["name"]]][col["mean"]])) >= 1000 and "," not in mean:
            fail(f"{r[col['name']]}: {mean!r} has no thousands separator")
    if kind == "schemes":
        qipp = sheets_as_csv(workbook, workdir / "shown", workdir, shown=True)["QIPP risk"]
        expected_savings = next(r for r in qipp if r and r[0].startswith("expected savings"))
        if not re.fullmatch(r"£[\d,]+\.\d (m|k)", expected_savings[1]):
            fail(f"expected savings shown as {expected_savings[1]!r}, want e.g. '£12.9 m'")

    # Every sheet keeps its title and header rows and its first column in view (frozen panes) and prints on A4.
    with zipfile.ZipFile(workbook) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        for name in sheets:
            xml = z.read(name).decode()
            if not re.search(r'<pane xSplit="1" ySplit="2"[^>]*state="frozen"', xml):
                fail(f"{name}: header rows not frozen")
            if 'paperSize="9"' not in xml:
                fail(f"{name}: not set to print on A4")
        if z.comment.decode() != "written by pfsim export":
            fail(f"zip comment {z.comment!r}: pfsim export would not recognise its own workbook")

    # STRESS-DES: the file's own warm-up, replications and version.
    stress = {r[0] + " " + r[1]: r[2] for r in values["STRESS-DES"][2:] if len(r) >= 3}
    warmup, reps, version = int(meta["warmup_days"]), int(meta["replications"]), meta["pfsim_version"]
    version = version.decode() if isinstance(version, bytes) else version
    if f"{warmup} days" not in stress.get("4.1 Initialisation", ""):
        fail(f"STRESS-DES 4.1 does not give the warm-up of {warmup} days: {stress.get('4.1 Initialisation')!r}")
    if not stress.get("4.3 Estimation approach", "").startswith(f"{reps} replications"):
        fail(f"STRESS-DES 4.3 does not give {reps} replications: {stress.get('4.3 Estimation approach')!r}")
    if f"pfsim {version}" not in stress.get("5.1 Software or programming language", ""):
        fail(f"STRESS-DES 5.1 does not name pfsim {version}")
    if not stress.get("1.1 Purpose of the model", "").startswith("To be completed by the study team"):
        fail("STRESS-DES 1.1 is not left for the study team")

    # Our own workbook is replaced; one LibreOffice saved (a person's edit) is not, and is left as it was.
    if run([pfsim, "export", str(results), "-o", str(workbook)]).returncode != 0:
        fail("exporting again over our own workbook was refused")
    saved = workdir / "saved"
    soffice(["--convert-to", "xlsx", "--outdir", str(saved), str(workbook)], workdir)
    edited = saved / "results.xlsx"
    before = edited.read_bytes()
    refused = run([pfsim, "export", str(results), "-o", str(edited)])
    if refused.returncode != 2 or "is not a workbook written by pfsim export" not in refused.stderr:
        fail(f"a workbook LibreOffice saved was not refused: exit {refused.returncode}, {refused.stderr!r}")
    if edited.read_bytes() != before or list(saved.glob("*.tmp")):
        fail("the refused workbook was changed, or a .tmp left")

    print(f"{len(ours)} tables checked against {len(values)} sheets; {len(rows)} KPIs against the HDF5 and pfsim info")
    shutil.rmtree(workdir / "lo-profile", ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
