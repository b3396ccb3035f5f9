#!/bin/sh
# Peer benchmark (issue 11, item 1): the same small A&E + beds model in pfsim (bench/peers/ae-model.yaml) and in
# SimPy 2 (bench/peers/ae_simpy.py, Debian python3-simpy 2.3.1). Builds nothing: pass the pfsim binary.
#
#   bench/peers/run.sh [PFSIM] [-r R] [-s S] [--seed N] [--keep DIR]
#     PFSIM  pfsim binary (default build/release/tools/pfsim, relative to the repository root)
#     -r R   pfsim replications (default 20), run with -j 1 so both use one core
#     -s S   SimPy replications (default 20; SimPy 2 needs ~1-2 s per replication-year here)
#
# Prints the KPI table (pfsim mean ± 95 % CI, SimPy mean ± 95 % CI, Welch difference, agree yes/no) and the wall time
# per replication-year of each, with the speed ratio. Exit status 1 if any KPI disagrees, 2 on a setup error.
# Needs /usr/bin/python3 with python3-simpy, python3-h5py, python3-numpy, python3-yaml.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pfsim="$root/build/release/tools/pfsim"
case "${1:-}" in
  -*|"") ;;
  *) pfsim=$1; shift ;;
esac
if [ ! -x "$pfsim" ]; then
  echo "run.sh: no pfsim binary at $pfsim (build it first, or pass its path)" >&2
  exit 2
fi
if ! /usr/bin/python3 -c "import SimPy.Simulation, h5py, numpy, yaml" 2>/dev/null; then
  echo "run.sh: /usr/bin/python3 needs SimPy 2, h5py, numpy, yaml: apt-get install -y python3-simpy python3-h5py python3-numpy python3-yaml" >&2
  exit 2
fi
exec /usr/bin/python3 "$here/compare.py" --pfsim "$pfsim" --scenario "$here/ae-model.yaml" "$@"
