"""Checks the stability flags of a results file (DESIGN §3 "Stability checks"): /meta `unstable` names exactly the
expected resources ("none" = the attribute must be absent), and, given a report, the report carries the banner
exactly when the run is flagged.

usage: check_stability.py RESULTS.h5 EXPECTED [REPORT.html]
"""
import sys

import h5py


def main(path, expected, report=None):
    with h5py.File(path, "r") as f:
        attrs = f["meta"].attrs
        unstable = attrs["unstable"] if "unstable" in attrs else None
        detail = attrs["unstable_detail"] if "unstable_detail" in attrs else None
    if isinstance(unstable, bytes):
        unstable = unstable.decode()
    print(f"{path}: unstable = {unstable!r}; detail = {detail!r}")
    if expected == "none":
        ok = unstable is None
    else:
        ok = unstable == expected and detail is not None
    if report is not None:
        with open(report, encoding="utf-8") as r:
            html = r.read()
        has_banner = 'class="banner"' in html and "Unstable:" in html
        print(f"{report}: banner {'present' if has_banner else 'absent'}")
        ok = ok and has_banner == (expected != "none")
    print("ok" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
