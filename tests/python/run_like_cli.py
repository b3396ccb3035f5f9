"""Runs a scenario from Python as `pfsim run FILE -r R --seed S [--set K=V]...` would and saves the results, for
same_datasets.py to compare with the CLI's file.

usage: run_like_cli.py OUT.h5 FILE REPLICATIONS SEED THREADS [KEY=VALUE]...
"""
import sys

import pfsim


def main(out, file, replications, seed, threads, *sets):
    scenario = pfsim.load(file)
    for s in sets:
        key, _, value = s.partition("=")
        scenario.set(key, value)  # a string is YAML text, exactly as after --set
    results = pfsim.run(scenario, replications=int(replications), seed=int(seed), threads=int(threads), progress=False)
    results.save(out)
    print(f"{out}: {results!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
