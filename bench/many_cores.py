#!/usr/bin/python3
"""Replication efficiency on more cores than this machine has (issue 25 item 3), from measurements taken here.

pfsim runs replications as independent tasks, one per replication (run/src/replications.cpp), so on P cores a run is
  wall(P, R) = S + makespan of R replication times on P workers, each time stretched by contention c(P),
where S is the serial part (process start, scenario loading, stability check, summaries, HDF5 write). This script
measures S and the replication times on this machine, measures c(2) from pairs of -j 1 / -j 2 runs (the median rise
of user CPU), and then simulates the scheduling (greedy list scheduling: a worker that falls idle takes the next
replication nobody has started, which is what one task per replication gives) for P up to 64 and several R.
Contention beyond 2 cores cannot be measured here: c(P) = 1 + g (P - 1) extrapolates a rise of g per extra core, and
the table is printed for no contention, for the g measured here and for larger g, so the reader sees what the
answer depends on. On a shared VM one pair's rise swings from -10 % to +11 % with other tenants' load; the median of
the pairs is the figure to use.

The check on the model is the -j 2 column: its predicted efficiency is printed beside the measured median.

usage: /usr/bin/python3 bench/many_cores.py [--pfsim build/ci/tools/pfsim] [--scenario scenarios/south-east-essex-2019.yaml]
                                             [--single-runs 8] [--replications 40] [--pairs 3]
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
    parser.add_argument("--pairs", type=int, default=3, help="-j 1 / -j 2 pairs for the measured efficiency and g")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "r.h5")
        singles = [timed_run(args.pfsim, args.scenario, 1, 1, out, ["--set", f"run.seed={s}"])
                   for s in range(1, args.single_runs + 1)]
        times = [ran for _, ran, _ in singles]
        pairs = [(timed_run(args.pfsim, args.scenario, args.replications, 1, out),
                  timed_run(args.pfsim, args.scenario, args.replications, 2, out)) for _ in range(args.pairs)]
    # What does not run in parallel, at this R (the write grows with R): wall minus the replication phase.
    serial = statistics.median(one[0] - one[1] for one, _ in pairs)
    g = statistics.median(two[2] / one[2] for one, two in pairs) - 1.0
    measured = statistics.median(one[0] / (2 * two[0]) for one, two in pairs)
    wall1 = statistics.median(one[0] for one, _ in pairs)
    mean_t = statistics.mean(times)
    print(f"pfsim on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.2f}, "
          f"scenario {args.scenario}")
    print(f"replication time: mean {mean_t:.3f} s, sd {statistics.stdev(times):.3f} s over {len(times)} one-replication runs")
    print(f"serial part at R = {args.replications}: {serial * 1000:.0f} ms "
          f"({100 * serial / wall1:.1f} % of the -j 1 run's {wall1:.2f} s)")
    for i, (one, two) in enumerate(pairs, 1):
        print(f"pair {i}: -j 1 {one[0]:.2f} s (user {one[2]:.2f}), -j 2 {two[0]:.2f} s (user {two[2]:.2f}), "
              f"efficiency {one[0] / (2 * two[0]):.3f}")
    print(f"median user CPU rise at -j 2: g = {g:+.3f}; median measured efficiency {measured:.3f}")
    reps_list = [args.replications, 48, 160, 1000]
    contentions = sorted({0.0, round(max(g, 0.0), 3), 0.01, 0.02})
    for gg in contentions:
        label = "measured here" if gg == round(max(g, 0.0), 3) else "assumed"
        print(f"\nmodelled efficiency, contention g = {gg:.3f} per extra core ({label}); serial part {serial * 1000:.0f} ms")
        print("cores  " + "  ".join(f"R={r:<5d}" for r in reps_list) + "   upper bound R/(P ceil(R/P)) at R=" + str(args.replications))
        for p in (2, 4, 8, 16, 32, 64):
            row = [simulate(serial, times, p, r, 1 + gg * (p - 1)) for r in reps_list]
            bound = args.replications / (p * -(-args.replications // p))
            print(f"{p:5d}  " + "  ".join(f"{e:7.3f}" for e in row) + f"   {bound:.3f}")
    print(f"\ncheck: at 2 cores and R = {args.replications} the model with the measured g gives "
          f"{simulate(serial, times, 2, args.replications, 1 + max(g, 0.0)):.3f}; measured {measured:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
