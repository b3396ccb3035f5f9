#!/usr/bin/env bash
# Sets up, builds, and runs the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc 2>/dev/null || echo 2)"
./build/release/bench/engine_bench
