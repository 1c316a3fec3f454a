#!/usr/bin/env bash
# Where tracing spends its CPU: an untraced and a fully sampled local shop under the same
# load at once, every JVM sampled by async-profiler (Java and kernel frames); prints the CPU
# per request of each process in both shops and the top frames of tracing work.
#   scripts/profile-tracing.sh [scenario: home | product | order-flow (default product)]
#       [seconds=20] [shoppers per shop=4] [traced shop: all (every request sampled) or default (the default rule)]
# Linux only; async-profiler comes from Maven Central (tools.profiler:async-profiler).
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(./mvnw -q -B help:evaluate -Dexpression=async-profiler.version -DforceStdout)
echo "building (jars, the profile's classpath, async-profiler ${version})..."
./mvnw -q -B -DskipTests -Dmaven.jar.forceCreation=true package
./mvnw -q -B -DskipTests -pl e2e -am install
./mvnw -q -B -pl e2e dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
./mvnw -q -B -pl e2e dependency:unpack \
  -Dartifact="tools.profiler:async-profiler:${version}:jar:linux-x64" \
  -DoutputDirectory=target/async-profiler -Dmdep.overWriteIfNewer=true
exec java -DasyncProfiler=e2e/target/async-profiler/linux-x64/libasyncProfiler.so \
  -cp "e2e/target/test-classes:$(cat e2e/target/benchmark.classpath)" \
  com.anycompany.shop.e2e.TracingProfile "$@"
