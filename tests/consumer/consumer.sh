#!/usr/bin/env bash
# Installs a pfsim build tree into a fresh prefix, builds tests/consumer (find_package(pfsim) → pfsim::run) against
# it alone, runs it on the M/M/5 A&E scenario and checks what it prints: 2 replications, a 4-hour % in (0, 100]
# and a mean time in A&E within 10 % of Erlang C's W = 31.082 min.
#   consumer.sh CMAKE BUILD_DIR CONSUMER_SOURCE WORK_DIR SCENARIO [cmake options for the consumer...]
set -euo pipefail
[ $# -ge 5 ] || { echo "usage: consumer.sh CMAKE BUILD_DIR CONSUMER_SOURCE WORK_DIR SCENARIO [OPTIONS...]" >&2; exit 2; }
cmake=$1 build=$2 source=$3 work=$4 scenario=$5
shift 5
prefix=$work/prefix

step() {  # step NAME COMMAND...: runs COMMAND with its output in WORK_DIR/NAME.log, shown only if it fails
  local name=$1
  shift
  if ! "$@" >"$work/$name.log" 2>&1; then
    cat "$work/$name.log"
    echo "consumer: $name failed: $*" >&2
    exit 1
  fi
}
fail() { echo "consumer: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
step install "$cmake" --install "$build" --prefix "$prefix"
for f in bin/pfsim include/pfsim/run/version.hpp include/pfsim/engine/rng.hpp lib/cmake/pfsim/pfsimConfig.cmake \
         lib/cmake/pfsim/pfsimConfigVersion.cmake lib/cmake/pfsim/pfsimTargets.cmake lib/libpfsim_run.a; do
  [ -e "$prefix/$f" ] || fail "the install has no $f"
done
# The export names installed paths and packages only: no build or source tree, no pfsim_warnings.
if grep -n -e "$(cd "$build" && pwd)" -e "$(cd "$source/../.." && pwd)/" -e pfsim_warnings "$prefix"/lib/cmake/pfsim/*.cmake; then
  fail "the installed package refers to the build tree, the source tree or pfsim_warnings (above)"
fi

step configure "$cmake" -S "$source" -B "$work/build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF "$@"
grep "installed headers" "$work/configure.log" || true
step build "$cmake" --build "$work/build" -j 2
out=$("$work/build/pfsim_consumer" "$scenario") || fail "pfsim_consumer exited $?"
echo "$out"

echo "$out" | grep -q "^pfsim [0-9.]*: 2 replications of " || fail "no '2 replications' line"
echo "$out" | awk '
  $1 == "ae_4h_pct" && $2 == "mean" { pct = $3; seen_pct = 1 }
  $1 == "ae_mean_time_min" && $2 == "mean" { w = $3; seen_w = 1 }
  END {
    if (!seen_pct || !(pct > 0 && pct <= 100)) { print "consumer: ae_4h_pct mean missing or outside (0, 100]"; exit 1 }
    if (!seen_w || w < 0.9 * 31.082 || w > 1.1 * 31.082) { print "consumer: ae_mean_time_min not within 10 % of 31.082"; exit 1 }
    printf "consumer: ae_mean_time_min %.3f vs Erlang C 31.082 min (%+.1f %%)\n", w, 100 * (w / 31.082 - 1)
  }' || exit 1
echo "consumer: installed pfsim builds and runs in an outside project"
