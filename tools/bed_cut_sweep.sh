#!/bin/sh
# General-bed cut sweep (README "Every arrival counted", issue 19 item 1): runs the baseline once per general bed
# count at one site with `--set sites.<SITE>.beds.general=N` (same seed, so the runs share common random numbers)
# and prints one row per count: 4-hour %, mean time in A&E, trolley wait, occupancy and the measured patients still in
# A&E / still waiting for a bed at the follow-up cap, each as mean ± 95 % CI. With the arrival-cohort KPIs the
# 4-hour % must fall at every cut.
#
#   tools/bed_cut_sweep.sh [--scenario FILE] [--site NAME] [--beds "540 480 420 360 0"] [--reps N] [--days N]
#                          [--pfsim PATH] [--out DIR] [--threads N] [--warmup N]
#
# --days overrides run.days (quick checks); --warmup overrides run.warmup_days (default 60, so every bed count starts
# its measured year from the same near-empty hospital; with the shipped 730-day warm-up an overloaded hospital is
# already gridlocked when measurement starts); results stay in DIR/general-N.h5. A KPI the binary does not write (an
# older pfsim, for before/after) prints as "-". Needs /usr/bin/python3 with h5py (tools/setup.sh installs it).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
scenario="$here/../scenarios/south-east-essex-2019.yaml"
site=Southend
beds="540 480 420 360 0"
reps=4
days=""
warmup=60
pfsim="$here/../build/release/tools/pfsim"
out="${TMPDIR:-/tmp}/pfsim-bed-cut-sweep"
threads=2

while [ $# -gt 0 ]; do
  case "$1" in
    --scenario) scenario=$2; shift 2 ;;
    --site) site=$2; shift 2 ;;
    --beds) beds=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --pfsim) pfsim=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bed_cut_sweep: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

[ -x "$pfsim" ] || { echo "bed_cut_sweep: no pfsim at $pfsim (build it, or pass --pfsim PATH)" >&2; exit 2; }
mkdir -p "$out"

files=""
for n in $beds; do
  set -- "$scenario" -r "$reps" -j "$threads" -q -o "$out/general-$n.h5" --set "sites.$site.beds.general=$n" \
    --set "run.warmup_days=$warmup"
  [ -n "$days" ] && set -- "$@" --set "run.days=$days"
  "$pfsim" run "$@"
  files="$files $n=$out/general-$n.h5"
done

# shellcheck disable=SC2086
/usr/bin/python3 - $files <<'PY'
import sys
import h5py

columns = ["ae_4h_pct", "ae_mean_time_min", "trolley_wait_mean_h", "bed_occupancy_pct",
           "ae_still_in_department_at_end", "awaiting_bed_at_end"]
print(f"{'general_beds':>12}" + "".join(f"{c:>32}" for c in columns))
for arg in sys.argv[1:]:
    beds, path = arg.split("=", 1)
    with h5py.File(path, "r") as f:
        summary = {row["kpi"].decode() if isinstance(row["kpi"], bytes) else row["kpi"]: row for row in f["kpi/summary"][()]}
    cells = "".join(f"{summary[c]['mean']:>21.2f} ± {summary[c]['ci95_half']:<8.2f}" if c in summary else f"{'-':>32}"
                    for c in columns)
    print(f"{beds:>12}{cells}")
PY
