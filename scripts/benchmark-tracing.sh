#!/usr/bin/env bash
# What tracing costs the storefront: the whole local shop several times, side by side, untraced
# and traced in each variant: one shopper taking turns between the shops (latency), and each traced
# shop saturated at the same time as the untraced one (throughput ratio). Prints a
# table per JVM flag set and shopper count, then one summary row per variant and flag set.
#   scripts/benchmark-tracing.sh [rounds=3] [seconds per window=15] [shoppers=8, or a list: 1,8]
#       [--variants=all,default,no-daemon,control] [--jvm=launcher,container] [--warmup=seconds, default 10]
# variants: all = every request sampled (the local shop); default = the X-Ray default rule,
# 1 request/s + 5%; no-daemon = every request sampled, nothing listening on the daemon port;
# control = a second untraced shop (the noise floor: what two identical shops differ by).
# jvm: launcher = the launcher's flags (C1 only); container = the image's (docker/Dockerfile).
# The README's table: scripts/benchmark-tracing.sh 3 5 1,8 --variants=all,default --jvm=launcher,container --warmup=30
set -euo pipefail
cd "$(dirname "$0")/.."

echo "building (jars and the benchmark's classpath)..."
# forceCreation: otherwise a service whose own classes did not change keeps its old fat jar, and
# with it the old tracing module (the repackager leaves an already repackaged jar alone)
./mvnw -q -B -DskipTests -Dmaven.jar.forceCreation=true package
./mvnw -q -B -DskipTests -pl e2e -am install
./mvnw -q -B -pl e2e dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -cp "e2e/target/test-classes:$(cat e2e/target/benchmark.classpath)" \
  com.anycompany.shop.e2e.TracingOverheadBenchmark "$@"
