package io.sluice.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Describes a {@link ForkedKafka} and starts it. Obtain one with {@link ForkedKafka#builder(KafkaDistribution)}.
 *
 * <p>Not thread-safe: one thread configures it, then calls {@link #start()}.
 */
public final class ForkedKafkaBuilder {

    private final KafkaDistribution distribution;
    private final Map<String, String> properties = new TreeMap<>();
    private int port;
    private Path dataDirectory;
    private List<String> jvmOptions = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
    private String logLevel = "INFO";
    private Duration startTimeout = Duration.ofSeconds(90);

    ForkedKafkaBuilder(KafkaDistribution distribution) {
        this.distribution = Objects.requireNonNull(distribution, "distribution");
    }

    /** The port of the broker's PLAINTEXT listener on 127.0.0.1. Default: a free port picked at start. */
    public ForkedKafkaBuilder port(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port(" + port + ") is not a TCP port");
        }
        this.port = port;
        return this;
    }

    /**
     * Keeps the broker's files (data, configs, {@code broker.log}) in {@code directory}, kept on close. Default: a
     * temporary directory deleted on close.
     */
    public ForkedKafkaBuilder dataDirectory(Path directory) {
        this.dataDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * Sets a Kafka server config in the generated {@code server.properties}, over the testkit's defaults (those of
     * {@link KafkaClusterBuilder}, plus {@code broker.session.timeout.ms=3000} and
     * {@code broker.heartbeat.interval.ms=500}, which let a restart take about 6 s instead of 13).
     */
    public ForkedKafkaBuilder property(String key, String value) {
        properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Options of the child JVM. Default {@code -Xmx512m -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true}. */
    public ForkedKafkaBuilder jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /** Level of Kafka's loggers in {@code broker.log}. Default {@code INFO}: the file is there to diagnose. */
    public ForkedKafkaBuilder logLevel(String level) {
        this.logLevel = Objects.requireNonNull(level, "level");
        return this;
    }

    /** How long {@link #start()} and {@link ForkedKafka#restart()} wait for the broker. Default 90 s. */
    public ForkedKafkaBuilder startTimeout(Duration timeout) {
        this.startTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Formats the storage with the release's own storage tool in a child JVM, starts {@code kafka.Kafka} in
     * another, and returns once the broker answers an Admin client.
     *
     * @throws IllegalStateException if the broker exits or does not answer within the start timeout; the message
     *     holds the end of its log
     */
    public ForkedKafka start() {
        return ForkedKafka.start(new ForkedKafka.Settings(distribution, Map.copyOf(properties), port, dataDirectory,
                jvmOptions, logLevel, startTimeout));
    }
}
