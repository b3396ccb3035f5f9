#!/usr/bin/env bash
# Sets up, builds and runs every test: the release build (warnings are errors) and then the same suite
# under AddressSanitizer + UndefinedBehaviorSanitizer. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)

cmake --preset release -DPFSIM_WERROR=ON -DPFSIM_MPI=ON >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs" --timeout 600

if [ "${PFSIM_SKIP_ASAN:-0}" != "1" ]; then
  cmake --preset asan -DPFSIM_WERROR=ON >/dev/null
  cmake --build --preset asan -j "$jobs"
  ctest --preset asan -j "$jobs" --timeout 900
fi
echo "pfsim: all tests passed"
