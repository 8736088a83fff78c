#!/usr/bin/env bash
# Search benchmark of project-service (issue "Project library, part 1"; a command, not a test):
# GET /api/projects with filters and with a name search (a typo in it), over PROJECTS projects,
# one request at a time, straight at the service. Goal: p95 ≤ 20 ms over 1,000,000 projects for a
# typical filtered, paged query and for a name search.
#
# Needs nothing running: it builds project-service (tests skipped), then bench/ProjectSearch.java
# starts an embedded PostgreSQL, an in-process Kafka broker, the test token issuer and the packaged
# service as its own JVM on a free port, loads the projects into its database, and measures.
# Results go by hand to docs/benchmarks.md and docs/benchmarks/history.md, with the load average
# printed here.
#
#   bench/project-search-benchmark.sh                          # PROJECTS=1000000 WARMUP=50 REQUESTS=300
#   PROJECTS=100000 REQUESTS=100 bench/project-search-benchmark.sh
#   QUERIES=1,2,5 WARMUP=200 bench/project-search-benchmark.sh   # some queries only, by their number (1-9)
# Every query selected is warmed WARMUP times, round robin, before the first one is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/find-jdk.sh
JAVA_HOME=$(pick_jdk)
export JAVA_HOME
PROJECTS=${PROJECTS:-1000000}
WARMUP=${WARMUP:-50}
REQUESTS=${REQUESTS:-300}

echo "Building project-service and the test support (tests skipped)…"
./mvnw -q -B -pl project-service -am -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
JAR=$(ls project-service/target/project-service-*.jar | grep -v original | head -n1)
CLASSPATH=$(cat project-service/target/bench-classpath.txt)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -Dzhaoshang.postgres.statement-statistics=true -cp "$CLASSPATH" bench/ProjectSearch.java "$JAR" "$PROJECTS" "$WARMUP" "$REQUESTS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
