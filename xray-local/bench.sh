#!/usr/bin/env bash
# Runs the xray-local benchmark (not part of ./mvnw verify) and prints Markdown tables.
#   xray-local/bench.sh                   memory, queries over 100,000 traces, UDP ingest, CPU per segment
#   xray-local/bench.sh ingest            one part only (memory | queries | ingest | cpu)
#   xray-local/bench.sh queries --traces=50000
#   xray-local/bench.sh cpu --baseline=main
#       CPU per ingested segment of the jar built from git revision `main` and of this tree's,
#       taking turns in the same run (more: --jar=PATH, --rate=2000 --warmup=20 --seconds=20 --rounds=2)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -f xray-local/pom.xml -DskipTests package
args=()
for arg in "$@"; do
  case "$arg" in
    --baseline=*)
      # the other revision's jar, built from a clean export of it (the work tree is left alone)
      rev="${arg#--baseline=}"
      dir="xray-local/target/baseline-$(git rev-parse --short "$rev")"
      if [[ ! -f "$dir/xray-local/target/xray-local.jar" ]]; then
        rm -rf "$dir" && mkdir -p "$dir"
        git archive "$rev" | tar -x -C "$dir"
        (cd "$dir" && ./mvnw -B -q -pl xray-local -am package -DskipTests >/dev/null)
      fi
      args+=("--jar=$dir/xray-local/target/xray-local.jar" "--jar=xray-local/target/xray-local.jar")
      ;;
    *) args+=("$arg") ;;
  esac
done
classpath=$(./mvnw -q -f xray-local/pom.xml dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx${BENCH_HEAP:-3g} -XX:+UseG1GC \
  -cp "xray-local/target/test-classes:xray-local/target/classes:${classpath}" \
  com.anycompany.shop.xraylocal.bench.Benchmark "${args[@]}"
