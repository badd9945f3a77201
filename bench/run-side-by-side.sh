#!/usr/bin/env bash
# Side-by-side benchmark: Sluice's perf tool vs Apache Kafka's kafka-producer-perf-test (kafka-tools 4.4.0) vs
# librdkafka (kcat -P), on one testkit Kafka 4.4 broker in its own JVM, in interleaved rounds. Benchmarks are not
# tests: nothing in `mvn verify` runs this.
#
#   bench/run-side-by-side.sh [--records 3000000] [--rounds 3] [--scenarios acks1-lz4,...] [--contenders ...]
#                             [--protocols PLAINTEXT,SASL_SSL]
#
# --protocols PLAINTEXT,SASL_SSL runs every scenario over both listeners (SASL_SSL: SCRAM-SHA-512 over TLS, the
# broker's throw-away CA; both Java tools get the same client properties file; kcat stays on PLAINTEXT).
#
# The fixed-rate scenario (rate50k-lz4) passes --warmup-records to both Java tools (default: the first 5 s, e.g.
# 250,000 records at 50,000/s; --latency-warmup-records N, 0 for none; --throughput-warmup-records N does the same
# for the unthrottled scenarios, default none); the report then shows each tool's steady-state p50/p99 next to the
# whole-run ones, whose p99 is mostly the cold start's backlog (docs/perf/latency-50k.md).
#
# Options: see bench/src/main/java/io/sluice/bench/side/SideBySideOptions.java. Results:
# bench/target/side-by-side/side-by-side.md (tables for docs/PERFORMANCE.md) and side-by-side.csv, plus each
# run's stdout/stderr, /usr/bin/time and probe files. Needs /usr/bin/time; kcat is used when installed
# (apt-get install -y kcat).
set -euo pipefail

SLUICE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../bin/lib/sluice-paths.sh
source "$SLUICE_ROOT/bin/lib/sluice-paths.sh"

if [[ ! -x /usr/bin/time ]]; then
    sluice_log "/usr/bin/time is missing (Debian: apt-get install -y time); it measures each producer's CPU"
    exit 1
fi

module_path="$(sluice_examples_module_path)"
broker_class_path="$(sluice_testkit_class_path)"

official_listing="$SLUICE_ROOT/bench/official-perf/target/class-path.txt"
if [[ ! -s "$official_listing" || "$SLUICE_ROOT/bench/official-perf/pom.xml" -nt "$official_listing" ]]; then
    sluice_log "resolving kafka-tools 4.4.0 (Kafka's own perf tool)..."
    sluice_mvn -f bench/official-perf/pom.xml dependency:build-classpath -Dmdep.outputFile=target/class-path.txt
fi

bench_class_path="$(sluice_bench_class_path)"

probe_jar="$SLUICE_ROOT/bench/target/sluice-probe.jar"
if [[ ! -f "$probe_jar" || "$SLUICE_ROOT/bench/target/classes/io/sluice/bench/probe/ProcessProbe.class" -nt "$probe_jar" ]]; then
    manifest="$(mktemp)"
    echo "Premain-Class: io.sluice.bench.probe.ProcessProbe" >"$manifest"
    jar --create --file "$probe_jar" --manifest "$manifest" -C "$SLUICE_ROOT/bench/target/classes" io/sluice/bench/probe
    rm -f "$manifest"
fi

cd "$SLUICE_ROOT"
exec java -Xmx512m -cp "$bench_class_path" io.sluice.bench.side.SideBySide \
    --sluice-module-path "$module_path" \
    --official-class-path "$(cat "$official_listing")" \
    --broker-class-path "$broker_class_path" \
    --probe-jar "$probe_jar" \
    "$@"
