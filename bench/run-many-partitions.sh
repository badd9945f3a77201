#!/usr/bin/env bash
# Memory with keyed traffic over many partitions (issue 8, item 5): Sluice's producer (incremental and full batch
# allocation) and Apache Kafka's producer, one after the other, against one testkit broker, comparing the bytes
# buffered with the buffer memory each pool holds in batches. A benchmark, not a test.
#
#   bench/run-many-partitions.sh [--partitions 1000] [--rates 2000,10000] [--lingers 5,50] [--rounds 2] [--seconds 10] ...
#
# Options: see bench/src/main/java/io/sluice/bench/memory/ManyPartitions.java.
# Output: bench/target/many-partitions/many-partitions.md and .csv
set -euo pipefail

SLUICE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../bin/lib/sluice-paths.sh
source "$SLUICE_ROOT/bin/lib/sluice-paths.sh"

bench_listing="$SLUICE_ROOT/bench/target/sluice-bench-path.txt"
if sluice_stale "$bench_listing" bench api core codecs transport-nio testkit; then
    sluice_log "building bench (mvn package -pl bench -am, no tests)..."
    rm -f "$bench_listing"
    sluice_mvn -DskipTests package dependency:build-classpath -pl bench -am \
        -Dmdep.outputFile=target/sluice-bench-path.txt -DincludeScope=runtime
fi

sluice_start_local_kafka
trap sluice_stop_local_kafka EXIT
cd "$SLUICE_ROOT"
java -Xmx1g -XX:+UseG1GC ${SLUICE_MEMORY_JAVA_OPTS:-} -cp "$SLUICE_ROOT/bench/target/classes:$(cat "$bench_listing")" \
    io.sluice.bench.memory.ManyPartitions --bootstrap-server "$SLUICE_KAFKA_BOOTSTRAP" "$@"
