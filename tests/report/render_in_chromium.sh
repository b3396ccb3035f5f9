#!/usr/bin/env bash
# Renders `pfsim report` of RESULTS in headless Chromium and checks the DOM it built (check_dom.py), that the page
# logged nothing to the console, and that its layout fits: every chart's text inside its viewBox and every table
# inside the page, on screen (a 1200 px window) and as printed on A4 (the print stylesheet at A4 portrait's 186 mm
# printable width, 703 px). Exits 77 (ctest SKIP_RETURN_CODE) only when Chromium is not installed.
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
"$pfsim" report "$results" -o "$html" --force >/dev/null
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# No network, no sync, no first-run: the page must render from the file alone.
render() {  # render FILE WIDTH DOM_OUT LOG_OUT
  timeout 60 "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --hide-scrollbars --window-size="$2,2000" --enable-logging=stderr --v=0 --dump-dom "file://$(realpath "$1")" >"$3" 2>"$4"
}
render "$html" 1200 "$out/report.dom.html" "$out/chromium.log"
if grep -q ":CONSOLE" "$out/chromium.log"; then
  echo "the page logged to the console:"
  grep ":CONSOLE" "$out/chromium.log"
  exit 1
fi

# The layout checks run on copies with layout_check.js added (the report itself has no script).
"$python" - "$html" "$here/layout_check.js" "$out" <<'PY'
import sys
page, script, out = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read(), sys.argv[3]
tagged = page.replace("</body>", f"<script>{script}</script>\n</body>")
open(f"{out}/layout_screen.html", "w", encoding="utf-8").write(tagged)
open(f"{out}/layout_print.html", "w", encoding="utf-8").write(tagged.replace("@media print", "@media all"))
PY
render "$out/layout_screen.html" 1200 "$out/layout_screen.dom.html" "$out/layout_screen.log"
render "$out/layout_print.html" 703 "$out/layout_print.dom.html" "$out/layout_print.log"
"$python" "$here/check_dom.py" "$out/report.dom.html" "$results" "$out/layout_screen.dom.html" "$out/layout_print.dom.html"
