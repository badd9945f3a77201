#!/usr/bin/env bash
# An all-thread CPU profile of one producer perf run with Linux perf: unlike JFR, which samples only threads
# running Java code, `perf record -e cpu-clock` sees every thread of the process in every kind of code (the JIT
# compiler threads, native lz4/zstd, the JVM, the kernel, vDSO clock reads). The JVM writes its perf map at exit
# (-XX:+DumpPerfMapAtExit, so perf names JIT-compiled methods) and a compilation log (-XX:+LogCompilation), from
# which io.sluice.bench.profile.CpuProfile charges the C2 compiler thread's CPU to each compiled method.
#
#   bench/run-cpu-profile.sh [--producer sluice|official] [--no-compile-log] [perf tool options...]
#
# --producer official profiles Kafka's kafka-producer-perf-test (kafka-tools 4.4.0) instead of Sluice's tool; both
# get the side-by-side's JVM options (io.sluice.bench.side.Commands.JAVA_TOOL_OPTIONS) plus the diagnostic ones.
# Default workload: 6,000,000 records of 100 bytes, unthrottled, acks=1, linger.ms=5, batch.size=65536, lz4,
# enable.idempotence left to the tool's default. Perf tool options, when given, replace the whole default list
# (name --topic and --num-records); the script starts its own testkit broker (6 partitions), and a first,
# unprofiled run of 1,000 records creates the topic the profiled run then uses.
#
# Needs perf (Debian: apt-get install -y linux-perf) and the right to use it: root, or kernel.perf_event_paranoid
# at most 1. Output in bench/target/cpu-profile/: <producer>.perf.data, <producer>.perf-script.txt (perf script
# -F comm,tid,time,ip,sym,dso), <producer>-jit.xml (the compilation log), <producer>-perf-tool.out (the perf tool's
# output) and <producer>-cpu-profile.txt (the summary). perf script reads JIT symbols from /tmp/perf-<pid>.map;
# once it has, the map moves to <producer>.perf.map beside the other files (so /tmp does not collect them).
# Logging compilations costs CPU of its own (the compiler threads print the XML: on a 6M-record lz4 run of Sluice's
# tool the C1 thread spends 0.15-0.3 s more; elsewhere it is lost in the run-to-run spread of about 10%);
# --no-compile-log leaves it out, and with it the split of C2's CPU by compiled method.
set -euo pipefail

SLUICE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../bin/lib/sluice-paths.sh
source "$SLUICE_ROOT/bin/lib/sluice-paths.sh"

HZ=1999
# io.sluice.bench.side.Commands.JAVA_TOOL_OPTIONS (CommandsTest checks that this line still matches it)
SIDE_BY_SIDE_JVM_OPTIONS=(-Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true)

producer=sluice
compile_log=true
tool_args=()
while (($# > 0)); do
    case "$1" in
        --producer) producer="${2:-}"; shift 2 || { sluice_log "--producer needs a value: sluice or official"; exit 1; } ;;
        --producer=*) producer="${1#*=}"; shift ;;
        --no-compile-log) compile_log=false; shift ;;
        --bootstrap-server* | bootstrap.servers=*)
            sluice_log "run-cpu-profile.sh starts its own broker; leave out $1"
            exit 1 ;;
        *) tool_args+=("$1"); shift ;;
    esac
done
if [[ "$producer" != sluice && "$producer" != official ]]; then
    sluice_log "--producer is '$producer'; give sluice (Sluice's perf tool) or official (kafka-producer-perf-test)"
    exit 1
