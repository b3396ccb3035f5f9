"""Issue 24's bar: 8 replications of the baseline from Python with threads=2 against `pfsim run -r 8 -j 2`.
Median of N alternating runs of each; prints one table row per measure and the ratio.

usage: PYTHONPATH=build/release/python /usr/bin/python3 bench/python_vs_cli.py PFSIM [SCENARIO] [N]
The CLI is timed as a whole process (reading the scenario, running, writing the file); Python as pfsim.run()
(reading, running, building every pandas table) plus Results.save(), and separately as a whole process
(interpreter start and `import pfsim`, pandas included).
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

import pfsim


def timed(f):
    started = time.perf_counter()
    f()
    return time.perf_counter() - started


def main(binary, scenario="scenarios/south-east-essex-2019.yaml", n="3"):
    n = int(n)
    work = tempfile.mkdtemp()
    cli_h5, py_h5 = os.path.join(work, "cli.h5"), os.path.join(work, "py.h5")
    cli, call, process = [], [], []
    script = (f"import pfsim; r = pfsim.run(pfsim.load({scenario!r}), replications=8, threads=2, progress=False); "
              f"r.save({py_h5!r})")
    for _ in range(n):
        cli.append(timed(lambda: subprocess.run([binary, "run", scenario, "-r", "8", "-j", "2", "-q", "-o", cli_h5], check=True)))
        call.append(timed(lambda: pfsim.run(pfsim.load(scenario), replications=8, threads=2, progress=False).save(py_h5)))
        process.append(timed(lambda: subprocess.run([sys.executable, "-c", script], check=True)))
    c, p, q = statistics.median(cli), statistics.median(call), statistics.median(process)
    print(f"CLI  pfsim run -r 8 -j 2                 median {c:.2f} s  runs {' '.join(f'{t:.2f}' for t in cli)}")
    print(f"Python pfsim.run + save (in process)     median {p:.2f} s  runs {' '.join(f'{t:.2f}' for t in call)}  ratio {p / c:.3f}")
    print(f"Python whole process (import included)   median {q:.2f} s  runs {' '.join(f'{t:.2f}' for t in process)}  ratio {q / c:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
