#!/usr/bin/env bash
# pfsim report on bad input: a missing or non-HDF5 results file and an unwritable -o exit 2; each prints
# exactly one line on stderr and leaves no report (nor a .tmp) behind.
# Usage: bad_inputs.sh PFSIM RESULTS.h5 WORK_DIR
set -uo pipefail
pfsim=$1 results=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0

check() {  # check NAME WANT_CODE FORBIDDEN_FILE ARGS...
  local name=$1 want=$2 forbidden=$3
  shift 3
  "$pfsim" report "$@" >"$work/out" 2>"$work/err"
  local code=$? lines
  lines=$(wc -l <"$work/err")
  if [ "$code" -ne "$want" ] || [ "$lines" -ne 1 ] || [ -e "$forbidden" ] || [ -e "$forbidden.tmp" ]; then
    echo "FAIL $name: exit $code (want $want), $lines stderr lines (want 1), leftover: $(ls "$forbidden"* 2>/dev/null)"
    cat "$work/err"
    failures=$((failures + 1))
  else
    echo "ok   $name: exit $code: $(cat "$work/err")"
  fi
}

check missing-results 2 "$work/missing.html" "$work/missing.h5"
printf 'not an HDF5 file\n' >"$work/text.h5"
check not-hdf5 2 "$work/text.html" "$work/text.h5"
check missing-output-directory 2 "$work/no/such/dir/report.html" "$results" -o "$work/no/such/dir/report.html"
mkdir -p "$work/a-directory"
check output-is-a-directory 2 "$work/a-directory/report.html" "$results" -o "$work/a-directory"
if [ "$(id -u)" -ne 0 ]; then  # root can write anywhere, so this case only means something for other users
  mkdir -p "$work/read-only" && chmod 555 "$work/read-only"
  check read-only-directory 2 "$work/read-only/report.html" "$results" -o "$work/read-only/report.html"
fi
exit $((failures > 0))
