#!/usr/bin/env bash
# What tracing costs a request thread at the two places it hooks in, the X-Ray SDK's piece against
# tracing's own, side by side in one JVM, with the launcher's flags (C1 only, serial GC) and the
# JVM's defaults (as in the container image). Prints CPU ns and allocated bytes per call and the
# ratio of the two pieces' own share.
#   request-filter:  AWSXRayServletFilter + the SDK's thread context against RequestSegmentFilter +
#                    ThreadSegmentContext, for sampled, caller-sampled, caller-unsampled and
#                    rule-unsampled requests
#   aws-interceptor: TracingInterceptor against AwsSdkTracingInterceptor, one GetItem, sampled and not
#   scripts/benchmark-tracing-hooks.sh [request-filter|aws-interceptor|both (default)]
#       [warm-up seconds=5] [rounds=7] [ms per round=500]
set -euo pipefail
cd "$(dirname "$0")/.."

which=both
case "${1:-}" in
  request-filter|aws-interceptor|both) which=$1; shift ;;
esac
classes=()
[[ $which != aws-interceptor ]] && classes+=(RequestFilterBenchmark)
[[ $which != request-filter ]] && classes+=(AwsSdkInterceptorBenchmark)

echo "building tracing and its test classpath..."
./mvnw -q -B -DskipTests -pl tracing -am install
./mvnw -q -B -pl tracing test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test.classpath
classpath="tracing/target/test-classes:tracing/target/classes:$(cat tracing/target/test.classpath)"

for class in "${classes[@]}"; do
  for flags in "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ""; do
    printf '\n== %s, java %s\n' "$class" "${flags:-(defaults)}"
    # shellcheck disable=SC2086
    java $flags -Xmx256m -cp "$classpath" "com.anycompany.shop.tracing.$class" "$@"
  done
done
