"""Executes a notebook end to end with nbclient (Debian: python3-nbclient, python3-ipykernel) in its own folder, and
fails with the failing cell's error when any cell raises. The executed copy is written to OUT for inspection.

usage: run_notebook.py NOTEBOOK.ipynb OUT.ipynb [TIMEOUT_SECONDS]
"""
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main(path, out, timeout="120"):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=int(timeout), kernel_name="python3",
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    started = time.monotonic()
    try:
        client.execute()
    except CellExecutionError as e:
        print(f"{path}: a cell failed:\n{e}", file=sys.stderr)
        return 1
    finally:
        nbformat.write(notebook, out)
    figures = sum(1 for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])
                  if "image/png" in o.get("data", {}))
    print(f"{path}: {len(notebook.cells)} cells, {figures} figures, {time.monotonic() - started:.1f} s; executed copy {out}")
    return 0 if figures > 0 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
