#!/usr/bin/env bash
# Whether an asynchronous emitter would earn its lines: one traced request (a segment with five
# subsegments, after some CPU work of the request's own) sent by the SDK's UDPEmitter on the
# request thread (what the services use), by the same UDPEmitter behind a bounded queue and a
# sender thread, and by an emitter that sends nothing.
# JMH (tracing's EmitterBenchmark) gives the request's wall time; its PROCESS-CPU lines give the CPU
# per request of the whole process (sender thread included) and of the request thread alone,
# summarized here as medians of the measured iterations. Runs with the launcher's JVM flags (C1 only, serial GC) and
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
  # measured iterations only: their lines start with "Iteration", the warm-ups' with "# Warmup";
  # medians of the process's and of the request thread's CPU per request
  grep '^Iteration .*PROCESS-CPU' "$log" \
    | sed -E 's/.*emitter=([a-z]+) ns_per_request=([0-9]+) request_thread_ns=([0-9]+) dropped=([0-9]+).*/\1 \2 \3 \4/' \
    | awk '{ print $1, $2 > "/dev/stderr" ; print $1, $3 }' 2>"$log.process" >"$log.thread" || true
  for kind in process thread; do
    sort -k1,1 -k2,2n "$log.$kind" \
      | awk -v kind="$kind" '{ v[$1] = v[$1] " " $2; n[$1]++ }
             END { for (k in v) { split(v[k], s, " ")
                   printf "CPU per request, %-7s, %-6s: %6d ns (median of %d iterations)\n",
                          kind, k, s[int((n[k] + 1) / 2)], n[k] } }' | sort
  done
  grep -o 'dropped=[0-9]*' "$log" | sort -t= -k2,2n | tail -1 | sed 's/^/most segments dropped in one run: /;s/=/ /'
  rm -f "$log.process" "$log.thread"
  rm -f "$log"
done
