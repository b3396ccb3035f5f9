#!/bin/sh
# Escalation-bed sweep for a winter scenario (README "Winter"): runs the scenario once per escalation bed count with
# `--set sites.<SITE>.beds.escalation=N` (same seed, so the runs share common random numbers) and prints one row per
# count: 4-hour %, DToC daily delays, OPEL-4 days, escalation bed-days and bed occupancy, each as mean ± 95 % CI.
#
#   tools/winter_sweep.sh [--scenario FILE] [--site NAME] [--beds "0 15 30 45 60"] [--reps N] [--days N] [--warmup N]
#                         [--pfsim PATH] [--out DIR] [--threads N]
#
# --days/--warmup override run.days/run.warmup_days (for quick checks); results stay in DIR/escalation-N.h5.
# Needs /usr/bin/python3 with h5py (Debian package python3-h5py, installed by tools/setup.sh).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
scenario="$here/../scenarios/south-east-essex-2019-winter.yaml"
site=Southend
beds="0 15 30 45 60"
reps=20
days=""
warmup=""
pfsim="$here/../build/release/tools/pfsim"
out="${TMPDIR:-/tmp}/pfsim-winter-sweep"
threads=""

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
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "winter_sweep: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

[ -x "$pfsim" ] || { echo "winter_sweep: no pfsim at $pfsim (build it, or pass --pfsim PATH)" >&2; exit 2; }
mkdir -p "$out"

files=""
for n in $beds; do
  set -- "$scenario" -r "$reps" -q -o "$out/escalation-$n.h5" --set "sites.$site.beds.escalation=$n"
  [ -n "$days" ] && set -- "$@" --set "run.days=$days"
  [ -n "$warmup" ] && set -- "$@" --set "run.warmup_days=$warmup"
  [ -n "$threads" ] && set -- "$@" -j "$threads"
  "$pfsim" run "$@"
  files="$files $n=$out/escalation-$n.h5"
done

# shellcheck disable=SC2086
/usr/bin/python3 - $files <<'PY'
import sys
import h5py

columns = ["ae_4h_pct", "dtoc_daily_delays", "opel4_days", "escalation_bed_days", "bed_occupancy_pct"]
print(f"{'escalation_beds':>15}" + "".join(f"{c:>24}" for c in columns))
for arg in sys.argv[1:]:
    beds, path = arg.split("=", 1)
    with h5py.File(path, "r") as f:
        summary = {row["kpi"].decode() if isinstance(row["kpi"], bytes) else row["kpi"]: row for row in f["kpi/summary"][()]}
    cells = "".join(f"{summary[c]['mean']:>15.2f} ± {summary[c]['ci95_half']:<6.2f}" for c in columns)
    print(f"{beds:>15}{cells}")
PY
