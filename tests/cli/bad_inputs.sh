#!/usr/bin/env bash
# Every malformed scenario must make `pfsim validate` and `pfsim run` exit 2 with exactly one line on stderr,
# and `run` must leave no results file behind.
set -u
pfsim=$1
bad_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
count=0
for file in "$bad_dir"/[0-9]*.yaml; do
  count=$((count + 1))
  for command in validate run; do
    out="$work/out.h5"
    if [ "$command" = run ]; then args=(run "$file" -o "$out" -q); else args=(validate "$file"); fi
    "$pfsim" "${args[@]}" >/dev/null 2>"$work/stderr"
    status=$?
    lines=$(wc -l <"$work/stderr")
    if [ "$status" -ne 2 ] || [ "$lines" -ne 1 ]; then
      echo "FAIL $command $(basename "$file"): exit $status, $lines stderr lines:"; cat "$work/stderr"
      failures=$((failures + 1))
    fi
    if [ -e "$out" ] || [ -e "$out.tmp" ]; then
      echo "FAIL $command $(basename "$file"): left a results file"; failures=$((failures + 1)); rm -f "$out" "$out.tmp"
    fi
  done
done
# Bad flags and output paths are bad input too.
check() {
  local expect=$1; shift
  "$pfsim" "$@" >/dev/null 2>"$work/stderr"
  local status=$?
  if [ "$status" -ne "$expect" ] || [ "$(wc -l <"$work/stderr")" -ne 1 ]; then
    echo "FAIL pfsim $*: exit $status (want $expect):"; cat "$work/stderr"; failures=$((failures + 1))
  fi
}
good="$bad_dir/../../../scenarios/tests/mmc-ae.yaml"
check 2 run "$good" -r 0
check 2 run "$good" --threads many
check 2 run "$good" -o /nonexistent-dir/results.h5
check 2 run "$good" -q -o "$work/c.h5" --save-census 1999-01-01 "$work/census.csv"   # date outside the run
check 2 run "$good" -q -o "$work/c.h5" --save-census 2020-13-01 "$work/census.csv"   # not a date
check 2 run "$good" -q -o "$work/c.h5" --save-census 2020-01-01 /nonexistent-dir/census.csv
check 2 run "$good" -o "$work"
check 2 run "$good" --set run.dayz=3
check 2 run "$work/missing.yaml"
check 2 frobnicate
check 2 rn "$good"                                   # unknown command, did you mean run (issue 19)
check 2 run "$good" --replicatons 5                  # unknown option, did you mean --replications
check 2 run "$good" --seed abc -q                    # names --seed, not --set:1:10
check 2 run "$good" --ci-kpi ae_4h_pct -q            # needs --target-ci
check 2 run "$good" -q -o /dev/full                  # a device is never replaced by a regular file
check 2 info "$bad_dir/../../../README.md"
[ -e /nonexistent-dir/results.h5 ] && { echo "FAIL: partial file"; failures=$((failures + 1)); }
echo "$count malformed scenarios checked, $failures failures"
[ "$count" -ge 30 ] && [ "$failures" -eq 0 ]
