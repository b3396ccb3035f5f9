#!/usr/bin/python3
"""Where the wall time of a pfsim run goes outside the simulation (issue 25, item 2: start-up and write): runs a
command N times with kernel probes on pfsim's `main`, `run::run_plan` and `output::write_results` and prints the
median of each phase.

    sudo bench/phases.py PFSIM N pfsim-arguments...
    e.g. bench/phases.py build/ci/tools/pfsim 15 run scenarios/south-east-essex-2019.yaml -r 20 -j 1 -q \\
             --set run.days=1 --set run.warmup_days=0 -o /tmp/phases.h5 --force

Phases: process start (exec to `main`: the dynamic loader, the shared libraries' constructors), loading and set-up
(`main` to the first replication: the scenario read, built and checked), the replications, the summaries (the run
record), the HDF5 write (`write_results`: the file image, fsync, rename) and the rest (the table, checkpoint clean-up,
exit). Why probes rather than a profiler: uprobes fire at the function boundaries and cost microseconds, so the
phases are timed as they run, without the sampling overhead or a rebuild.

Needs perf (linux-perf) and the right to add uprobes (root, or kernel.perf_event_paranoid <= -1), and a pfsim with
its symbol table (any build but a stripped one).
"""
import os
import statistics
import subprocess
import sys
import tempfile

SYMBOLS = {"main": "main", "run_plan": "_ZN5pfsim3run8run_plan", "write_results": "_ZN5pfsim6output13write_results"}
PHASES = [("exec", "main", "process start (exec to main)"),
          ("main", "run_plan", "loading and set-up (main to replications)"),
          ("run_plan", "run_plan_ret", "replications"),
          ("run_plan_ret", "write_results", "summaries (replications to write)"),
          ("write_results", "write_results_ret", "HDF5 write (file image, fsync, rename)"),
          ("write_results_ret", "exit", "table, clean-up and exit")]


def addresses(binary):
    found = {}
    for line in subprocess.run(["nm", binary], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "T":
            for key, prefix in SYMBOLS.items():
                if key not in found and (parts[2] == prefix if key == "main" else parts[2].startswith(prefix)):
                    found[key] = int(parts[0], 16)
    missing = set(SYMBOLS) - set(found)
    if missing:
        sys.exit(f"phases.py: {binary} has no symbol for {', '.join(sorted(missing))} (stripped?)")
    return found


def perf(*args, check=True):
    return subprocess.run(["perf", *args], capture_output=True, text=True, check=check)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    binary, runs, args = os.path.abspath(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    found = addresses(binary)
    events = {}
    perf("probe", "-d", "probe_*:abs_*", check=False)
    try:
        for key, address in found.items():
            for suffix, name in (("", key), ("%return", key + "_ret")):
                out = perf("probe", "-x", binary, "-a", f"0x{address:x}{suffix}", check=False)
                if out.returncode != 0:
                    sys.exit(f"phases.py: cannot add a uprobe ({out.stderr.strip().splitlines()[-1]}); run as root")
                events[f"abs_{address:x}" + ("__return" if suffix else "")] = name
        data = tempfile.mktemp(prefix="pfsim-phases-", suffix=".data")
        command = " ; ".join([" ".join([binary, *map(quote, args), ">/dev/null 2>&1"])] * runs)
        perf("record", "-q", "-o", data, "-e", "probe_*:abs_*", "-e", "sched:sched_process_exec",
             "-e", "sched:sched_process_exit", "--", "sh", "-c", command)
        script = perf("script", "-i", data, "-F", "comm,pid,time,event").stdout
        os.remove(data)
    finally:
        perf("probe", "-d", "probe_*:abs_*", check=False)

    comm = os.path.basename(binary)[:15]
    timeline, current = [], None
    for line in script.splitlines():
        parts = line.split()
        if len(parts) < 4 or parts[0] != comm:
            continue
        t, event = float(parts[2].rstrip(":")), parts[3].rstrip(":").split(":")[-1]
        if event == "sched_process_exec":
            current = {"exec": t}
            timeline.append(current)
        elif current is not None and event == "sched_process_exit":
            current["exit"] = t  # the last thread to exit
        elif current is not None and event in events:
            name = events[event]
            if name.endswith("_ret") or name not in current:
                current[name] = t
    complete = [r for r in timeline if all(k in r for a, b, _ in PHASES for k in (a, b))]
    if not complete:
        sys.exit("phases.py: no complete run recorded (did the command fail? run it alone to see)")
    print(f"{len(complete)} runs of: pfsim {' '.join(args)}")
    for a, b, name in PHASES:
        values = [1000 * (r[b] - r[a]) for r in complete]
        print(f"  {name:44} median {statistics.median(values):7.1f} ms   min {min(values):7.1f}")
    whole = [1000 * (r["exit"] - r["exec"]) for r in complete]
    outside = [1000 * (r["exit"] - r["exec"] - (r["run_plan_ret"] - r["run_plan"])) for r in complete]
    print(f"  {'whole process':44} median {statistics.median(whole):7.1f} ms")
    print(f"  {'all but the replications':44} median {statistics.median(outside):7.1f} ms")


def quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


if __name__ == "__main__":
    main()
