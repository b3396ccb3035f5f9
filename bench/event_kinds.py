#!/usr/bin/python3
"""Where a run's time goes by event kind (issue 25, item 2): runs pfsim under callgrind and splits the instructions of
the event loop by the handler each event ran, with the count of events of each kind.

    bench/event_kinds.py PFSIM SCENARIO [-r R] [--set KEY=VALUE ...] [--keep FILE]

Every event reaches its handler through one dispatch thunk per handler (engine::Simulator::add_handler), so the
callgrind call edges into those thunks give, per kind, the number of events and the instructions they cost including
everything they call (scheduling, draws, statistics). A kind is named by the function that registers its handler
(Class() for a constructor), the lambda's number there, and the lambda's file, line and first words, e.g.
"EmergencyDepartment() #1 emergency_department.cpp:24 join_queue(id);". The last rows put the loop in context: the
event loop's instructions outside any handler (the event list's pop and refill), and everything else (start-up,
loading, the replications' set-up, output).

Callgrind counts instructions, not time, and is deterministic, so two builds compare exactly; it runs ~50x slower,
so keep R and the days small (e.g. --set run.days=60 --set run.warmup_days=30).
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

THUNK = re.compile(r"Simulator::add_handler<(?P<handler>.*)>\(.*\)::\{lambda\(void\*, unsigned int\)#1\}::_FUN")
LAMBDA = re.compile(r"(?:pfsim::)?(?:models::|engine::)?(?P<scope>[A-Za-z0-9_:]+?)(?:\(.*?\))?::\{lambda\(unsigned int\)#(?P<n>\d+)\}$")


def read_callgrind(path):
    """Function names, self cost per function, and (caller, callee, calls, inclusive Ir) for every call edge."""
    names = {}
    self_cost = collections.Counter()
    edges = []
    caller = None
    pending = None  # (callee, calls) waiting for its cost line
    with open(path) as f:
        for line in f:
            if line.startswith("fn="):
                caller = resolve(names, line[3:].strip())
            elif line.startswith("cfn="):
                callee = resolve(names, line[4:].strip())
                pending = [callee, 0]
            elif line.startswith("calls="):
                pending[1] = int(line[6:].split()[0])
            elif line[:1].isdigit() or line[:1] in "+-*":
                parts = line.split()
                if len(parts) < 2:
                    continue
                cost = int(parts[1])
                if pending is not None and pending[1]:
                    edges.append((caller, pending[0], pending[1], cost))
                    pending = None
                else:
                    self_cost[caller] += cost
            elif line.startswith(("cfl=", "cfi=", "cob=", "ob=", "fl=", "fi=", "fe=")):
                continue
    return names, self_cost, edges


def resolve(names, text):
    m = re.match(r"\((\d+)\)(?: (.*))?", text)
    if not m:
        return text
    if m.group(2) is not None:
        names[m.group(1)] = m.group(2)
    return names.get(m.group(1), m.group(1))


def short(name):
    return name.replace("pfsim::models::", "").replace("pfsim::engine::", "").replace("pfsim::", "")


SOURCES = ("models/src", "engine/src", "engine/include/pfsim/engine", "run/src")
HANDLER_LAMBDA = re.compile(r"\[[^\[\]]*\]\s*\(\s*(?:const\s+)?(?:std::)?uint32_t(?:\s+\w+)?\s*\)")


def lambda_body(root, scope, n):
    """Where the n-th lambda taking a std::uint32_t in function `scope` is and what it does (GCC numbers a function's
    lambdas of one signature in order, Itanium ABI), e.g. "x.cpp:24 join_queue(id);"; None if not found."""
    # A qualified name is its out-of-class definition; a bare one (a member defined in its class) must follow a type,
    # not a `.` or `->` (a call).
    definition = re.compile((re.escape(scope) if "::" in scope else r"(?<=[\s*&])" + re.escape(scope)) + r"\s*\(")
    for folder in SOURCES:
        directory = os.path.join(root, folder)
        if not os.path.isdir(directory):
            continue
        for file in sorted(os.listdir(directory)):
            if not file.endswith((".cpp", ".hpp")):
                continue
            text = open(os.path.join(directory, file)).read()
            start = definition.search(text)
            if not start:
                continue
            lambdas = list(HANDLER_LAMBDA.finditer(text, start.end()))
            if len(lambdas) < n:
                continue
            open_brace = text.index("{", lambdas[n - 1].end())
            depth, i = 0, open_brace
            while i < len(text):
                depth += {"{": 1, "}": -1}.get(text[i], 0)
                if depth == 0:
                    break
                i += 1
            body = " ".join(text[open_brace + 1:i].split())
            line = text.count("\n", 0, lambdas[n - 1].start()) + 1
            return f"{file}:{line} {body[:36] + ('...' if len(body) > 36 else '')}"
    return None


def kind_name(thunk, root):
    handler = THUNK.search(thunk).group("handler")
    m = LAMBDA.search(handler)
    if not m:
        return short(handler)
    scope = re.sub(r"^(pfsim::)?(models::|engine::)?", "", m.group("scope"))
    # A member defined inside its class (a header) is found by its own name.
    body = lambda_body(root, scope, int(m.group("n"))) or lambda_body(root, scope.split("::")[-1], int(m.group("n")))
    parts = scope.split("::")
    owner = f"{parts[0]}()" if len(parts) == 2 and parts[0] == parts[1] else scope  # a constructor: Class()
    label = f"{owner} #{m.group('n')}"
    return f"{label} {body}" if body else label


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pfsim")
    ap.add_argument("scenario")
    ap.add_argument("-r", type=int, default=2, help="replications (default 2)")
    ap.add_argument("--set", action="append", default=[], help="scenario override, as pfsim run --set")
    ap.add_argument("--keep", help="keep the callgrind output here")
    a = ap.parse_args()

    out = a.keep or tempfile.mktemp(prefix="pfsim-callgrind-")
    h5 = tempfile.mktemp(prefix="pfsim-kinds-", suffix=".h5")
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", a.pfsim, "run", a.scenario,
           "-r", str(a.r), "-j", "1", "-q", "-o", h5]
    for s in a.set:
        cmd += ["--set", s]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"event_kinds.py: pfsim failed under callgrind:\n{run.stderr[-2000:]}")
    os.path.exists(h5) and os.remove(h5)

    names, self_cost, edges = read_callgrind(out)
    total = sum(self_cost.values())
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    kinds = collections.defaultdict(lambda: [0, 0])
    loop_callers = set()
    for caller, callee, calls, cost in edges:
        if THUNK.search(callee):
            k = kinds[kind_name(callee, root)]
            k[0] += calls
            k[1] += cost
            loop_callers.add(caller)
    # The event loop: the function(s) that call the thunks (Simulator::run_until is inlined into System::run), their
    # own instructions (pop, dispatch) and their calls into the event list (refill); set-up they call is not the loop.
    loop_total = sum(cost for caller, callee, calls, cost in edges
                     if caller in loop_callers and "EventQueue::" in callee) + sum(self_cost[c] for c in loop_callers)
    handler_total = sum(k[1] for k in kinds.values())
    events = sum(k[0] for k in kinds.values())
    if not events:
        sys.exit("event_kinds.py: no handler thunks found (is this a pfsim build with symbols?)")

    print(f"{a.scenario}: {a.r} replication(s), {events:,} events, {total / 1e6:,.1f} M instructions in all "
          f"(callgrind, {os.path.basename(a.pfsim)})")
    print(f"{'events':>11} {'%ev':>6} {'M instr':>9} {'%instr':>7} {'instr/ev':>9}  event kind: handler (source)")
    for name, (n, cost) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
        print(f"{n:11,} {100 * n / events:6.1f} {cost / 1e6:9.1f} {100 * cost / total:7.1f} {cost / n:9.0f}  {name}")
    print(f"{events:11,} {'':6} {loop_total / 1e6:9.1f} {100 * loop_total / total:7.1f} {loop_total / events:9.0f}  "
          "event loop outside the handlers (event list pop and refill)")
    rest = total - handler_total - loop_total
    print(f"{'':11} {'':6} {rest / 1e6:9.1f} {100 * rest / total:7.1f} {'':9}  everything else (start-up, loading, set-up, output)")
    print(f"per event, loop and handlers: {(handler_total + loop_total) / events:,.0f} instructions")
    if not a.keep:
        os.remove(out)


if __name__ == "__main__":
    main()
