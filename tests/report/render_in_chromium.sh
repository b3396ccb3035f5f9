#!/usr/bin/env bash
# Renders `pfsim report` of RESULTS in headless Chromium and checks the DOM it built (check_dom.py) and that the
# page logged nothing to the console. Exits 77 (ctest SKIP_RETURN_CODE) only when Chromium is not installed.
# Usage: render_in_chromium.sh PFSIM RESULTS.h5 OUT_DIR PYTHON
set -euo pipefail
pfsim=$1 results=$2 out=$3 python=$4
here=$(cd "${0%/*}" && pwd)

chromium_bin=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium_bin" ]; then
  echo "chromium is not installed (tools/setup.sh installs it): skipping"
  exit 77
fi

mkdir -p "$out"
html=$out/report.html
"$pfsim" report "$results" -o "$html" >/dev/null
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# No network, no sync, no first-run: the page must render from the file alone.
timeout 60 "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
  --enable-logging=stderr --v=0 --dump-dom "file://$(realpath "$html")" >"$out/report.dom.html" 2>"$out/chromium.log"

if grep -q ":CONSOLE" "$out/chromium.log"; then
  echo "the page logged to the console:"
  grep ":CONSOLE" "$out/chromium.log"
  exit 1
fi
"$python" "$here/check_dom.py" "$out/report.dom.html" "$results"
