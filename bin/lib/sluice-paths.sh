# Sourced by Sluice's launch scripts: builds what is missing in this checkout and prints the paths to run
# it with. Never runs `mvn install`: modules come from their target/ directories.
#
#   sluice_examples_module_path   module path of io.sluice.examples (Sluice's jars, codecs, transport,
#                                 slf4j-simple, HdrHistogram), rebuilt when a source or pom is newer
#   sluice_testkit_class_path     class path of the testkit (a real Kafka 4.4 broker: io.sluice.testkit.LocalKafka)
#   sluice_start_local_kafka      starts LocalKafka as a child process; sets SLUICE_KAFKA_BOOTSTRAP
#
# Maven runs offline first (-o) and online only if that fails. Set SLUICE_MVN to use another mvn.
# SLUICE_MODULE_PATH and SLUICE_TESTKIT_CLASS_PATH, when set, are used as they are and nothing is built
# (tests set them to the reactor's own jars).

SLUICE_ROOT="${SLUICE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
SLUICE_MVN="${SLUICE_MVN:-mvn}"

sluice_log() {
    echo "[sluice] $*" >&2
}

# Runs Maven in the checkout, offline first.
sluice_mvn() {
    local log
    log="$(mktemp)"
    if (cd "$SLUICE_ROOT" && "$SLUICE_MVN" -B -q -o "$@") >"$log" 2>&1; then
        rm -f "$log"
        return 0
    fi
    sluice_log "offline build failed, retrying online (mvn $*)"
    if (cd "$SLUICE_ROOT" && "$SLUICE_MVN" -B -q "$@") >"$log" 2>&1; then
        rm -f "$log"
        return 0
    fi
    cat "$log" >&2
    rm -f "$log"
    sluice_log "the build failed: run 'mvn -B $*' in $SLUICE_ROOT to see why"
    return 1
}

# True if $1 is missing or any source/pom under the given module folders is newer than it.
sluice_stale() {
    local marker="$1"
    shift
    [[ -f "$marker" ]] || return 0
    [[ "$SLUICE_ROOT/pom.xml" -nt "$marker" ]] && return 0
    local dir
    for dir in "$@"; do
        [[ -d "$SLUICE_ROOT/$dir" ]] || continue
        if [[ -n "$(find "$SLUICE_ROOT/$dir" -path '*/target' -prune -o \( -path '*/src/main/*' -o -name pom.xml \) \
                -type f -newer "$marker" -print -quit)" ]]; then
            return 0
        fi
    done
    return 1
}

sluice_examples_module_path() {
    if [[ -n "${SLUICE_MODULE_PATH:-}" ]]; then
        echo "$SLUICE_MODULE_PATH"
        return 0
    fi
    local listing="$SLUICE_ROOT/examples/target/sluice-runtime-path.txt"
    if sluice_stale "$listing" api core codecs partitioners transport-nio examples; then
        sluice_log "building Sluice's modules (mvn package -pl examples -am, no tests)..."
        rm -f "$listing"
        sluice_mvn -DskipTests package dependency:build-classpath -pl examples -am \
            -Dmdep.outputFile=target/sluice-runtime-path.txt -DincludeScope=runtime || return 1
    fi
    local jar
    jar="$(ls "$SLUICE_ROOT"/examples/target/sluice-examples-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc' | head -1)"
    if [[ -z "$jar" || ! -s "$listing" ]]; then
        sluice_log "examples/target has no jar or class path listing after the build"
        return 1
    fi
    echo "$jar:$(cat "$listing")"
}

sluice_testkit_class_path() {
    if [[ -n "${SLUICE_TESTKIT_CLASS_PATH:-}" ]]; then
        echo "$SLUICE_TESTKIT_CLASS_PATH"
        return 0
    fi
    local listing="$SLUICE_ROOT/testkit/target/sluice-class-path.txt"
    if sluice_stale "$listing" testkit; then
        sluice_log "building the testkit (a real Kafka 4.4 broker; first time downloads ~70 MB)..."
        rm -f "$listing"
        sluice_mvn -DskipTests package dependency:build-classpath -pl testkit \
            -Dmdep.outputFile=target/sluice-class-path.txt -DincludeScope=runtime || return 1
    fi
    echo "$SLUICE_ROOT/testkit/target/classes:$(cat "$listing")"
}

