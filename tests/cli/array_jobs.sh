#!/usr/bin/env bash
# Array jobs (issue 25 item 4): shards written by `pfsim run --shard K/N` and assembled by `pfsim merge` must hold the
# datasets of one `pfsim run` of every replication, however the shards ran.
# usage: array_jobs.sh MODE PFSIM PROJECT_DIR PYTHON
#   merge   3 shards of a small run, given to merge out of order; a schemes run and a --parameter-uncertainty run in 2
#   resume  a shard killed part-way (kill -9) and rerun with --resume, then merged
#   slurm   tools/slurm/pfsim-array.sbatch run as Slurm would (SLURM_ARRAY_TASK_* set) for each task, a task rerun
#           alone, pfsim-merge.sbatch; tools/slurm/submit.sh against a stand-in sbatch that records what it was asked
set -u
mode=$1 pfsim=$2 root=$3 python=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compare="$root/tests/cli/same_datasets.py"
fail() { echo "FAIL: $*"; exit 1; }

# same NAME SHARDS ARGS...: a single run and SHARDS shards of it, merged in reverse order, must have the same datasets.
same() {
  local name=$1 shards=$2
  shift 2
  "$pfsim" run "$@" -q -o "$work/$name-single.h5" || fail "$name: the single run failed"
  local parts=()
  for ((k = 0; k < shards; k++)); do
    "$pfsim" run "$@" -q --shard "$k/$shards" -o "$work/$name-part-$k.h5" || fail "$name: shard $k failed"
    [ -d "$work/$name-part-$k.h5.ckpt" ] && fail "$name: shard $k left its checkpoints behind"
    parts=("$work/$name-part-$k.h5" "${parts[@]}")
  done
  "$pfsim" merge -q "${parts[@]}" -o "$work/$name-merged.h5" || fail "$name: merge failed"
  echo -n "$name: "
  "$python" "$compare" "$work/$name-single.h5" "$work/$name-merged.h5" || fail "$name: merged datasets differ from the single run's"
}

