#!/usr/bin/env bash
# Measures the local stack as a user runs it: time from `./shop up` to all ready, the CPU each
# process spent starting, and resident memory per process and in total, at rest and under
# `./shop load`. Prints a Markdown table (the one in launcher/README.md).
#
#   scripts/measure-local-stack.sh [--cold] [--users N] [--duration D] [--rest S]
#
#   --cold        measure a clean copy of this working tree (no target/, no node_modules/, no .shop/)
#                 in a temporary folder: the start then includes npm ci and the Maven build.
#                 The local Maven repository (~/.m2) is used as it is.
#   --users N     simulated shoppers for the load phase (default 5)
#   --duration D  length of the load phase (default 60s)
#   --rest S      seconds to let the shop settle before the at-rest sample (default 15)
#
# Environment: SHOP_TRACING_ENABLED=false measures the shop without tracing; SHOP_JVM_OPTS as for ./shop.
# Uses the default ports (8080-8085, 2000, 8000): they must be free.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cold=false
users=5
duration=60s
rest=15
while (($#)); do
  case "$1" in
    --cold) cold=true ;;
    --users) users="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --rest) rest="$2"; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

project="$here"
if $cold; then
  project="$(mktemp -d /tmp/shop-cold.XXXXXX)"
  echo "Cold: copying the working tree to $project (without build output)"
  tar -C "$here" --exclude=./.git --exclude='*/target' --exclude=./.shop --exclude='*/node_modules' -cf - . \
    | tar -C "$project" -xf -
fi

