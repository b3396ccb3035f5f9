#!/usr/bin/env bash
# Issue 24's bar on an installed module: `cmake --install` the python component into a fresh prefix, then the
# README's one-liner, run against that prefix only, must print the mean /kpi/summary holds after
# `pfsim run ... -r 4 --seed 7` (repr of the same double: bit-identical).
# usage: installed_bar.sh CMAKE BUILD_DIR PFSIM SOURCE_DIR PYTHON WORKDIR
set -euo pipefail
cmake=$1 build=$2 pfsim=$3 source=$4 python=$5 work=$6
rm -rf "$work" && mkdir -p "$work"
"$cmake" --install "$build" --prefix "$work/prefix" --component python >/dev/null
site=$("$python" -c 'import sys; print(f"lib/python{sys.version_info.major}.{sys.version_info.minor}/dist-packages")')
test -f "$work/prefix/$site/pfsim/__init__.py" || { echo "installed_bar: no pfsim package in $work/prefix/$site"; exit 1; }
cd "$source"
"$pfsim" run scenarios/south-east-essex-2019.yaml -r 4 --seed 7 -q -o "$work/cli.h5"
cli=$("$python" -c "import h5py, sys; s = h5py.File(sys.argv[1])['kpi/summary'][()]; print(repr(float(s[[k.decode() for k in s['kpi']].index('ae_4h_pct')]['mean'])))" "$work/cli.h5")
py=$(env -u PYTHONPATH PYTHONPATH="$work/prefix/$site" "$python" -c "import pfsim; assert pfsim.__file__.startswith('$work'), pfsim.__file__; s = pfsim.load('scenarios/south-east-essex-2019.yaml'); r = pfsim.run(s, replications=4, seed=7, progress=False); print(r.summary.loc['ae_4h_pct','mean'])")
echo "CLI /kpi/summary ae_4h_pct mean: $cli"
echo "installed pfsim module prints:   $py"
[ "$cli" = "$py" ]
