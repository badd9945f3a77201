#!/usr/bin/env bash
# A JFR profile of Sluice's producer hot path: the perf tool under -XX:StartFlightRecording (the JDK's profile
# settings with execution samples every 2 ms and 5000 weighted allocation samples/s) against a testkit broker it
# starts itself, then a
# summary of hot methods and allocation sites (io.sluice.bench.profile.JfrSummary; JDK 17's jfr tool has no
# `view hot-methods`).
#
#   bench/run-profile.sh [perf tool options...]
#
# Default workload: 10,000,000 records of 100 bytes, unthrottled, acks=1, linger.ms=5, batch.size=65536, lz4.
# Output: bench/target/profile/sluice.jfr and sluice-profile.txt (execution samples of the first 3 s of start-up and
# JIT are skipped; allocation is per record over the whole run).
set -euo pipefail

SLUICE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../bin/lib/sluice-paths.sh
source "$SLUICE_ROOT/bin/lib/sluice-paths.sh"

out="$SLUICE_ROOT/bench/target/profile"
for arg in "$@"; do
    if [[ "$arg" == --bootstrap-server* || "$arg" == bootstrap.servers=* ]]; then
        sluice_log "run-profile.sh starts its own broker; leave out $arg"
        exit 1
    fi
done
mkdir -p "$out"
topic="profile-$RANDOM"
if (($# == 0)); then
    set -- --topic "$topic" --num-records 10000000 --record-size 100 --throughput -1 \
        --command-property acks=1 enable.idempotence=false linger.ms=5 batch.size=65536 compression.type=lz4
fi

bench_class_path="$(sluice_bench_class_path)"

# JDK's profile settings with denser sampling: execution samples every 2 ms (not 10), 5000 allocation samples/s (not 300)
awk '/<event name="jdk.ExecutionSample">/ {e=1} /<event name="jdk.ObjectAllocationSample">/ {a=1} /<\/event>/ {e=0; a=0}
     e && /method-sampling-java-interval/ {sub(/>10 ms</, ">2 ms<")}
     a && /allocation-profiling/ {sub(/>300\/s</, ">5000/s<")} {print}' \
    "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" >"$out/hot-path.jfc"
grep -q '>2 ms<' "$out/hot-path.jfc" && grep -q '>5000/s<' "$out/hot-path.jfc" \
    || { sluice_log "could not derive hot-path.jfc from the JDK's profile.jfc"; exit 1; }

# One broker for both runs: a first, unprofiled run of 1,000 records creates the topic (6 partitions), so the
# profile shows steady sending rather than topic creation.
sluice_start_local_kafka --property num.partitions=6
trap sluice_stop_local_kafka EXIT
warm=()
prev=""
for arg in "$@"; do
    if [[ "$prev" == "--num-records" ]]; then warm+=(1000); else warm+=("$arg"); fi
    prev="$arg"
done
"$SLUICE_ROOT/bin/sluice-producer-perf-test" "${warm[@]}" --bootstrap-server "$SLUICE_KAFKA_BOOTSTRAP" >/dev/null 2>&1 || true
status=0
SLUICE_PERF_JAVA_OPTS="${SLUICE_PERF_JAVA_OPTS:-} -XX:StartFlightRecording=filename=$out/sluice.jfr,settings=$out/hot-path.jfc,dumponexit=true" \
    "$SLUICE_ROOT/bin/sluice-producer-perf-test" "$@" --bootstrap-server "$SLUICE_KAFKA_BOOTSTRAP" \
    | tee "$out/perf-tool.out" || status=$?
((status == 0)) || sluice_log "the perf tool exited with $status (some records failed); the profile is still summarised"

java -cp "$bench_class_path" io.sluice.bench.profile.JfrSummary "$out/sluice.jfr" --skip-seconds 3 --top 15 --records "$(sluice_option_value --num-records 0 "$@")" \
    | tee "$out/sluice-profile.txt"
sluice_log "wrote $out/sluice.jfr and $out/sluice-profile.txt"
