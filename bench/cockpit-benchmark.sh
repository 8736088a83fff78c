#!/usr/bin/env bash
# Cockpit benchmark (a command, not a test): GET /api/reports/units/{code}/cockpit?period=2022-10-YTD
# through the service's real HTTP endpoint, straight at the service (no gateway), one request at a
# time, for the region 450000, the city 450800 and the county 450881, cold (each request after a
# committed write to a read model, so the answer is computed) and warm (the same request again, so
# the answer comes from the cockpit cache). Prints p50/p95/p99/max, the cache's hits and misses and
# PostgreSQL's statements and transactions per request (pg_stat_statements, pg_stat_database).
#
# Needs nothing running: it builds reporting-service (tests skipped), then CockpitBenchmark
# (reporting-service test sources) loads the read model with the region report benchmark's loader
# (PROJECTS projects, FUNDS fund records; the org tree of the reference file plus 8 synthetic parks
# under each city without counties), adds targets, a definition version ranking by METHOD, resident
# teams, ENGAGEMENTS engagements and project warnings, and starts an embedded PostgreSQL (with
# pg_stat_statements), an in-process Kafka broker, the test token issuer and the packaged service as
# its own JVM (-Xmx512m, Serial GC) on a free port. Everything runs on this machine. Results go by
# hand to docs/benchmarks/history.md ("Cockpit"), with the machine and the load average printed
# here, and the current figure to docs/benchmarks.md. The
# answers of the three cockpits and their rankings and warnings are written to
# reporting-service/target/benchmarks/cockpit-answers/, to compare runs of different code (diff).
#
#   bench/cockpit-benchmark.sh        # 1,000,000 projects, 5,000,000 fund records, 50,000 engagements,
#                                     # 200 warm-up rounds, 500 cold and 500 warm requests per unit, WEIGHTED_SCORE
#   PROJECTS=100000 FUNDS=500000 REQUESTS=200 METHOD=COMPLETION_RATE bench/cockpit-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

PROJECTS=${PROJECTS:-1000000}
FUNDS=${FUNDS:-5000000}
ENGAGEMENTS=${ENGAGEMENTS:-50000}
WARMUP=${WARMUP:-200}
REQUESTS=${REQUESTS:-500}
METHOD=${METHOD:-WEIGHTED_SCORE}

echo "Building reporting-service and its test classes (tests skipped)…"
# in one reactor run, so that the platform modules resolve to their fresh target/classes, never to
# whatever jar ~/.m2 may hold
./mvnw -B -o -q -pl reporting-service -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
JAR=$(ls reporting-service/target/reporting-service-*.jar | grep -v original | head -n1)
CP="reporting-service/target/test-classes:reporting-service/target/classes:$(cat reporting-service/target/bench-classpath.txt)"
echo "code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- reporting-service || echo ' (with uncommitted changes)')"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -Dzhaoshang.postgres.statement-statistics=true -cp "$CP" \
  cn.gov.zhaoshang.reporting.bench.CockpitBenchmark "$JAR" "$PROJECTS" "$FUNDS" "$ENGAGEMENTS" "$WARMUP" "$REQUESTS" "$METHOD"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
