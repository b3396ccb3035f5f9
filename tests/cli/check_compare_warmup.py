"""pfsim compare ran the base and every option with one warm-up (README "Warm-up").

usage: check_compare_warmup.py COMPARE.h5 [--auto]
/meta warmup_days is the base's; each option's run.warmup_days is recorded as option_<label>_warmup_days. With
--auto the warm-up must have been chosen by MSER-5 on the base's pilot (warmup_method = mser5).
"""
import sys

import h5py


def text(value) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def main(argv: list[str]) -> int:
    with h5py.File(argv[1], "r") as f:
        meta = {k: text(v) for k, v in f["meta"].attrs.items()}
    base = int(meta["warmup_days"])
    options = {k: int(v) for k, v in meta.items() if k.startswith("option_") and k.endswith("_warmup_days")}
    print(f"base warm-up {base} days; options {options}; method {meta.get('warmup_method', 'fixed')}")
    ok = bool(options) and all(v == base for v in options.values())
    if "--auto" in argv[2:]:
        ok = ok and meta.get("warmup_method") == "mser5" and meta.get("warmup_scope") == "base"
    print("ok" if ok else "FAIL: the options did not all run with the base's warm-up")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
