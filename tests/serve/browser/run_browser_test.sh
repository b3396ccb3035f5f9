#!/usr/bin/env bash
# Runs serve_browser_test.mjs, first installing puppeteer-core from the committed package-lock.json when it is missing
# (npm ci; the browser itself is Debian's /usr/bin/chromium, never downloaded).
# usage: run_browser_test.sh PFSIM MINIMAL_YAML SCREENSHOT.png
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -d "$here/node_modules/puppeteer-core" ]; then
  (cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi
exec /usr/bin/node "$here/serve_browser_test.mjs" "$@"