# The bench module's run-time class path (its classes and dependencies), rebuilt when bench or a module it
# depends on changed. The bench scripts use this one listing.
sluice_bench_class_path() {
    local listing="$SLUICE_ROOT/bench/target/sluice-bench-path.txt"
    if sluice_stale "$listing" bench api core codecs partitioners transport-nio testkit; then
        sluice_log "building bench (mvn package -pl bench -am, no tests)..."
        rm -f "$listing"
        sluice_mvn -DskipTests package dependency:build-classpath -pl bench -am \
            -Dmdep.outputFile=target/sluice-bench-path.txt -DincludeScope=runtime || return 1
    fi
    echo "$SLUICE_ROOT/bench/target/classes:$(cat "$listing")"
}

# The value that follows option $1 among the remaining arguments, or $2's default when it is absent:
#   sluice_option_value --num-records 0 "$@"
sluice_option_value() {
    local option="$1" fallback="$2" prev="" arg
    shift 2
    for arg in "$@"; do
        [[ "$prev" == "$option" ]] && { echo "$arg"; return; }
        prev="$arg"
    done
    echo "$fallback"
}

# A TCP port on 127.0.0.1 that nothing answers on (good enough for a local broker).
sluice_free_port() {
    local port tries=0
    while ((tries++ < 50)); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

# Starts io.sluice.testkit.LocalKafka in its own JVM with its standard input a pipe from this shell: when the
# shell exits (or calls sluice_stop_local_kafka), the pipe closes and the broker stops. Extra arguments go to
# LocalKafka (e.g. --property num.partitions=6). Sets SLUICE_KAFKA_BOOTSTRAP, SLUICE_KAFKA_PID, SLUICE_KAFKA_LOG.
sluice_start_local_kafka() {
    local cp port line
    cp="$(sluice_testkit_class_path)" || return 1
    port="${SLUICE_KAFKA_PORT:-$(sluice_free_port)}"
    SLUICE_KAFKA_LOG="$(mktemp -t sluice-local-kafka.XXXXXX.log)"
    coproc SLUICE_KAFKA { exec java ${SLUICE_KAFKA_JAVA_OPTS:--Xmx1g} -cp "$cp" io.sluice.testkit.LocalKafka \
        --port "$port" "$@" 2>>"$SLUICE_KAFKA_LOG"; }
    # bash sets SLUICE_KAFKA_PID and the pipe fds SLUICE_KAFKA[0] (its stdout) and SLUICE_KAFKA[1] (its stdin)
    while IFS= read -r -t 180 line <&"${SLUICE_KAFKA[0]}"; do
        if [[ "$line" == *" ready at "* ]]; then
            SLUICE_KAFKA_BOOTSTRAP="${line##* ready at }"
            sluice_log "$line (pid $SLUICE_KAFKA_PID, log $SLUICE_KAFKA_LOG); it stops when this run ends"
            return 0
        fi
    done
    sluice_log "the local Kafka broker did not start; its log ($SLUICE_KAFKA_LOG) ends with:"
    tail -20 "$SLUICE_KAFKA_LOG" >&2
    return 1
}

# Closes the broker's standard input and waits for it to stop.
sluice_stop_local_kafka() {
    if [[ -n "${SLUICE_KAFKA_PID:-}" ]]; then
        local pid="$SLUICE_KAFKA_PID" fd="${SLUICE_KAFKA[1]:-}"
        if [[ -n "$fd" ]]; then
            eval "exec ${fd}>&-"
        fi
        wait "$pid" 2>/dev/null || true
        SLUICE_KAFKA_PID=""
    fi
}
