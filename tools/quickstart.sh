#!/usr/bin/env bash
# Sets up, builds, and runs the South East Essex 2019/20 baseline: prints the KPI table and writes results.h5.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/setup.sh
cmake --preset release -DPFSIM_MPI=ON >/dev/null
cmake --build --preset release -j "$(nproc 2>/dev/null || echo 2)"
./build/release/tools/pfsim run scenarios/south-east-essex-2019.yaml -o results.h5 "$@"
