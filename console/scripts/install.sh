#!/usr/bin/env bash
# `npm ci` from the committed lock file, skipped when node_modules was installed from this very lock
# file already (a stamp with its digest), so that a second build does not reinstall.
set -euo pipefail
cd "$(dirname "$0")/.."
digest=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.installed-from-lock
if [[ -f "$stamp" && "$(cat "$stamp")" == "$digest" ]]; then
  echo "console: node_modules is current with package-lock.json"
  exit 0
fi
# browsers are never downloaded: the browser tests drive the system's chromium
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
echo "$digest" > "$stamp"
