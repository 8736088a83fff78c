#!/usr/bin/env bash
# The console is built with the Node.js on the PATH (the build never downloads one). Vite 8 needs
# Node 20.19 or newer.
set -euo pipefail
required_major=20
required_minor=19
fix="Install Node.js 20.19 or newer (e.g. from https://nodejs.org or your distribution's NodeSource packages; Debian's own nodejs package is older) and put node and npm on the PATH, then build again."
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "ERROR: the console module needs Node.js >= ${required_major}.${required_minor} with npm on the PATH, and none was found. ${fix}" >&2
  exit 1
fi
version=$(node --version | sed 's/^v//')
major=${version%%.*}
rest=${version#*.}
minor=${rest%%.*}
if (( major < required_major || (major == required_major && minor < required_minor) )); then
  echo "ERROR: the console module needs Node.js >= ${required_major}.${required_minor}; $(command -v node) is ${version}. ${fix}" >&2
  exit 1
fi
echo "console: building with Node.js ${version} ($(command -v node)), npm $(npm --version)"
