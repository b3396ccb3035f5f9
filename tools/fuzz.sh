#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang++ with -fsanitize=fuzzer,address,undefined) and runs each for
# SECONDS (default 60), both at once (one per core). Seeds: scenarios/**/*.yaml, tests/data/good/**/*.yaml and the
# distribution strings found in them; the corpus grown by earlier runs is kept in build/fuzz/corpus/.
# Exit 0: no crash. Exit 1: a crash; its input is saved under build/fuzz/findings/ — add it to
# tests/data/fuzz-regressions/<target>/ so fuzz_regression_tests replays it in every ctest run.
#   tools/fuzz.sh [SECONDS]          environment: PFSIM_FUZZ_JOBS=1 runs the targets one after the other
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || { echo "usage: tools/fuzz.sh [SECONDS]" >&2; exit 2; }
build=$root/build/fuzz
targets=(scenario distribution)

cmake -S tests/fuzz -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" >/dev/null

# Seed corpora, rebuilt each run from the repository (content-named files, so re-seeding adds no duplicates).
seed_file() { local dir=$1 text=$2; printf '%s' "$text" >"$dir/seed-$(printf '%s' "$text" | sha1sum | cut -c1-16)"; }
rm -rf "$build/seeds"
mkdir -p "$build/seeds/scenario" "$build/seeds/distribution" "$build/findings"
# The billion-laughs file is left out: it is correct (rejected at the 1,000,000-value limit) but takes seconds per run
# under ASan, and every mutation of it would too.
while IFS= read -r -d '' file; do
  grep -q '^l7: &i' "$file" && continue
  cp "$file" "$build/seeds/scenario/$(sha1sum <"$file" | cut -c1-16).yaml"
done < <(find scenarios tests/data/good tests/data/bad -name '*.yaml' -print0)
while IFS= read -r text; do
  seed_file "$build/seeds/distribution" "$text"
done < <(grep -rhoE '"[a-z]+\([^"]*\)"|"[0-9.]+ ?[a-z]+"' scenarios tests/data/good tests/data/bad | tr -d '"' | sort -u)
for target in "${targets[@]}"; do
  mkdir -p "$build/corpus/$target"
  if [ -d tests/data/fuzz-regressions/$target ]; then
    find "tests/data/fuzz-regressions/$target" -type f ! -name '*.md' -exec cp {} "$build/seeds/$target/" \;
  fi
done

run_target() {
  local target=$1 log=$build/$1.log
  # A crash, leak, sanitizer report, timeout (>30 s on one input) or >2 GB RSS stops the run and saves the input.
  # A hard wall-clock bound: libFuzzer can hang while reporting an out-of-memory input; fail instead of waiting.
  timeout --kill-after=30 $((seconds + 180)) "$build/${target}_fuzzer" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -dict="$root/tests/fuzz/$target.dict" -artifact_prefix="$build/findings/$target-" \
    "$build/corpus/$target" "$build/seeds/$target" >"$log" 2>&1
}

declare -A status
start=$(date +%s)
if [ "${PFSIM_FUZZ_JOBS:-2}" = 1 ]; then
  for target in "${targets[@]}"; do run_target "$target" && status[$target]=0 || status[$target]=$?; done
else
  declare -A pids
  for target in "${targets[@]}"; do run_target "$target" & pids[$target]=$!; done
  for target in "${targets[@]}"; do wait "${pids[$target]}" && status[$target]=0 || status[$target]=$?; done
fi

failed=0
for target in "${targets[@]}"; do
  log=$build/$target.log
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
  corpus=$(find "$build/corpus/$target" -type f | wc -l)
  if [ "${status[$target]}" -eq 0 ]; then
    echo "fuzz $target: ${seconds}s, $runs inputs, corpus $corpus, no crash"
  else
    failed=1
    echo "fuzz $target: CRASH (exit ${status[$target]}) after $runs inputs; log $log"
    grep -E 'pfsim fuzz finding|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|Test unit written' "$log" |
      head -5 | sed 's/^/  /'
  fi
done
echo "fuzz: $(($(date +%s) - start))s wall"
if [ "$failed" -ne 0 ]; then
  echo "fuzz: reproduce with build/fuzz/<target>_fuzzer <input>; add the input to tests/data/fuzz-regressions/<target>/"
  exit 1
fi