out="$(mktemp /tmp/shop-measure.XXXXXX)"
launcher_pid=""
cleanup() {
  if [[ -n "$launcher_pid" ]] && kill -0 "$launcher_pid" 2>/dev/null; then
    kill -TERM "$launcher_pid" 2>/dev/null || true
    wait "$launcher_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# user+system CPU seconds a process has used so far
cpu_seconds() {
  local tick
  tick="$(getconf CLK_TCK)"
  awk -v t="$tick" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "/proc/$1/stat" 2>/dev/null || echo 0
}
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# Build the launcher first (./shop would, but that is not the stack's start time) unless cold.
if ! $cold && [[ ! -f "$project/launcher/target/launcher-exec.jar" ]]; then
  (cd "$project" && ./mvnw -B -ntp -q -DskipTests -pl launcher -am package)
fi

echo "Starting ./shop up in $project (tracing ${SHOP_TRACING_ENABLED:-true}) ..."
start_ns="$(date +%s%N)"
(cd "$project" && exec ./shop up) >"$out" 2>&1 &
launcher_pid=$!
until grep -q "AnyCompany Shop is running" "$out"; do
  if ! kill -0 "$launcher_pid" 2>/dev/null; then
    cat "$out" >&2
    echo "./shop up ended before the shop was ready" >&2
    exit 1
  fi
  sleep 0.2
done
ready_ns="$(date +%s%N)"
load_at_ready="$(cut -d" " -f1-3 /proc/loadavg)"
startup_s="$(awk -v a="$start_ns" -v b="$ready_ns" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
build_line="$(grep -c '] build ' "$out" || true)"
cds_line="$(grep -o 'recording class-data archives of [0-9]* modules' "$out" || true)"

# the processes, from the state file the launcher writes when ready
state="$project/.shop/state.properties"
launcher_java="$(awk -F= '/^launcher.pid=/ {print $2}' "$state")"
mapfile -t rows < <(cd "$project" && ./shop status | awk '$3 ~ /^[0-9]+$/ && NF == 5 {print $1, $3}')
declare -A pid_of cpu_at_ready rss_rest rss_load
names=(launcher)
pid_of[launcher]="$launcher_java"
for row in "${rows[@]}"; do
  name="${row%% *}"
  names+=("$name")
  pid_of[$name]="${row##* }"
done
for name in "${names[@]}"; do
  cpu_at_ready[$name]="$(cpu_seconds "${pid_of[$name]}")"
done

echo "Ready after ${startup_s}s; settling ${rest}s ..."
sleep "$rest"
for name in "${names[@]}"; do rss_rest[$name]="$(rss_kib "${pid_of[$name]}")"; rss_load[$name]=0; done

echo "Load: $users users for $duration ..."
loadgen_out="$(mktemp /tmp/shop-load.XXXXXX)"
(cd "$project" && ./shop load --users "$users" --duration "$duration" --progress-interval 0) >"$loadgen_out" 2>&1 &
load_pid=$!
loadgen_rss=0
while kill -0 "$load_pid" 2>/dev/null; do
  for name in "${names[@]}"; do
    now="$(rss_kib "${pid_of[$name]}")"
    ((now > rss_load[$name])) && rss_load[$name]=$now
  done
  for pid in $(pgrep -f 'loadgen/target/loadgen.jar' || true); do
    now="$(rss_kib "$pid")"
    ((now > loadgen_rss)) && loadgen_rss=$now
  done
  sleep 2
done
wait "$load_pid" || true

echo "Stopping (SIGTERM, as Ctrl-C) ..."
stop_start="$(date +%s%N)"
kill -TERM "$launcher_pid"
wait "$launcher_pid" || true
stop_s="$(awk -v a="$stop_start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
left=0
for name in "${names[@]}"; do
  if kill -0 "${pid_of[$name]}" 2>/dev/null; then echo "LEFT RUNNING: $name (${pid_of[$name]})" >&2; left=$((left + 1)); fi
done
launcher_pid=""

echo
echo "## Local stack: $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -n1), tracing ${SHOP_TRACING_ENABLED:-true}"
echo
# phases, on the launcher's own clock (it starts once ./shop has built the launcher, if it had to)
at() { { grep -E "$1" "$out" || true; } | tail -n1 | sed -E 's/^\[ *([0-9.]+)s\].*/\1/'; }
all_ready="$(at '] all [0-9]+ processes ready')"
build_done="$(at '] build ')"
cds_done="$(at '] cds ')"
phases="./shop script and launcher JVM $(awk -v w="$startup_s" -v r="$all_ready" 'BEGIN { printf "%.1f", w - r }') s"
[[ -n "$build_done" ]] && phases="$phases; npm ci and Maven build done at ${build_done} s"
[[ -n "$cds_done" ]] && phases="$phases; ${cds_line#recording } recorded by ${cds_done} s"
last="${cds_done:-${build_done:-0}}"
phases="$phases; then the processes started in **$(awk -v a="$last" -v b="$all_ready" 'BEGIN { printf "%.1f", b - a }') s**"
if $cold; then
  echo "- cold start (clean copy: launcher build, npm ci, Maven build of $build_line modules, start): **${startup_s} s** to all ready"
elif [[ -n "$cds_line" ]]; then
  echo "- first start after a build: **${startup_s} s** to all ready"
else
  echo "- warm start (built, CDS archives present): **${startup_s} s** from \`./shop up\` to all ready"
fi
echo "- phases: $phases"
echo "- load average (1, 5, 15 min) when ready: $load_at_ready (other builds on the machine)"
echo "- stop (SIGTERM, as Ctrl-C): ${stop_s} s, processes left running: $left"
echo "- load: $users users for $duration: $(grep -E '^[0-9]+ users, ' "$loadgen_out" || echo 'no report')"
echo
echo "| process | CPU to ready (s) | RSS at rest (MiB) | RSS under load, max (MiB) |"
echo "| --- | ---: | ---: | ---: |"
total_rest=0
total_load=0
total_cpu=0
for name in "${names[@]}"; do
  echo "| $name | ${cpu_at_ready[$name]} | $(mib "${rss_rest[$name]}") | $(mib "${rss_load[$name]}") |"
  total_rest=$((total_rest + rss_rest[$name]))
  total_load=$((total_load + rss_load[$name]))
  total_cpu="$(awk -v a="$total_cpu" -v b="${cpu_at_ready[$name]}" 'BEGIN { printf "%.1f", a + b }')"
done
echo "| **total** | **$total_cpu** | **$(mib "$total_rest")** | **$(mib "$total_load")** |"
echo "| loadgen (not part of the shop) | | | $(mib "$loadgen_rss") |"
echo
echo "Load report:"
echo '```'
sed -n '/^[0-9]* users, /,$p' "$loadgen_out"
echo '```'
rm -f "$out" "$loadgen_out"
if $cold; then rm -rf "$project"; fi
