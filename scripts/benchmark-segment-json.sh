#!/usr/bin/env bash
# What turning a segment into its datagram costs: the X-Ray SDK's serialize().getBytes(UTF_8)
# against tracing's SegmentDocumentWriter, side by side in one JVM, with the launcher's flags
# (C1 only, serial GC) and with the JVM's defaults (full tiered JIT, as in the container image).
# Prints ns and allocated bytes per document and their ratio.
#   scripts/benchmark-segment-json.sh [warm-up seconds=5] [rounds=7] [ms per round=500]
set -euo pipefail
cd "$(dirname "$0")/.."

echo "building tracing and its test classpath..."
./mvnw -q -B -DskipTests -pl tracing -am install
./mvnw -q -B -pl tracing test-compile
./mvnw -q -B -pl tracing dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/segment-json.classpath
classpath="tracing/target/test-classes:tracing/target/classes:$(cat tracing/target/segment-json.classpath)"

for flags in "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" "-XX:+UseSerialGC" ""; do
  echo
  echo "== java ${flags:-(defaults)}"
  # shellcheck disable=SC2086
  java $flags -Xmx256m -cp "$classpath" com.anycompany.shop.tracing.SegmentDocumentBenchmark "$@"
done
