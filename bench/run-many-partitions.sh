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

bench_class_path="$(sluice_bench_class_path)"

sluice_start_local_kafka
trap sluice_stop_local_kafka EXIT
cd "$SLUICE_ROOT"
java -Xmx1g -XX:+UseG1GC ${SLUICE_MEMORY_JAVA_OPTS:-} -cp "$bench_class_path" \
    io.sluice.bench.memory.ManyPartitions --bootstrap-server "$SLUICE_KAFKA_BOOTSTRAP" "$@"
