#!/usr/bin/env bash
# The three tracers side by side, the X-Ray SDK, the OpenTelemetry Java agent and Spring
# Boot's own OpenTelemetry support (and an untraced shop as the baseline): start time, the
# services' CPU seconds to start, their resident memory at rest and after load, throughput
# and latency under the same closed-loop load in rotating windows. Four whole shops run at
# once: figures from a busy machine are noisy, read the ratios of one run. Prints a table
# and the machine's load average.
#   scripts/compare-tracers.sh [rounds=3] [seconds per window=10] [concurrent shoppers=4]
set -euo pipefail
cd "$(dirname "$0")/.."

echo "building (jars, the agent and the benchmark's classpath)..."
./mvnw -q -B -DskipTests package
# one reactor build: the modules resolve to their own target/ (nothing installed into the
# shared local repository)
./mvnw -q -B -DskipTests -pl e2e -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -cp "e2e/target/test-classes:$(cat e2e/target/benchmark.classpath)" \
  com.anycompany.shop.e2e.TracerComparisonBenchmark "$@"
