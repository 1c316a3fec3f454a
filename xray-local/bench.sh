#!/usr/bin/env bash
# Runs the xray-local benchmark (not part of ./mvnw verify) and prints Markdown tables.
#   xray-local/bench.sh                   memory, queries over 100,000 traces, UDP ingest
#   xray-local/bench.sh ingest            one part only (memory | queries | ingest)
#   xray-local/bench.sh queries --traces=50000
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -f xray-local/pom.xml -DskipTests test-compile
classpath=$(./mvnw -q -f xray-local/pom.xml dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx${BENCH_HEAP:-3g} -XX:+UseG1GC \
  -cp "xray-local/target/test-classes:xray-local/target/classes:${classpath}" \
  com.anycompany.shop.xraylocal.bench.Benchmark "$@"
