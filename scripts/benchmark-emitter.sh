#!/usr/bin/env bash
# Whether the queued emitter earns its lines: one traced request (a segment with five subsegments,
# after about 100 µs of the request's own work) sent by the SDK's UDPEmitter on the request thread,
# by QueuedEmitter (the same UDPEmitter on a sender thread), and by an emitter that sends nothing.
# JMH (tracing's EmitterBenchmark) gives the request thread's time per request; the PROCESS-CPU
# lines give the whole process's CPU per request (sender thread included), summarized here as the
# median of the measured iterations. Runs with the launcher's JVM flags (C1 only, serial GC) and
# with the JVM's defaults (as in the container image).
#   scripts/benchmark-emitter.sh [extra JMH options, e.g. -f 1 -wi 3 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."

echo "building tracing's test classes and classpath..."
# in one reactor, so test-support comes from its own target/ (nothing is installed); tracing is
# built last, so the classpath file ends up as tracing's
./mvnw -q -B -pl tracing -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/tracing/target/test.classpath"
classpath="tracing/target/test-classes:tracing/target/classes:$(cat tracing/target/test.classpath)"

for flags in "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ""; do
  printf '\n== java %s\n' "${flags:-(defaults)}"
  log=$(mktemp)
  # shellcheck disable=SC2086
  java -cp "$classpath" org.openjdk.jmh.Main EmitterBenchmark -jvmArgsAppend "-Xmx256m $flags" "$@" \
    | tee "$log" | grep -E '^(Benchmark|EmitterBenchmark)'
  # measured iterations only: their lines start with "Iteration", the warm-ups' with "# Warmup"
  grep '^Iteration .*PROCESS-CPU' "$log" \
    | sed -E 's/.*emitter=([a-z]+) ns_per_request=([0-9]+) dropped=([0-9]+).*/\1 \2 \3/' \
    | sort -k1,1 -k2,2n \
    | awk '{ cpu[$1] = cpu[$1] " " $2; n[$1]++; if ($3 > drop[$1]) drop[$1] = $3 }
           END { for (k in cpu) { split(cpu[k], v, " ")
                 printf "process CPU per request, %-6s: %d ns (median of %d iterations), dropped %d\n",
                        k, v[int((n[k] + 1) / 2)], n[k], drop[k] } }'
  rm -f "$log"
done
