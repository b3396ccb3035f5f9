"""`pfsim report` carries a STRESS-DES section answered from the results file: its real warm-up, replications, seed
and pfsim version, the objectives left for the study team, and (when the scenario files can be read) the cited
seed lines and `assumed` values of the scenario.

usage: check_report_stress_des.py PFSIM RESULTS.h5 REPORT.html [--cited]
"""
import html
import re
import subprocess
import sys

import h5py


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def main():
    pfsim, results, report = sys.argv[1:4]
    want_cited = "--cited" in sys.argv[4:]
    result = subprocess.run([pfsim, "report", results, "-o", report], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"pfsim report failed: {result.stderr}")
    page = open(report, encoding="utf-8").read()
    found = re.search(r'<section id="stress-des">(.*?)</section>', page, re.S)
    if not found:
        sys.exit("no STRESS-DES section in the report")
    section = html.unescape(re.sub(r"<[^>]+>", " ", found.group(1)))
    section = re.sub(r"\s+", " ", section)
    with h5py.File(results, "r") as f:
        meta = f["meta"].attrs
        warmup, reps, seed = int(meta["warmup_days"]), int(meta["replications"]), int(meta["seed"])
        version, build = text(meta["pfsim_version"]), text(meta.get("build", ""))
    wanted = [f"{warmup} days", f"{reps} replications", f"seed {seed}", f"pfsim {version}", "To be completed by the study team",
              "Monks T, Currie CSM, Onggo BS, Robinson S, Kunc M, Taylor SJE"]
    if build:
        wanted.append(build)
    if want_cited:
        wanted += ["Cited and assumed lines of the scenario files", "seeds/", "assumed"]
    missing = [w for w in wanted if w not in section]
    if 'href="#stress-des"' not in page:
        missing.append("the contents link to #stress-des")
    if missing:
        sys.exit(f"the STRESS-DES section lacks: {missing}")
    print(f"STRESS-DES section gives warm-up {warmup} days, {reps} replications, seed {seed}, pfsim {version}")


if __name__ == "__main__":
    main()
