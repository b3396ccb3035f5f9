"""Issue 24's bar: 8 replications of the baseline from Python with threads=2 against `pfsim run -r 8 -j 2`.

usage: PYTHONPATH=build/release/python /usr/bin/python3 bench/python_vs_cli.py PFSIM [SCENARIO] [PAIRS]

Each pair runs both at the same moment, so load from elsewhere on this shared machine hits both alike (as
bench/ab_pairs.sh does for two binaries): the CLI as a whole process (reading the scenario, running, writing the
file), Python as pfsim.run() + Results.save() in an interpreter that has already imported pfsim (and pandas). Prints
each pair, then the median ratio Python / CLI and its range. Both take 2 cores, so each pair is slower than a run
alone; the ratio is what it measures. --alone also times each on its own (alternating), median of PAIRS.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import sys, time, pfsim
scenario, out = sys.argv[1], sys.argv[2]
s = pfsim.load(scenario)
print("ready", flush=True)
sys.stdin.readline()
started = time.perf_counter()
pfsim.run(s, replications=8, threads=2, progress=False).save(out)
print(time.perf_counter() - started, flush=True)
"""


def pair(binary, scenario, work, python_first):
    child = subprocess.Popen([sys.executable, "-c", CHILD, scenario, os.path.join(work, "py.h5")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    cli_args = [binary, "run", scenario, "-r", "8", "-j", "2", "-q", "-o", os.path.join(work, "cli.h5")]
    if python_first:
        child.stdin.write("go\n")
        child.stdin.flush()
    started = time.perf_counter()
    cli = subprocess.Popen(cli_args)
    if not python_first:
        child.stdin.write("go\n")
        child.stdin.flush()
    cli.wait()
    cli_seconds = time.perf_counter() - started
    python_seconds = float(child.stdout.readline())
    child.wait()
    if cli.returncode or child.returncode:
        raise SystemExit("a run failed")
    return cli_seconds, python_seconds


def alone(binary, scenario, work):
    started = time.perf_counter()
    subprocess.run([binary, "run", scenario, "-r", "8", "-j", "2", "-q", "-o", os.path.join(work, "cli.h5")], check=True)
    cli = time.perf_counter() - started
    child = subprocess.Popen([sys.executable, "-c", CHILD, scenario, os.path.join(work, "py.h5")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    child.stdout.readline()
    child.stdin.write("go\n")
    child.stdin.flush()
    python = float(child.stdout.readline())
    child.wait()
    return cli, python


def main(binary, scenario="scenarios/south-east-essex-2019.yaml", pairs="6", *flags):
    work = tempfile.mkdtemp()
    ratios = []
    for k in range(int(pairs)):
        c, p = pair(binary, scenario, work, python_first=k % 2 == 1)
        ratios.append(p / c)
        print(f"pair {k + 1:2d}: CLI {c:6.2f} s  Python {p:6.2f} s  Python/CLI {p / c:.3f}")
    print(f"median Python/CLI {statistics.median(ratios):.3f} (range {min(ratios):.3f}-{max(ratios):.3f}, {len(ratios)} pairs)")
    if "--alone" in flags:
        runs = [alone(binary, scenario, work) for _ in range(int(pairs))]
        c, p = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        print(f"alone: CLI median {c:.2f} s ({' '.join(f'{r[0]:.2f}' for r in runs)}), "
              f"Python median {p:.2f} s ({' '.join(f'{r[1]:.2f}' for r in runs)}), ratio {p / c:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
