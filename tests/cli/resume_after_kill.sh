#!/usr/bin/env bash
# kill -9 a run part-way, resume it, and check the datasets equal an uninterrupted run's; no partial final file.
set -u
pfsim=$1; scenario=$2; python=$3; compare=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Arguments after the fourth are added to every run (e.g. --parameter-uncertainty).
args=(run "$scenario" -r 16 -j 1 -q --set run.days=200 --set run.warmup_days=20 "${@:5}")

"$pfsim" "${args[@]}" -o "$work/whole.h5" || { echo "uninterrupted run failed"; exit 1; }

"$pfsim" "${args[@]}" -o "$work/killed.h5" &
pid=$!
for _ in $(seq 1 600); do
  n=$(ls "$work/killed.h5.ckpt" 2>/dev/null | grep -c '\.rep$')
  [ "$n" -ge 3 ] && break
  sleep 0.05
done
kill -9 "$pid"; wait "$pid" 2>/dev/null
saved=$(ls "$work/killed.h5.ckpt" | grep -c '\.rep$')
echo "killed with $saved of 16 replications checkpointed"
[ "$saved" -ge 1 ] && [ "$saved" -lt 16 ] || { echo "FAIL: kill did not land mid-run ($saved checkpoints)"; exit 1; }
[ -e "$work/killed.h5" ] && { echo "FAIL: a final file exists after kill -9"; exit 1; }

"$pfsim" "${args[@]}" -o "$work/killed.h5" --resume | tee "$work/resume.log" || { echo "FAIL: resume failed"; exit 1; }
[ -d "$work/killed.h5.ckpt" ] && { echo "FAIL: checkpoints left behind"; exit 1; }
"$python" "$compare" "$work/whole.h5" "$work/killed.h5"
