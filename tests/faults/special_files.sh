#!/usr/bin/env bash
# A scenario path (given on the command line or reached through `extends:`) that is not a regular file must be
# refused with exit 2 and one line, quickly and without reading without bound: /dev/zero never ends, a FIFO
# with no writer never opens. Each case runs under a 10 s timeout and a 2 GiB memory limit (ulimit -v, or the
# sanitizer's hard_rss_limit_mb when pfsim is built with one: ASan needs far more address space), so a regression
# fails the test instead of hanging CI or exhausting memory.
set -u
pfsim=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
if ldd "$pfsim" 2>/dev/null | grep -qE 'lib(a|t)san'; then
  limit=(true)
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=2048" TSAN_OPTIONS="${TSAN_OPTIONS:+$TSAN_OPTIONS:}hard_rss_limit_mb=2048"
else
  limit=(ulimit -v 2097152)
fi

expect_bad_input() {
  local name=$1; shift
  ("${limit[@]}"; timeout 10 "$pfsim" "$@") >/dev/null 2>"$work/stderr" </dev/null
  local status=$?
  local lines
  lines=$(wc -l <"$work/stderr")
  if [ "$status" -ne 2 ] || [ "$lines" -ne 1 ]; then
    echo "FAIL $name: exit $status (want 2; 124 = timed out), $lines stderr lines:"; head -c 600 "$work/stderr" | sed 's/^/    /'
    failures=$((failures + 1))
  else
    echo "ok   $name: $(cat "$work/stderr")"
  fi
}

printf 'pfsim: 1\nname: extends /dev/zero\nextends: /dev/zero\n' >"$work/extends-dev-zero.yaml"
mkfifo "$work/fifo.yaml"
printf 'pfsim: 1\nname: extends a FIFO\nextends: fifo.yaml\n' >"$work/extends-fifo.yaml"

expect_bad_input "validate /dev/zero" validate /dev/zero
expect_bad_input "extends: /dev/zero" validate "$work/extends-dev-zero.yaml"
expect_bad_input "validate a FIFO" validate "$work/fifo.yaml"
expect_bad_input "extends: a FIFO" validate "$work/extends-fifo.yaml"
expect_bad_input "run /dev/zero" run /dev/zero -o "$work/out.h5" -q
[ -e "$work/out.h5" ] && { echo "FAIL run /dev/zero left a results file"; failures=$((failures + 1)); }

echo "special files: $failures failures"
[ "$failures" -eq 0 ]
