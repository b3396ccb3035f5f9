"""A bad Scenario.set() raises pfsim.ScenarioError whose message is the line `pfsim run FILE --set ...` prints for
the same overrides (issue 24's bar), and whose file, line, column, key and hint are the loader's.

usage: set_errors_match_cli.py PFSIM SCENARIO WORKDIR
"""
import os
import subprocess
import sys

import pfsim

# Each case: the overrides in order; the last one is the bad one.
CASES = [
    ["sites.Southend.beds.generl=600"],                          # a misspelt key: "did you mean"
    ["sites.Southend.beds.general=-5"],                          # out of range
    ["run.days=abc"],                                            # not a number
    ["sites.Basildon.beds.general=600"],                         # no such site
    ["run.days=60", "ae.outcomes.admit=[0.1, 0.2"],              # broken YAML in the second --set
    ["run.days=60", "run.warmup_days=10", "discharge.pathway_share.P0=2"],  # the third, invalid in the whole
    ["planned_care=null", "headline_kpis=[elective_waiting_list]"],
]


def cli_error(pfsim_binary, scenario, overrides, workdir):
    args = [pfsim_binary, "run", scenario, "-q", "-o", os.path.join(workdir, "never-written.h5")]
    for o in overrides:
        args += ["--set", o]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 2:
        raise AssertionError(f"{args}: exit {done.returncode}, expected 2; stderr {done.stderr!r}")
    return done.stderr.rstrip("\n")


def python_error(scenario, overrides):
    s = pfsim.load(scenario)
    for o in overrides[:-1]:
        key, _, value = o.partition("=")
        s.set(key, value)
    before = s.to_yaml()
    key, _, value = overrides[-1].partition("=")
    try:
        s.set(key, value)
    except pfsim.ScenarioError as e:
        if s.to_yaml() != before:
            raise AssertionError(f"{overrides}: a failed set() changed the scenario")
        return e
    raise AssertionError(f"{overrides}: set() raised nothing")


def main(pfsim_binary, scenario, workdir):
    os.makedirs(workdir, exist_ok=True)
    failures = 0
    for overrides in CASES:
        cli = cli_error(pfsim_binary, scenario, overrides, workdir)
        e = python_error(scenario, overrides)
        same = str(e) == cli and "\n" not in cli
        # The parts are the line's: it starts with the file, names the key when there is one, ends with the hint.
        parts_known = (bool(e.message) and e.message in str(e) and str(e).startswith(e.file)
                       and (e.line is None or e.line >= 1) and (not e.key or e.key in str(e))
                       and (not e.hint or str(e).endswith(f"(hint: {e.hint})")))
        print(f"{'ok ' if same and parts_known else 'BAD'} {overrides}\n    cli:    {cli}\n    python: {e}\n"
              f"    file={e.file!r} line={e.line} column={e.column} key={e.key!r} hint={e.hint!r}")
        failures += not (same and parts_known)
    # The numbering of --set positions follows the set() calls, as on the command line.
    e = python_error(scenario, ["run.days=60", "sites.Southend.beds.generl=1"])
    if e.file != "--set" or e.line != 2:
        print(f"BAD: the second set() is reported as {e.file}:{e.line}, expected --set:2")
        failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