case "$mode" in
  merge)
    same mmc 3 "$root/scenarios/tests/mmc-ae.yaml" -r 7 -j 2 --set run.days=120
    same schemes 2 "$root/scenarios/south-east-essex-2019-schemes.yaml" -r 3 -j 2 --set run.days=60 --set run.warmup_days=10
    same parameter_uncertainty 2 "$root/scenarios/south-east-essex-2019-calibrated.yaml" -r 3 -j 2 --parameter-uncertainty \
      --set run.days=60 --set run.warmup_days=10
    # /meta of the merged file says it was merged, and from which shard commands.
    "$python" -c "import h5py, sys; m = h5py.File(sys.argv[1])['meta'].attrs; \
sys.exit(not (m['shards'].startswith('3 array-job shards') and m['processes'] == '3' and m['shard_command_lines'].count('--shard') == 3))" \
      "$work/mmc-merged.h5" || fail "merged /meta does not record the shards"
    # More shards than replications: the empty shard is still a part of the run.
    same more_shards_than_replications 4 "$root/scenarios/tests/mmc-ae.yaml" -r 3 -j 1 --set run.days=60
    # A scenario changed after the shards ran is refused, and nothing is written.
    cp "$root/scenarios/tests/mmc-ae.yaml" "$work/edited.yaml"
    for k in 0 1; do "$pfsim" run "$work/edited.yaml" -r 4 -q --shard "$k/2" -o "$work/edited-$k.h5" || fail "edited: shard $k"; done
    sed -i 's/^name: .*/name: edited after the shards ran/' "$work/edited.yaml"
    "$pfsim" merge "$work"/edited-*.h5 -o "$work/edited.h5" 2>"$work/stderr" && fail "merge accepted a changed scenario"
    grep -q "changed since the shards ran" "$work/stderr" || { cat "$work/stderr"; fail "no clear message for a changed scenario"; }
    [ -e "$work/edited.h5" ] && fail "a refused merge left a file"
    ;;
  resume)
    scenario="$root/scenarios/south-east-essex-2019.yaml"
    args=(run "$scenario" -r 12 -j 1 -q --set run.days=200 --set run.warmup_days=20)
    "$pfsim" "${args[@]}" -o "$work/whole.h5" || fail "uninterrupted run failed"
    "$pfsim" "${args[@]}" --shard 0/2 -o "$work/part-0.h5" || fail "shard 0 failed"
    "$pfsim" "${args[@]}" --shard 1/2 -o "$work/part-1.h5" &
    pid=$!
    for _ in $(seq 1 600); do
      n=$(ls "$work/part-1.h5.ckpt" 2>/dev/null | grep -c '\.rep$')
      [ "$n" -ge 2 ] && break
      sleep 0.05
    done
    kill -9 "$pid"; wait "$pid" 2>/dev/null
    saved=$(ls "$work/part-1.h5.ckpt" | grep -c '\.rep$')
    echo "shard 1 killed with $saved of its 6 replications checkpointed"
    [ "$saved" -ge 1 ] && [ "$saved" -lt 6 ] || fail "kill did not land mid-run ($saved checkpoints)"
    [ -e "$work/part-1.h5" ] && fail "a shard file exists after kill -9"
    "$pfsim" merge "$work/part-0.h5" -o "$work/merged.h5" 2>"$work/stderr" && fail "merge accepted a missing shard"
    grep -q "shard(s) 1 of 2 missing" "$work/stderr" || { cat "$work/stderr"; fail "no clear message for the lost shard"; }
    "$pfsim" "${args[@]}" --shard 1/2 -o "$work/part-1.h5" --resume 2>"$work/resume.log" || fail "resume failed"
    grep -q "reusing $saved of 6 replications" "$work/resume.log" || { cat "$work/resume.log"; fail "resume did not reuse the checkpoints"; }
    [ -d "$work/part-1.h5.ckpt" ] && fail "checkpoints left behind"
    "$pfsim" merge -q "$work/part-1.h5" "$work/part-0.h5" -o "$work/merged.h5" || fail "merge failed"
    "$python" "$compare" "$work/whole.h5" "$work/merged.h5" || fail "merged datasets differ from the uninterrupted run's"
    ;;
  slurm)
    slurm="$root/tools/slurm"
    for script in "$slurm"/pfsim-array.sbatch "$slurm"/pfsim-merge.sbatch "$slurm"/submit.sh; do
      bash -n "$script" || fail "$script does not parse"
    done
    scenario="$root/scenarios/tests/mmc-ae.yaml"
    "$pfsim" run "$scenario" -r 9 -j 1 -q --set run.days=90 -o "$work/single.h5" || fail "the single run failed"
    task() {  # task ID MIN COUNT [PFSIM_SHARDS]: one array task, with the variables Slurm sets
      env PFSIM="$pfsim" SLURM_ARRAY_JOB_ID=41 SLURM_ARRAY_TASK_ID="$1" SLURM_ARRAY_TASK_MIN="$2" SLURM_ARRAY_TASK_COUNT="$3" \
        SLURM_ARRAY_TASK_MAX=$(($2 + $3 - 1)) SLURM_CPUS_PER_TASK=1 PFSIM_SHARDS="${4:-}" \
        bash "$slurm/pfsim-array.sbatch" "$scenario" 9 "$work/out" --set run.days=90 >"$work/task-$1.log" 2>&1
    }
    for k in 0 1 2; do task "$k" 0 3 || { cat "$work/task-$k.log"; fail "array task $k failed"; }; done
    task 1 0 3 || fail "a finished task run again failed"
    grep -q "already written; nothing to do" "$work/task-1.log" || fail "a finished task ran again"
    # Node loss: task 2's part is gone; rerun alone (an array of one task) it must still be shard 2 of 3.
    rm "$work/out/part-2.h5"
    task 2 2 1 3 || { cat "$work/task-2.log"; fail "rerunning task 2 alone failed"; }
    grep -q "shard 2 of 3" "$work/task-2.log" || { cat "$work/task-2.log"; fail "task 2 rerun alone was not shard 2 of 3"; }
    env PFSIM="$pfsim" bash "$slurm/pfsim-merge.sbatch" "$work/out" "$work/out/results.h5" >"$work/merge.log" 2>&1 ||
      { cat "$work/merge.log"; fail "the merge job failed"; }
    "$python" "$compare" "$work/single.h5" "$work/out/results.h5" || fail "the array job's results differ from the single run's"
    # submit.sh queues the array and a merge that waits for it (afterok), with a stand-in sbatch.
    mkdir -p "$work/bin"
    cat >"$work/bin/sbatch" <<'STANDIN'
#!/usr/bin/env bash
echo "$* PFSIM_SHARDS=${PFSIM_SHARDS:-}" >>"$SBATCH_LOG"
echo "$((1000 + $(wc -l <"$SBATCH_LOG")));cluster"
STANDIN
    chmod +x "$work/bin/sbatch"
    PATH="$work/bin:$PATH" SBATCH_LOG="$work/sbatch.log" bash "$slurm/submit.sh" "$scenario" 9 3 "$work/queued" -j 1 >"$work/submit.log" ||
      fail "submit.sh failed"
    cat "$work/submit.log"
    grep -q -- "--array=0-2 .*pfsim-array.sbatch $scenario 9 $work/queued -j 1 PFSIM_SHARDS=3" "$work/sbatch.log" ||
      { cat "$work/sbatch.log"; fail "submit.sh did not queue a 3-task array"; }
    grep -q -- "--dependency=afterok:1001 .*pfsim-merge.sbatch $work/queued $work/queued/results.h5" "$work/sbatch.log" ||
      { cat "$work/sbatch.log"; fail "submit.sh did not queue the merge after the array"; }
    ;;
  *) fail "unknown mode $mode" ;;
esac
echo "array jobs ($mode): ok"
