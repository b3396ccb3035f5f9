#!/usr/bin/env bash
# Queues a pfsim run as a Slurm array job of SHARDS tasks and its merge (README "Slurm array jobs").
# usage: tools/slurm/submit.sh SCENARIO REPLICATIONS SHARDS OUTDIR [more pfsim run options]
# Writes OUTDIR/part-<task>.h5 per task and OUTDIR/results.h5 once all have succeeded. Extra sbatch options (a
# partition, an account) go in SBATCH_* environment variables, e.g. SBATCH_PARTITION=compute.
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: tools/slurm/submit.sh SCENARIO REPLICATIONS SHARDS OUTDIR [pfsim run options]" >&2
  exit 2
fi
scenario=$1 replications=$2 shards=$3 outdir=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$outdir"
# Absolute paths: the jobs may start in another directory, on another node.
scenario=$(realpath "$scenario")
outdir=$(realpath "$outdir")
export PFSIM_SHARDS=$shards  # sbatch passes the environment on, so every task (and a rerun of one) knows N
array=$(sbatch --parsable --array="0-$((shards - 1))" --output="$outdir/array-%A_%a.log" "$here/pfsim-array.sbatch" \
  "$scenario" "$replications" "$outdir" "$@")
array=${array%%;*}  # --parsable prints "jobid[;cluster]"
merge=$(sbatch --parsable --dependency="afterok:$array" --output="$outdir/merge-%j.log" "$here/pfsim-merge.sbatch" \
  "$outdir" "$outdir/results.h5")
echo "array job $array ($shards tasks), merge job ${merge%%;*} after it: results in $outdir/results.h5"
echo "if a task fails, rerun it alone with: PFSIM_SHARDS=$shards sbatch --array=<task> $here/pfsim-array.sbatch $scenario $replications $outdir $*"
