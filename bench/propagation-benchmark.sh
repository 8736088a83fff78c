#!/usr/bin/env bash
# Propagation benchmark (issue 6, acceptance 8, second bullet; a command, not a test): from a
# project's commit through the shared outbox to reporting's read model, at 200 events/s, beside
# Kafka's own send → poll on the same broker. One JVM holds the outbox relay, reporting's listener,
# the load and the observer; the broker runs in a JVM of its own, as in a deployment
# (-Dplatform.kafka.own-jvm=true; PropagationBenchmark's javadoc says what each leg measures).
#
# Before the legs the whole path runs for 90 s, so that they measure a warm JVM
# (-Dbenchmark.jvm-warm-up=0 leaves that out; the warm-up's own figures are reported as leg 0).
#
# The test JVM runs the Serial collector: the one every service runs in the deployment (1 CPU and
# 768 Mi per pod, where the JVM's own choice is Serial; the local launcher sets it explicitly). The
# test JVM's default, G1 on this 2-core machine, added its concurrent threads and 12–36 ms pauses
# every 1.5 s to every leg (docs/benchmarks/history.md, propagation, 2026-11-23 05:20–05:35). The report's
# first line names the collector the run used.
#
#   bench/propagation-benchmark.sh                                # about 4 minutes
#   bench/propagation-benchmark.sh -Dbenchmark.legs=4 -Dbenchmark.warm-up=20 -Dbenchmark.run=40
# Report: reporting-service/target/benchmarks/propagation.txt
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

./mvnw -B -o -q -pl reporting-service -am verify -Dit.test=PropagationBenchmark -Dbenchmark=true \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dplatform.kafka.own-jvm=true "-DargLine=-XX:+UseSerialGC" "$@"
cat reporting-service/target/benchmarks/propagation.txt
