#!/usr/bin/env python3
"""Checks the layering of pfsim (docs/DESIGN.md "Layers and targets"): no file includes a header of a layer above
or beside its own, no include reaches outside its folder by a relative path, and each layer's CMake target links only
the layers below it.

  check_layers.py ROOT        exit 0 if ROOT (the source tree) is clean, 1 with one line per violation otherwise
  check_layers.py --self-test fabricates trees with known violations in a temp dir, runs the check on each and
                              exits 0 only if every violation is reported (and a clean tree passes)
"""
import os
import re
import subprocess
import sys
import tempfile

# What each layer may include and link (itself included). tools/pfsim and tools/serve may include any layer; tests/ and bench/
# are not checked.
ALLOWED = {
    "engine": {"engine"},
    "scenario": {"engine", "scenario"},
    "loader": {"engine", "scenario", "loader"},
    "models": {"engine", "scenario", "models"},
    "output": {"engine", "scenario", "output"},
    "run": {"engine", "scenario", "loader", "models", "output", "run"},
}
# The front ends, each over the run library: the command, pfsim serve's HTTP front end beside it (no layer knows of
# HTTP), and the Python module (python/src).
FRONT_ENDS = {"tools/pfsim": set(ALLOWED), "tools/serve": set(ALLOWED), "python": set(ALLOWED)}
SOURCE_SUFFIXES = (".hpp", ".cpp", ".h", ".hh", ".cc", ".ipp", ".hpp.in", ".h.in")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
PFSIM_HEADER = re.compile(r"^pfsim/([^/]+)/")
LINK_CALL = re.compile(r"target_link_libraries\s*\(([^)]*)\)", re.S)
PFSIM_TARGET = re.compile(r"\bpfsim(?:_|::)([a-z]+)\b")


def source_files(folder):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(SOURCE_SUFFIXES):
                yield os.path.join(dirpath, name)


def check_includes(root, folder, allowed):
    """Violations in the sources under root/folder, which may include the pfsim/<layer>/ headers of `allowed`."""
    base = os.path.realpath(os.path.join(root, folder))
    search = [os.path.join(base, "include"), os.path.join(base, "src")]
    problems = []
    for path in source_files(base):
        rel = os.path.relpath(path, root)
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                quote, header = m.groups()
                where = f"{rel}:{number}: #include {quote}{header}{'>' if quote == '<' else quote}"
                parts = header.replace("\\", "/").split("/")
                if ".." in parts or os.path.isabs(header):
                    problems.append(f"{where}: relative include reaching outside {folder}/ (include pfsim/<layer>/...)")
                    continue
                layer = PFSIM_HEADER.match(header)
                if layer:
                    name = layer.group(1)
                    if name not in ALLOWED:
                        problems.append(f"{where}: pfsim/{name}/ is not a layer (add it to tests/layers/check_layers.py)")
                    elif name not in allowed:
                        problems.append(f"{where}: {folder} may include only {', '.join(sorted(allowed))}, not {name}")
                    continue
                if quote == '"':
                    candidates = [os.path.dirname(path)] + search
                    found = [os.path.realpath(os.path.join(d, header)) for d in candidates
                             if os.path.isfile(os.path.join(d, header))]
                    if not found:
                        problems.append(f"{where}: not found in {folder}/ (a quoted include must be a file of this folder)")
                    elif not all(p.startswith(base + os.sep) for p in found):
                        problems.append(f"{where}: resolves outside {folder}/")
    return problems


def check_links(root, layer, allowed):
    """Violations in root/<layer>/CMakeLists.txt: target_link_libraries naming a pfsim layer not in `allowed`."""
    path = os.path.join(root, layer, "CMakeLists.txt")
    if not os.path.isfile(path):
        return [f"{layer}/CMakeLists.txt: missing"]
    with open(path, encoding="utf-8") as f:
        text = re.sub(r"#[^\n]*", "", f.read())
    problems = []
    calls = 0
    for call in LINK_CALL.finditer(text):
        line = text.count("\n", 0, call.start()) + 1
        args = call.group(1).split()
        if not args:
            continue
        target = PFSIM_TARGET.fullmatch(args[0])
        if not target or target.group(1) != layer:
            continue  # another target in this folder (none today)
        calls += 1
        for arg in args[1:]:
            for dep in PFSIM_TARGET.findall(arg):
                if dep == "warnings":
                    continue
                if dep not in ALLOWED:
                    problems.append(f"{layer}/CMakeLists.txt:{line}: pfsim_{layer} links pfsim_{dep}, not a layer")
                elif dep not in allowed:
                    below = ", ".join(sorted(allowed - {layer}))
                    may = f"may link only {below}" if below else "may link no other layer"
                    problems.append(f"{layer}/CMakeLists.txt:{line}: pfsim_{layer} {may}, not {dep}")
    if not calls:
        problems.append(f"{layer}/CMakeLists.txt: no target_link_libraries(pfsim_{layer} ...) found to check")
    return problems


