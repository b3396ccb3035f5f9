#!/usr/bin/env bash
# Issue 25 item 4: an array job on one machine, end to end. Runs SHARDS shards of a REPS-replication run of
# SCENARIO at once (each `pfsim run --shard K/N -j 1` under a pseudo-terminal, so its progress bar and ETA are
# recorded, and under /usr/bin/time -v for wall time and peak RSS), then `pfsim merge`, and prints the figures.
# usage: bench/array_merge.sh PFSIM SCENARIO REPS SHARDS WORKDIR   (e.g. build/ci/tools/pfsim
#        scenarios/mid-south-essex-2016.yaml 334 2 /tmp/array-bench)
set -euo pipefail
pfsim=$(realpath "$1") scenario=$2 reps=$3 shards=$4 work=$5
mkdir -p "$work"
started=$(date +%s.%N)
for ((k = 0; k < shards; k++)); do
  script -qfec "/usr/bin/time -v -o $work/time-$k.txt $pfsim run $scenario -r $reps -j 1 --shard $k/$shards -o $work/part-$k.h5" \
    "$work/tty-$k.txt" >/dev/null &
done
wait
/usr/bin/time -v -o "$work/time-merge.txt" "$pfsim" merge -q "$work"/part-*.h5 -o "$work/merged.h5"
finished=$(date +%s.%N)
for ((k = 0; k < shards; k++)); do
  echo "shard $k: $(grep -E 'Elapsed|Maximum resident' "$work/time-$k.txt" | sed 's/^\s*//' | paste -sd ';')"
  # The bar redraws in place (\r); print its first and last few states as the terminal showed them.
  # The bar redraws in place (\r); print its second, middle and last states as the terminal showed them.
  tr '\r' '\n' <"$work/tty-$k.txt" | sed 's/\x1b\[K//g' | grep 'ETA' >"$work/bar-$k.txt"
  lines=$(wc -l <"$work/bar-$k.txt")
  sed -n "2p;$(((lines + 1) / 2))p;\$p" "$work/bar-$k.txt" | sed 's/^/  bar: /'
  tr '\r' '\n' <"$work/tty-$k.txt" | sed 's/\x1b\[K//g' | grep 'replication-years/s' | sed 's/^/  /'
done
echo "merge: $(grep -E 'Elapsed|Maximum resident' "$work/time-merge.txt" | sed 's/^\s*//' | paste -sd ';')"
years=$(/usr/bin/python3 -c 'import h5py, sys; m = h5py.File(sys.argv[1])["meta"].attrs; print((int(m["days"]) + int(m["warmup_days"])) / 365.25)' "$work/merged.h5")
awk -v s="$started" -v f="$finished" -v r="$reps" -v y="$years" 'BEGIN {
  printf "end to end: %.1f s for %d replications x %.3f years (warm-up included) = %.1f replication-years: %.3f replication-years/s\n",
         f - s, r, y, r * y, r * y / (f - s) }'
