#!/usr/bin/env bash
# Issue 25 item 3: replication efficiency at -j T as the issue defines it. PAIRS times runs R replications with -j 1
# and then with -j T, each pair back to back so both see the same machine, and prints each pair's efficiency
# wall(-j 1) / (T x wall(-j T)) with the user CPU of both (a rise at -j T is contention), then the median.
# usage: bench/thread_efficiency.sh PFSIM [SCENARIO] [R] [PAIRS] [T]
#   defaults: the baseline, 40 replications, 5 pairs, T = 2 (on a 16-core machine: ... 160 5 16)
# Run it on a quiet machine: anything else running takes a core from the -j T run and not from the -j 1 run.
set -euo pipefail
pfsim=$1 scenario=${2:-scenarios/south-east-essex-2019.yaml} reps=${3:-40} pairs=${4:-5} threads=${5:-2}
[ -x "$pfsim" ] || { echo "thread_efficiency.sh: $pfsim is not an executable" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$pairs"); do
  for j in 1 "$threads"; do
    /usr/bin/time -f "%e %U" -o "$work/time-$j" "$pfsim" run "$scenario" -r "$reps" -j "$j" -q -o "$work/out-$j.h5"
  done
  echo "$i $(cat "$work/time-1") $(cat "$work/time-$threads")"
done | awk -v t="$threads" '{ e = $2 / (t * $4); print e > "/dev/stderr"
              printf "pair %d: -j 1 %6.2f s (user %6.2f)  -j %d %6.2f s (user %6.2f, %+.1f %%)  efficiency %.3f\n",
                     $1, $2, $3, t, $4, $5, 100 * ($5 / $3 - 1), e }' 2>"$work/eff"
sort -n "$work/eff" | awk '{ v[NR] = $1 } END { printf "median efficiency over %d pairs: %.3f (range %.3f-%.3f)\n", NR, v[int((NR + 1) / 2)], v[1], v[NR] }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
