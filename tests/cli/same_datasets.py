"""Exits 0 when two results files hold identical datasets (every value, bit for bit) and /meta attributes other
than those describing the invocation (`created`, `command_line`, `threads`, `processes`, `run_seconds`, and for a file
`pfsim merge` assembled, `shards` and `shard_command_lines`); prints the first difference otherwise.

usage: same_datasets.py A.h5 B.h5 [--ignore-meta KEY]...
"""
import sys

import h5py
import numpy as np

IGNORED_META = {"created", "command_line", "threads", "processes", "run_seconds", "shards", "shard_command_lines"}


def identical(x, y) -> bool:
    """Bit-for-bit equality of numbers; value equality of variable-length strings (their bytes are pointers)."""
    if not isinstance(x, np.ndarray):
        return x == y
    if x.dtype != y.dtype or x.shape != y.shape:
        return False
    if x.dtype.names:
        return all(identical(x[field], y[field]) for field in x.dtype.names)
    if x.dtype == object:
        return x.tolist() == y.tolist()
    return x.tobytes() == y.tobytes()


def datasets(f):
    found = {}
    f.visititems(lambda name, obj: found.__setitem__(name, obj[()]) if isinstance(obj, h5py.Dataset) else None)
    return found


def main(a_path: str, b_path: str, ignored_meta: set) -> int:
    with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
        da, db = datasets(a), datasets(b)
        if sorted(da) != sorted(db):
            print(f"different datasets: {sorted(set(da) ^ set(db))}")
            return 1
        for name in sorted(da):
            if not identical(da[name], db[name]):
                print(f"dataset /{name} differs")
                return 1
        for key in sorted(set(a["meta"].attrs) | set(b["meta"].attrs)):
            if key in ignored_meta:
                continue
            if key not in a["meta"].attrs or key not in b["meta"].attrs:
                print(f"/meta attribute {key} is only in {a_path if key in a['meta'].attrs else b_path}")
                return 1
            if a["meta"].attrs[key] != b["meta"].attrs[key]:
                print(f"/meta attribute {key} differs")
                return 1
    print(f"{len(da)} datasets identical")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    extra = {args[i + 1] for i, a in enumerate(args) if a == "--ignore-meta" and i + 1 < len(args)}
    sys.exit(main(args[0], args[1], IGNORED_META | extra))