def check(root):
    problems = []
    for layer, allowed in ALLOWED.items():
        if not os.path.isdir(os.path.join(root, layer)):
            problems.append(f"{layer}/: missing")
            continue
        problems += check_includes(root, layer, allowed)
        problems += check_links(root, layer, allowed)
    for folder, allowed in FRONT_ENDS.items():
        if os.path.isdir(os.path.join(root, folder)):
            problems += check_includes(root, folder, allowed)
    return problems


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def clean_tree(root):
    """A minimal tree that obeys every rule."""
    for layer, allowed in ALLOWED.items():
        below = sorted(allowed - {layer})
        links = " ".join(f"pfsim_{d}" for d in below)
        write(root, f"{layer}/CMakeLists.txt",
              f"add_library(pfsim_{layer} src/{layer}.cpp)\n"
              f"target_link_libraries(pfsim_{layer}\n  PUBLIC {links}\n  PRIVATE fmt::fmt $<BUILD_INTERFACE:pfsim_warnings>)\n")
        write(root, f"{layer}/include/pfsim/{layer}/{layer}.hpp",
              "#pragma once\n#include <vector>\n" + "".join(f'#include "pfsim/{d}/{d}.hpp"\n' for d in below))
        write(root, f"{layer}/src/detail.hpp", "#pragma once\n")
        write(root, f"{layer}/src/{layer}.cpp", f'#include "pfsim/{layer}/{layer}.hpp"\n#include "detail.hpp"\n')
    write(root, "tools/pfsim/main.cpp", '#include "pfsim/run/run.hpp"\n#include "pfsim/loader/loader.hpp"\n')
    write(root, "tests/anything_test.cpp", '#include "../engine/src/detail.hpp"\n#include "pfsim/run/run.hpp"\n')


# (file, text, what the report must say) — each added alone to a clean tree must fail the check.
VIOLATIONS = [
    ("engine/include/pfsim/engine/bad.hpp", '#include "pfsim/models/models.hpp"\n', "engine may include only engine, not models"),
    ("scenario/src/bad.cpp", "#include <pfsim/run/run.hpp>\n", "not run"),
    ("models/src/bad.cpp", '#include "pfsim/loader/loader.hpp"\n', "not loader"),
    ("output/src/bad.cpp", '  #  include "pfsim/models/models.hpp"\n', "not models"),
    ("loader/src/bad.cpp", '#include "../../engine/src/detail.hpp"\n', "relative include reaching outside loader/"),
    ("run/src/bad.cpp", '#include "src/../../models/src/detail.hpp"\n', "relative include reaching outside run/"),
    ("models/src/bad.cpp", '#include "engine/src/detail.hpp"\n', "not found in models/"),
    ("engine/src/bad.cpp", '#include "pfsim/gui/window.hpp"\n', "pfsim/gui/ is not a layer"),
    ("tools/pfsim/bad.cpp", '#include "../../run/src/detail.hpp"\n', "relative include reaching outside tools/pfsim/"),
    ("engine/CMakeLists.txt", "add_library(pfsim_engine src/engine.cpp)\ntarget_link_libraries(pfsim_engine PUBLIC pfsim::scenario)\n",
     "pfsim_engine may link no other layer, not scenario"),
    ("output/CMakeLists.txt", "add_library(pfsim_output src/output.cpp)\ntarget_link_libraries(pfsim_output\n  PUBLIC pfsim_scenario\n"
     "  PRIVATE pfsim_models)\n", "pfsim_output may link only engine, scenario, not models"),
]


def self_test():
    me = os.path.abspath(__file__)
    missed = 0

    def run(root):
        return subprocess.run([sys.executable, me, root], capture_output=True, text=True)

    with tempfile.TemporaryDirectory() as tmp:
        clean = os.path.join(tmp, "clean")
        clean_tree(clean)
        result = run(clean)
        clean_fails = result.returncode != 0
        if clean_fails:
            print(f"self-test: the clean tree fails:\n{result.stdout}{result.stderr}")
        for i, (rel, text, expected) in enumerate(VIOLATIONS):
            root = os.path.join(tmp, f"case{i}")
            clean_tree(root)
            write(root, rel, text)
            result = run(root)
            caught = result.returncode == 1 and expected in result.stdout
            print(f"self-test: {'caught' if caught else 'MISSED'} {rel}: {text.strip().splitlines()[-1]}")
            if not caught:
                print(f"  expected exit 1 and '{expected}', got exit {result.returncode}:\n{result.stdout}{result.stderr}")
                missed += 1
        print(f"self-test: {len(VIOLATIONS) - missed}/{len(VIOLATIONS)} fabricated violations caught, "
              f"clean tree {'fails' if clean_fails else 'passes'}")
    return 1 if missed or clean_fails else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = check(argv[1])
    for p in problems:
        print(p)
    if problems:
        print(f"layers: {len(problems)} violation(s)")
        return 1
    print("layers: no upward includes, no relative includes outside a folder, each layer links only lower layers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
