#!/usr/bin/env bash
# The web console's cockpit, measured (issue "Web console, part 1", performance; a command, not a
# test). Needs the platform running with its demo data (./run-local in another terminal) and
# Debian's chromium. Prints, for gg-officer's cockpit of 贵港:
#   - the visit after sign-in as a Lighthouse user flow (bench/console/cockpit-flow.mjs): performance
#     score, LCP, the initial JavaScript and all the JavaScript the cockpit loads;
#   - the cockpit request through the gateway and straight at reporting-service, p50/p95/p99
#     (bench/console/cockpit-requests.mjs).
# Results go by hand to docs/benchmarks/history.md, with the machine and its load average, and the
# current figures to docs/benchmarks.md.
#
#   bench/console-benchmark.sh              RUNS=5 visits, ROUNDS=10 × PER_ROUND=50 requests per path
set -euo pipefail
cd "$(dirname "$0")/console"
if [[ ! -d node_modules/lighthouse ]]; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
node cockpit-flow.mjs
node cockpit-requests.mjs
