"""Runs `pfsim compare BASE OPTION... -r R [--set K=V]...` from Python and saves the comparison.

usage: compare_like_cli.py OUT.h5 REPLICATIONS THREADS BASE OPTION... [--set KEY=VALUE]...
"""
import sys

import pfsim


def main(out, replications, threads, *rest):
    files = [a for i, a in enumerate(rest) if a != "--set" and (i == 0 or rest[i - 1] != "--set")]
    sets = [rest[i + 1] for i, a in enumerate(rest) if a == "--set"]
    scenarios = []
    for file in files:
        s = pfsim.load(file)
        for kv in sets:
            key, _, value = kv.partition("=")
            s.set(key, value)
        scenarios.append(s)
    results = pfsim.compare(scenarios[0], scenarios[1:], replications=int(replications), threads=int(threads), progress=False)
    results.save(out)
    print(results.compare.head(10).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
