#!/usr/bin/env bash
# A/B timing of two pfsim binaries on a noisy machine: both run the same command at the same time, each pinned to its
# own core (swapping cores every pair), so load from elsewhere hits both alike. Prints each pair's user CPU seconds and
# the ratio B/A, then the median ratio and its range.
# Why: on this shared VM the same binary measured -10 % and +9 % against itself in back-to-back sessions of
# alternating runs; simultaneous pinned pairs resolve ~5-10 % (bench/RESULTS.md, "Issue 11 status").
#
#   bench/ab_pairs.sh OLD_PFSIM NEW_PFSIM PAIRS pfsim-arguments...
#   e.g. bench/ab_pairs.sh /tmp/pfsim-old build/release/tools/pfsim 12 run bench/peers/ae-model.yaml -r 40 -j 1
# Needs two cores and taskset (util-linux). Each binary writes its own temporary results file.
set -euo pipefail
if [ $# -lt 4 ]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
a=$1 b=$2 pairs=$3
shift 3
for bin in "$a" "$b"; do
  [ -x "$bin" ] || { echo "ab_pairs.sh: $bin is not an executable" >&2; exit 2; }
done
command -v taskset >/dev/null || { echo "ab_pairs.sh: taskset not found (apt-get install util-linux)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq "$pairs"); do
  core_a=$((i % 2)) core_b=$(((i + 1) % 2))
  /usr/bin/time -f "%U" -o "$work/a.time" taskset -c "$core_a" "$a" "$@" -q -o "$work/a.h5" &
  /usr/bin/time -f "%U" -o "$work/b.time" taskset -c "$core_b" "$b" "$@" -q -o "$work/b.h5" &
  wait
  echo "$(cat "$work/a.time") $(cat "$work/b.time")"
done | awk '{ printf "pair %2d: A %6.2f s  B %6.2f s  B/A %.3f\n", NR, $1, $2, $2 / $1; print $2 / $1 > "/dev/stderr" }' \
  2> "$work/ratios"
sort -n "$work/ratios" | awk '{ r[NR] = $1 } END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
                                     printf "median B/A %.3f (range %.3f-%.3f, %d pairs)\n", m, r[1], r[NR], NR }'
