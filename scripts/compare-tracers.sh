#!/usr/bin/env bash
# The X-Ray SDK and the OpenTelemetry Java agent side by side (and an untraced shop as the
# baseline): start time, the services' CPU seconds to start, their resident memory at rest
# and after load, throughput and latency under the same closed-loop load in rotating
# windows. Three whole shops run at once: figures from a busy machine are noisy, read the
# ratios of one run. Prints a table.
#   scripts/compare-tracers.sh [rounds=3] [seconds per window=10] [concurrent shoppers=4]
set -euo pipefail
cd "$(dirname "$0")/.."

echo "building (jars, the agent and the benchmark's classpath)..."
./mvnw -q -B -DskipTests package
./mvnw -q -B -DskipTests -pl e2e -am install
./mvnw -q -B -pl e2e dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -cp "e2e/target/test-classes:$(cat e2e/target/benchmark.classpath)" \
  com.anycompany.shop.e2e.TracerComparisonBenchmark "$@"
