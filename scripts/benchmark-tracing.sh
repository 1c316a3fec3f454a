#!/usr/bin/env bash
# What tracing costs the storefront: the whole local shop twice, side by side, traced and
# untraced, under the same closed-loop load in alternating windows. Prints a table.
#   scripts/benchmark-tracing.sh [rounds=3] [seconds per window=15] [concurrent shoppers=8]
set -euo pipefail
cd "$(dirname "$0")/.."

echo "building (jars and the benchmark's classpath)..."
./mvnw -q -B -DskipTests package
./mvnw -q -B -DskipTests -pl e2e -am install
./mvnw -q -B -pl e2e dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -cp "e2e/target/test-classes:$(cat e2e/target/benchmark.classpath)" \
  com.anycompany.shop.e2e.TracingOverheadBenchmark "$@"
