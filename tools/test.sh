#!/usr/bin/env bash
# Sets up, builds and runs every test: the release build with MPI and warnings as errors (preset ci, build/ci; its
# suite includes installing that build and building tests/consumer against it), then the same suite but its long
# statistical checks under AddressSanitizer + UndefinedBehaviorSanitizer, the parallel/determinism tests under ThreadSanitizer, and
# each libFuzzer target for 60 s (README "Hardening"). This is the README's test command and what CI runs.
# PFSIM_SKIP_ASAN=1, PFSIM_SKIP_TSAN=1, PFSIM_SKIP_FUZZ=1 skip a stage; PFSIM_FUZZ_SECONDS changes the fuzz time.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
stage_start=$(date +%s)
stage_done() { echo "pfsim: stage $1 took $(($(date +%s) - stage_start)) s"; stage_start=$(date +%s); }

cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
ctest --preset ci -j "$jobs" --timeout 600
stage_done release

if [ "${PFSIM_SKIP_ASAN:-0}" != "1" ]; then
  cmake --preset ci-asan >/dev/null
  cmake --build --preset ci-asan -j "$jobs"
  # Without the long statistical checks (label `statistical`, tests/cli/CMakeLists.txt): the release stage above ran them.
  # Nor the Python module's (label `python`, notebooks included): Debian's python3 cannot load an ASan-built module
  # without preloading the runtime; the release stage ran them.
  ctest --preset ci-asan -j "$jobs" --timeout 900 -LE "statistical|python"
  stage_done asan
fi

# ThreadSanitizer on what runs replications in parallel: only pfsim and model_tests are built, and only the
# thread-count determinism and common-random-numbers tests run. Debian's libtbb is not built with TSan: the only
# suppression (tests/faults/tsan.supp) is TBB's own fold_tree. cli.target_ci is left out: it runs several
# parallel_for batches in one process and TBB recycles task memory between threads where TSan cannot see it.
if [ "${PFSIM_SKIP_TSAN:-0}" != "1" ]; then
  cmake --preset ci-tsan >/dev/null
  cmake --build --preset ci-tsan -j "$jobs" --target pfsim model_tests
  TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$(pwd)/tests/faults/tsan.supp ${TSAN_OPTIONS:-}" \
    ctest --preset ci-tsan -j "$jobs" --timeout 900 -R "cli.determinism|cli.same_results|CommonRandom"
  stage_done tsan
fi

# libFuzzer (clang): scenario files and distribution text, 60 s each (both at once, one per core).
if [ "${PFSIM_SKIP_FUZZ:-0}" != "1" ]; then
  ./tools/fuzz.sh "${PFSIM_FUZZ_SECONDS:-60}"
  stage_done fuzz
fi
echo "pfsim: all tests passed"
