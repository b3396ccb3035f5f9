"""Scaling benchmark for pfsim (issues 5 and 11): replication-years/s against threads and against population size,
events/s and peak memory. Not a test: run it by hand on a quiet machine and record the output in bench/RESULTS.md.

usage: /usr/bin/python3 bench/scaling.py [--pfsim build/release/tools/pfsim] [--scenario scenarios/south-east-essex-2019.yaml]
"""
import argparse
import math
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

import yaml

RATE = re.compile(r"([0-9.]+) replication-years/s, ([0-9.e+]+) events/s")


def run(pfsim, scenario, replications, threads, out):
    """Runs pfsim once; returns (wall seconds, replication-years/s, events/s, peak RSS MB of this child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run([pfsim, "run", scenario, "-r", str(replications), "-j", str(threads), "-o", out],
                            check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # max over children so far (KB)
    match = RATE.search(result.stdout)
    return wall, float(match.group(1)), float(match.group(2)), max(peak, before) / 1024.0


def scaled_scenario(source, factor, directory):
    """The scenario with every population and capacity multiplied by `factor`, so the system stays equally loaded."""
    with open(source) as f:
        s = yaml.safe_load(f)
    s["name"] = f"{s['name']} x{factor}"
    for locality in s["population"]["localities"]:
        locality["people"] = [p * factor for p in locality["people"]]
    for site in s["sites"]:
        site["beds"]["general"] = int(site["beds"]["general"] * factor)
        clinicians = site["ae"]["clinicians"]
        if isinstance(clinicians, dict):
            site["ae"]["clinicians"] = {k: [int(math.ceil(c * factor)) for c in v] for k, v in clinicians.items()}
        else:
            site["ae"]["clinicians"] = int(math.ceil(clinicians * factor))
    for service in ("reablement", "intermediate_care"):
        if service in s:
            s[service]["capacity"] = int(s[service]["capacity"] * factor)
    if "care_homes" in s:
        s["care_homes"]["beds"] = int(s["care_homes"]["beds"] * factor)
        s["care_homes"]["initial_residents"] = int(s["care_homes"]["initial_residents"] * factor)
    if "primary_care" in s:
        s["primary_care"]["slots_per_week"] = {k: v * factor for k, v in s["primary_care"]["slots_per_week"].items()}
    s["run"]["start_date"] = str(s["run"]["start_date"])
    path = os.path.join(directory, f"scaled-{factor}.yaml")
    with open(path, "w") as f:
        yaml.safe_dump(s, f, sort_keys=False)
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pfsim", default="build/release/tools/pfsim")
    parser.add_argument("--scenario", default="scenarios/south-east-essex-2019.yaml")
    parser.add_argument("--replications", type=int, default=8)
    args = parser.parse_args()
    cores = os.cpu_count()
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "r.h5")
        print(f"pfsim scaling benchmark, {time.strftime('%Y-%m-%d')}, {cores} cores, scenario {args.scenario}")
        print("\nthreads  replications  wall s  replication-years/s  events/s   efficiency")
        base_rate = None
        for threads in sorted({1, 2, cores}):
            wall, rate, events, _ = run(args.pfsim, args.scenario, args.replications, threads, out)
            base_rate = base_rate or rate
            print(f"{threads:7d}  {args.replications:12d}  {wall:6.2f}  {rate:19.2f}  {events:9.3g}  {rate / base_rate / threads:9.0%}")
        print("\npopulation  people      wall s/rep-year  events/s   peak RSS MB")
        points = []
        for factor in (1, 4, 16):
            path = scaled_scenario(args.scenario, factor, work)
            reps = 2
            wall, rate, events, rss = run(args.pfsim, path, reps, 1, out)
            seconds_per_year = 1.0 / rate
            points.append((factor, seconds_per_year))
            print(f"x{factor:<9d}  {355460 * factor:10d}  {seconds_per_year:15.3f}  {events:9.3g}  {rss:11.0f}")
        # Cost ∝ population^b: least-squares slope of log time on log factor.
        xs = [math.log(f) for f, _ in points]
        ys = [math.log(t) for _, t in points]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        print(f"\ncost grows as population^{slope:.2f} (1.00 = linear)")
        wall, rate, events, rss = run(args.pfsim, args.scenario, 2, 2, out)
        print(f"2-thread baseline run: peak RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
