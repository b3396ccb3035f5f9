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
# Bad flags, values and output paths are bad input too: tests/data/bad-cli/cases.txt, one `EXIT | MESSAGE | ARGS` a line.
good="$bad_dir/../../../scenarios/tests/mmc-ae.yaml"
cal="$bad_dir/../../../scenarios/tests/calibrate-mmc.yaml"
scenarios="$bad_dir/../../../scenarios"
bad=$bad_dir
tmp="$work/cli"
mkdir -p "$tmp/dir"
echo hello >"$tmp/notes.txt"
cp "$good" "$tmp/dir/mmc-ae.yaml"
mkdir -p "$tmp/tables"
echo "my own KPI table" >"$tmp/tables/kpi_summary.csv"  # export --csv must not overwrite it
"$pfsim" run "$good" -r 2 -q -o "$tmp/results.h5" >/dev/null 2>&1 || { echo "FAIL: cannot make the results file the cases read"; failures=$((failures + 1)); }
# Array-job shards for the `merge` cases: three of one run, and a shard of a run with another seed.
for k in 0 1 2; do
  "$pfsim" run "$good" -r 5 -q --shard "$k/3" -o "$tmp/part-$k.h5" >/dev/null 2>&1 || { echo "FAIL: cannot make shard $k"; failures=$((failures + 1)); }
done
"$pfsim" run "$good" -r 5 -q --seed 7 --shard 1/3 -o "$tmp/other-1.h5" >/dev/null 2>&1 || { echo "FAIL: cannot make the other run's shard"; failures=$((failures + 1)); }
part_sum=$(cksum <"$tmp/part-0.h5")
cli_cases="$bad_dir/../bad-cli/cases.txt"
cli_count=0
while IFS= read -r line; do
  case "$line" in '#'* | '') continue ;; esac
  expect=${line%% | *}
  rest=${line#* | }
  message=${rest% | *}
  arguments=${rest##* | }
  message=${message//'$tmp'/$tmp}
  eval "set -- $arguments"
  cli_count=$((cli_count + 1))
  "$pfsim" "$@" >/dev/null 2>"$work/stderr"
  status=$?
  if [ "$status" -ne "$expect" ] || [ "$(wc -l <"$work/stderr")" -ne 1 ] || ! grep -qF -- "$message" "$work/stderr"; then
    echo "FAIL pfsim $arguments: exit $status (want $expect), want one stderr line containing: $message"; cat "$work/stderr"
    failures=$((failures + 1))
  fi
done <"$cli_cases"
[ -e /nonexistent-dir/results.h5 ] && { echo "FAIL: partial file"; failures=$((failures + 1)); }
[ "$(cat "$tmp/tables/kpi_summary.csv")" = "my own KPI table" ] || { echo "FAIL: export overwrote a CSV it did not write"; failures=$((failures + 1)); }
[ -z "$(ls "$tmp/tables" | grep -v '^kpi_summary.csv$')" ] || { echo "FAIL: a refused export --csv wrote files"; failures=$((failures + 1)); }
[ "$(cat "$tmp/notes.txt")" = hello ] || { echo "FAIL: export overwrote notes.txt"; failures=$((failures + 1)); }
[ -e "$tmp/merged.h5" ] || [ -e "$tmp/merged.h5.tmp" ] && { echo "FAIL: a refused merge wrote a file"; failures=$((failures + 1)); }
[ "$(cksum <"$tmp/part-0.h5")" = "$part_sum" ] || { echo "FAIL: a refused merge changed a shard file"; failures=$((failures + 1)); }
# Issue 19: at least 450 bad-input cases in all, each with its exit code and message checked.
total=$((count + cli_count))
echo "$count malformed scenarios and $cli_count bad command lines checked ($total bad-input cases in all), $failures failures"
[ "$count" -ge 30 ] && [ "$cli_count" -ge 90 ] && [ "$total" -ge 450 ] && [ "$failures" -eq 0 ]
