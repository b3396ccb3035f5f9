#!/usr/bin/env bash
# Fault injection on the results file (README "Hardening"). Each case must end with the documented exit code and
# exactly one line on stderr, and leave neither the final file nor its .tmp behind:
#   - output where a directory is expected (a regular file as the parent), a read-only mount, a /proc path → exit 1 or 2
#   - disk full while writing the results → exit 1; once space is back, --resume finishes the run from the checkpoints
# Disk full uses a 64 KiB tmpfs when this process may mount one (CI runs as root); otherwise RLIMIT_FSIZE
# (`ulimit -f`, with SIGXFSZ ignored so write() fails with EFBIG instead of killing pfsim).
# kill -9 during a run and --resume is covered by tests/cli/resume_after_kill.sh (cli.resume_after_kill_...).
set -u
pfsim=$1
scenario=$2
work=$(mktemp -d)
mounts=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
run_args=(run "$scenario" -r 2 -j 1 -q --set run.days=20)

# expect CASE ALLOWED_EXITS OUTPUT [pfsim args...]: runs pfsim, checks exit code, one stderr line, no final/.tmp file.
expect() {
  local name=$1 allowed=$2 out=$3; shift 3
  "$@" >/dev/null 2>"$work/stderr"
  local status=$?
  local lines
  lines=$(wc -l <"$work/stderr")
  if [[ " $allowed " != *" $status "* ]] || [ "$lines" -ne 1 ]; then
    fail "$name: exit $status (want one of: $allowed), $lines stderr lines:"; sed 's/^/    /' "$work/stderr"
  else
    echo "ok   $name: exit $status: $(cat "$work/stderr")"
  fi
  [ -e "$out" ] && fail "$name: left the final file $out"
  [ -e "$out.tmp" ] && fail "$name: left $out.tmp"
  return 0
}

try_mount() {  # try_mount DIR OPTIONS: mounts a tmpfs if this process may; returns non-zero otherwise.
  mkdir -p "$1"
  mount -t tmpfs -o "$2" tmpfs "$1" 2>/dev/null || return 1
  mounts+=("$1")
}

# 1. Unwritable output locations.
touch "$work/a-file"
expect "parent of -o is a regular file" "2" "$work/a-file/results.h5" "$pfsim" "${run_args[@]}" -o "$work/a-file/results.h5"
expect "-o under /proc" "1 2" /proc/pfsim-results.h5 "$pfsim" "${run_args[@]}" -o /proc/pfsim-results.h5
expect "-o under /proc/self" "1 2" /proc/self/pfsim-results.h5 "$pfsim" "${run_args[@]}" -o /proc/self/pfsim-results.h5
if try_mount "$work/ro" "ro,size=64k"; then
  expect "-o on a read-only mount" "1 2" "$work/ro/results.h5" "$pfsim" "${run_args[@]}" -o "$work/ro/results.h5"
else
  echo "skip read-only mount: cannot mount tmpfs here"
fi

# 2. Disk full while writing the results (a 2-replication results file is ~80 KiB).
if try_mount "$work/full" "size=64k"; then
  out="$work/full/results.h5"
  expect "disk full (64 KiB tmpfs)" "1" "$out" "$pfsim" "${run_args[@]}" -o "$out"
  if mount -o remount,size=4m "$work/full" 2>/dev/null; then
    if "$pfsim" "${run_args[@]}" -o "$out" --resume >/dev/null 2>"$work/stderr" && [ -s "$out" ] && [ ! -e "$out.tmp" ]; then
      echo "ok   --resume after space is freed wrote $out"
    else
      fail "--resume after space is freed:"; sed 's/^/    /' "$work/stderr"
    fi
  fi
  # So full that the checkpoints themselves cannot be written.
  if try_mount "$work/tiny" "size=8k"; then
    expect "disk full before the first checkpoint (8 KiB tmpfs)" "1" "$work/tiny/results.h5" \
      "$pfsim" "${run_args[@]}" -o "$work/tiny/results.h5"
  fi
else
  echo "no tmpfs mount here: disk full via ulimit -f"
  out="$work/results.h5"
  expect "file size limit (ulimit -f 32)" "1" "$out" bash -c 'trap "" XFSZ; ulimit -f 32; exec "$@"' _ \
    "$pfsim" "${run_args[@]}" -o "$out"
fi

echo "output faults: $failures failures"
[ "$failures" -eq 0 ]
