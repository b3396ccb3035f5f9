#!/usr/bin/python3
"""Replication efficiency on more cores than this machine has (issue 25 item 3), from measurements taken here.

pfsim runs replications as independent tasks, one per replication (run/src/replications.cpp), so on P cores a run is
  wall(P, R) = S + makespan of R replication times on P workers, each time stretched by contention c(P),
where S is the serial part (process start, scenario loading, stability check, summaries, HDF5 write). This script
measures S and the replication times on this machine, measures c(2) from a -j 2 run, and then simulates the
scheduling (greedy list scheduling: a worker that falls idle takes the next replication nobody has started, which is
what one task per replication gives) for P up to 64 and several R. Contention beyond 2 cores cannot be measured here:
c(P) = 1 + g (P - 1) extrapolates the -j 2 rise linearly, and the table is repeated for g four times as large.

The check on the model is the -j 2 row: its predicted efficiency is printed beside the measured one.

usage: /usr/bin/python3 bench/many_cores.py [--pfsim build/ci/tools/pfsim] [--scenario scenarios/south-east-essex-2019.yaml]
                                             [--single-runs 8] [--replications 40]
"""
import argparse
import heapq
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import os
import resource

RAN_IN = re.compile(r"ran in ([0-9.]+) s")


def timed_run(pfsim, scenario, reps, threads, out, extra=()):
    """(wall s, seconds in the replication phase as pfsim reports it, user CPU s) of one pfsim run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([pfsim, "run", scenario, "-r", str(reps), "-j", str(threads), "-o", out, *extra],
                          check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    ran_in = float(RAN_IN.search(done.stdout).group(1))
    return wall, ran_in, after.ru_utime - before.ru_utime


def makespan(times, workers):
    """Greedy list scheduling in index order: each replication goes to the worker that falls idle first."""
    free = [0.0] * workers
    for t in times:
        heapq.heapreplace(free, free[0] + t)
    return max(free)


def simulate(serial, times, workers, reps, contention, draws=200, seed=1):
    rng = random.Random(seed)
    effs = []
    for _ in range(draws):
        sample = [rng.choice(times) for _ in range(reps)]
        one = serial + sum(sample)
        many = serial + makespan([t * contention for t in sample], workers)
        effs.append(one / (workers * many))
    return statistics.median(effs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pfsim", default="build/ci/tools/pfsim")
    parser.add_argument("--scenario", default="scenarios/south-east-essex-2019.yaml")
    parser.add_argument("--single-runs", type=int, default=8, help="one-replication runs timed (seeds 1..N)")
    parser.add_argument("--replications", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "r.h5")
        singles = [timed_run(args.pfsim, args.scenario, 1, 1, out, ["--set", f"run.seed={s}"])
                   for s in range(1, args.single_runs + 1)]
        times = [ran for _, ran, _ in singles]
        wall1, ran1, user1 = timed_run(args.pfsim, args.scenario, args.replications, 1, out)
        wall2, ran2, user2 = timed_run(args.pfsim, args.scenario, args.replications, 2, out)
    serial = wall1 - ran1  # what does not run in parallel, at this R (the write grows with R)
    g = user2 / user1 - 1.0
    mean_t = statistics.mean(times)
    print(f"pfsim on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.2f}, "
          f"scenario {args.scenario}")
    print(f"replication time: mean {mean_t:.3f} s, sd {statistics.stdev(times):.3f} s over {len(times)} one-replication runs")
    print(f"serial part at R = {args.replications}: {serial * 1000:.0f} ms "
          f"({100 * serial / wall1:.1f} % of the -j 1 run's {wall1:.2f} s)")
    print(f"contention: user CPU at -j 2 / -j 1 = {user2:.2f} / {user1:.2f} s, g = {g:+.3f} per extra core")
    measured = wall1 / (2 * wall2)
    print(f"check at -j 2, R = {args.replications}: measured efficiency {measured:.3f}, "
          f"model {simulate(serial, times, 2, args.replications, 1 + max(g, 0)):.3f}")
    reps_list = [args.replications, 48, 160, 1000]
    for label, gg in (("measured g", max(g, 0.0)), ("4 x measured g", 4 * max(g, 0.0))):
        print(f"\nmodelled efficiency ({label} = {gg:.3f}; serial part held at {serial * 1000:.0f} ms)")
        print("cores  " + "  ".join(f"R={r:<5d}" for r in reps_list))
        for p in (2, 4, 8, 16, 32, 64):
            row = [simulate(serial, times, p, r, 1 + gg * (p - 1)) for r in reps_list]
            print(f"{p:5d}  " + "  ".join(f"{e:7.3f}" for e in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