fi
if ((${#tool_args[@]} == 0)); then
    tool_args=(--topic "cpu-profile-$RANDOM" --num-records 6000000 --record-size 100 --throughput -1
        --command-property acks=1 linger.ms=5 batch.size=65536 compression.type=lz4)
fi

if ! command -v perf >/dev/null 2>&1; then
    sluice_log "perf is missing: install it (Debian: apt-get install -y linux-perf; Ubuntu: linux-tools-\$(uname -r))"
    exit 1
fi
probe="$(mktemp)"
if ! perf record -e cpu-clock -F "$HZ" -o "$probe" -- true >"$probe.log" 2>&1; then
    sluice_log "perf record -e cpu-clock is not permitted here (kernel.perf_event_paranoid=$(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo '?')):" \
        "run this script as root, or lower it with 'sudo sysctl kernel.perf_event_paranoid=1'. perf said:"
    tail -5 "$probe.log" >&2
    rm -f "$probe" "$probe.log"
paranoid="$(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo 0)"
if (($(id -u) != 0 && paranoid > 1)); then
    sluice_log "kernel.perf_event_paranoid=$paranoid lets perf see user-space code only: the profile will have no" \
        "kernel time (run as root, or 'sudo sysctl kernel.perf_event_paranoid=1')"
fi
    exit 1
fi
rm -f "$probe" "$probe.log"

bench_class_path="$(sluice_bench_class_path)"
if [[ "$producer" == sluice ]]; then
    main=(--module-path "$(sluice_examples_module_path)" --add-modules HdrHistogram
        --module io.sluice.examples/io.sluice.examples.ProducerPerformance)
else
    official_listing="$SLUICE_ROOT/bench/official-perf/target/class-path.txt"
    if [[ ! -s "$official_listing" || "$SLUICE_ROOT/bench/official-perf/pom.xml" -nt "$official_listing" ]]; then
        sluice_log "resolving kafka-tools 4.4.0 (Kafka's own perf tool)..."
        sluice_mvn -f bench/official-perf/pom.xml dependency:build-classpath -Dmdep.outputFile=target/class-path.txt
    fi
    main=(-cp "$(cat "$official_listing")" org.apache.kafka.tools.ProducerPerformance)
fi

out="$SLUICE_ROOT/bench/target/cpu-profile"
mkdir -p "$out"
data="$out/$producer.perf.data"
jit="$out/$producer-jit.xml"
script_txt="$out/$producer.perf-script.txt"
rm -f "$data" "$jit"

sluice_start_local_kafka --property num.partitions=6
trap sluice_stop_local_kafka EXIT
warm=()
prev=""
for arg in "${tool_args[@]}"; do
    if [[ "$prev" == "--num-records" ]]; then warm+=(1000); else warm+=("$arg"); fi
    prev="$arg"
done
java "${SIDE_BY_SIDE_JVM_OPTIONS[@]}" "${main[@]}" "${warm[@]}" --bootstrap-server "$SLUICE_KAFKA_BOOTSTRAP" >/dev/null 2>&1 \
    || sluice_log "the warm-up run failed; profiling anyway"

diagnostic=(-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit)
if [[ "$compile_log" == true ]]; then
    diagnostic+=(-XX:+LogCompilation -XX:LogFile="$jit")
else
    jit=-
fi
maps_before="$(ls /tmp/perf-*.map 2>/dev/null || true)"
status=0
perf record -e cpu-clock -F "$HZ" -o "$data" -- \
    java "${SIDE_BY_SIDE_JVM_OPTIONS[@]}" "${diagnostic[@]}" "${main[@]}" "${tool_args[@]}" \
    --bootstrap-server "$SLUICE_KAFKA_BOOTSTRAP" 2>&1 | tee "$out/$producer-perf-tool.out" || status=$?
((status == 0)) || sluice_log "the profiled run exited with $status (some records failed?); summarising anyway"
sluice_stop_local_kafka

perf script -i "$data" -F comm,tid,time,ip,sym,dso >"$script_txt" 2>"$out/$producer.perf-script.err"
for map in /tmp/perf-*.map; do # the profiled JVM's map: the one that was not there before the run
    [[ -e "$map" ]] && ! grep -qxF "$map" <<<"$maps_before" && mv "$map" "$out/$producer.perf.map"
done
java -cp "$bench_class_path" io.sluice.bench.profile.CpuProfile "$script_txt" "$jit" \
    --hz "$HZ" --records "$(sluice_option_value --num-records 0 "${tool_args[@]}")" | tee "$out/$producer-cpu-profile.txt"
sluice_log "wrote $out/$producer-cpu-profile.txt (and $producer.perf.data, $producer.perf-script.txt$([[ "$jit" == - ]] || echo ", $producer-jit.xml"))"
