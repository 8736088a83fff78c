#!/usr/bin/env bash
# Region-wide report benchmark (issue 6, acceptance 8, first bullet; a command, not a test).
# Starts an embedded PostgreSQL of its own, loads PROJECTS projects and FUNDS fund records with
# generate_series into source-shaped tables and into reporting-service's read model, checks that
# both give the same figures, then times the region-wide report from the read model (UnitReports)
# against the same figures by ad-hoc GROUP BY over the source-shaped tables, in the same run.
# Prints p50/p95 and the ratio. Results go by hand to docs/benchmarks/history.md, with the machine,
# and the current figure to docs/benchmarks.md.
#
#   bench/reporting-benchmark.sh                      # 1,000,000 projects, 5,000,000 fund records
#   PROJECTS=100000 FUNDS=500000 bench/reporting-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

PROJECTS=${PROJECTS:-1000000}
FUNDS=${FUNDS:-5000000}
ITERATIONS=${ITERATIONS:-200}
AD_HOC_ITERATIONS=${AD_HOC_ITERATIONS:-10}

# in one reactor run, so that the platform modules resolve to their fresh target/classes, never to
# whatever jar ~/.m2 may hold
./mvnw -B -o -q -pl reporting-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
CP="reporting-service/target/test-classes:reporting-service/target/classes:$(cat reporting-service/target/bench-classpath.txt)"
"$JAVA_HOME/bin/java" -cp "$CP" cn.gov.zhaoshang.reporting.bench.RegionReportBenchmark \
  "$PROJECTS" "$FUNDS" "$ITERATIONS" "$AD_HOC_ITERATIONS"
