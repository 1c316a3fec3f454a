#!/usr/bin/env bash
# What tracing one DynamoDB call costs the calling thread: the X-Ray SDK's TracingInterceptor
# against tracing's AwsSdkTracingInterceptor, side by side in one JVM, for a sampled and an
# unsampled GetItem, with the launcher's flags (C1 only, serial GC) and the JVM's defaults (as in
# the container image). Prints CPU ns and allocated bytes per call and the ratio.
#   scripts/benchmark-aws-interceptor.sh [warm-up seconds=5] [rounds=7] [ms per round=500]
set -euo pipefail
cd "$(dirname "$0")/.."

echo "building tracing and its test classpath..."
./mvnw -q -B -DskipTests -pl tracing -am install
./mvnw -q -B -pl tracing test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test.classpath
classpath="tracing/target/test-classes:tracing/target/classes:$(cat tracing/target/test.classpath)"

for flags in "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ""; do
  printf '\n== java %s\n' "${flags:-(defaults)}"
  # shellcheck disable=SC2086
  java $flags -Xmx256m -cp "$classpath" com.anycompany.shop.tracing.AwsSdkInterceptorBenchmark "$@"
done
