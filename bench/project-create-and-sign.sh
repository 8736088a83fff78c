#!/usr/bin/env bash
# Create-and-sign benchmark of project-service (issue 5, acceptance 8; not a test): a fixed rate of
# registrations of SIGNED projects (amount, signing date, agreement) for a fixed time; prints the
# achieved rate, p50/p90/p99/max latency and the errors. Goal: p99 ≤ 50 ms with 0 errors at 100/s for 60 s.
#
# Needs nothing running: it builds project-service (tests skipped), then bench/ProjectCreateAndSign.java
# starts an embedded PostgreSQL, an in-process Kafka broker and the test token issuer, and the
# packaged service as its own JVM on a free port (none of the launcher's ports). Everything runs on
# this machine, the load generator included. Exit status 1 when any request failed.
#
#   bench/project-create-and-sign.sh                    # RATE=100 DURATION=60 WARMUP=60
#   RATE=200 DURATION=30 bench/project-create-and-sign.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/find-jdk.sh
JAVA_HOME=$(pick_jdk)
export JAVA_HOME
RATE=${RATE:-100}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-60}

echo "Building project-service and the test support (tests skipped)…"
./mvnw -q -B -pl project-service -am -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
JAR=$(ls project-service/target/project-service-*.jar | grep -v original | head -n1)
CLASSPATH=$(cat project-service/target/bench-classpath.txt)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -Dzhaoshang.postgres.statement-statistics=true -cp "$CLASSPATH" bench/ProjectCreateAndSign.java "$JAR" "$RATE" "$DURATION" "$WARMUP"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
