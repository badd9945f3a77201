#!/usr/bin/env bash
# Bytes each producer allocates per record beyond the user's objects (issue 8's "<= 8 bytes per record" target):
# one reused ProducerRecord and one shared callback, sent again and again, all of the JVM's threads counted.
# Sluice's producer with a callback (send returns a future), Sluice's producer with a DeliveryListener (no future,
# no RecordMetadata: send(record, tag, listener)) and kafka-clients 4.4.0 take turns (--rounds), each run in its own JVM with the perf tools'
# JVM options, against one testkit broker. A benchmark, not a test.
#
#   bench/run-allocation.sh [--rounds 3] [--records 2000000] [--warmup 1000000] [--compression lz4]
#
# Output: bench/target/allocation/allocation.txt (one line per run).
set -euo pipefail

SLUICE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../bin/lib/sluice-paths.sh
source "$SLUICE_ROOT/bin/lib/sluice-paths.sh"

rounds=3
pass=()
while (($#)); do
    if [[ "$1" == "--rounds" ]]; then rounds="$2"; shift 2; else pass+=("$1"); shift; fi
done

bench_class_path="$(sluice_bench_class_path)"

out="$SLUICE_ROOT/bench/target/allocation"
mkdir -p "$out"
: >"$out/allocation.txt"
sluice_start_local_kafka --property num.partitions=6
trap sluice_stop_local_kafka EXIT
cp="$bench_class_path"
for ((round = 1; round <= rounds; round++)); do
    order=(sluice sluice-listener official)
    ((round % 2 == 0)) && order=(official sluice-listener sluice)
    for producer in "${order[@]}"; do
        java -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -cp "$cp" io.sluice.bench.alloc.AllocationPerRecord \
            --bootstrap-server "$SLUICE_KAFKA_BOOTSTRAP" --topic "alloc-$producer-$round" --producer "$producer" \
            ${pass[@]+"${pass[@]}"} 2>/dev/null | grep "bytes allocated per record" | sed "s/^/round $round: /" \
            | tee -a "$out/allocation.txt"
    done
done
sluice_log "wrote $out/allocation.txt"
