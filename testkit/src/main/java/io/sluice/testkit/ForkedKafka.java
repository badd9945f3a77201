package io.sluice.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A one-node Kafka cluster (combined broker+controller, KRaft) in a child JVM: {@code kafka.Kafka} with a
 * generated {@code server.properties}, from any Kafka release's jars ({@link KafkaDistribution}), e.g. Kafka 3.9
 * beside this JVM's 4.4. Listens on 127.0.0.1 only.
 *
 * <pre>{@code
 * try (ForkedKafka kafka = ForkedKafka.builder(KafkaDistribution.kafka39()).start()) {
 *     // produce to kafka.bootstrapServers() ...
 *     kafka.kill();      // SIGKILL: a real crash
 *     kafka.restart();   // same port, same data; log recovery included
 * }
 * }</pre>
 *
 * <p>The child also ends when this JVM does, even by SIGKILL (see {@link ForkedMain}). Its output goes to
 * {@link #logFile()}.
 *
 * <p>Thread-safe: lifecycle methods are serialized by this object's monitor.
 */
public final class ForkedKafka implements AutoCloseable {

    /** The start-up settings, as the builder collected them. */
    record Settings(KafkaDistribution distribution, Map<String, String> properties, int port, Path dataDirectory,
                    List<String> jvmOptions, String logLevel, Duration startTimeout) {
    }

    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final String BROKER_MAIN = "kafka.Kafka";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /**
     * A restarted node's controller keeps the broker's previous registration alive for one session timeout and
     * refuses the new one until then: 9 s by default, so a restart took 13 s. With 3 s it takes about 6 s.
     */
    private static final Map<String, String> FAST_RESTART = Map.of(
            "broker.session.timeout.ms", "3000",
            "broker.heartbeat.interval.ms", "500");

    private final Settings settings;
    private final ForkedLayout layout;
    private final int port;
    private final boolean deleteOnClose;
    private final Thread killOnExit = new Thread(this::killQuietly, "sluice-forked-kafka-reaper");

    // written with this locked; volatile so that the shutdown hook reads it without the lock (a hook that waited for
    // a lock held by a thread stuck in restart() would hang the JVM's exit)
    private volatile Process process;
    // guarded by this
    private boolean closed;

    private ForkedKafka(Settings settings, ForkedLayout layout, int port, boolean deleteOnClose) {
        this.settings = settings;
        this.layout = layout;
        this.port = port;
        this.deleteOnClose = deleteOnClose;
    }

    /** A builder for a forked broker of {@code distribution}'s Kafka release. */
    public static ForkedKafkaBuilder builder(KafkaDistribution distribution) {
        return new ForkedKafkaBuilder(distribution);
    }

    static ForkedKafka start(Settings settings) {
        Path base = settings.dataDirectory() != null ? settings.dataDirectory() : Directories.createTemp("sluice-forked-");
        List<Integer> ports = FreePorts.pick(2);
        int brokerPort = settings.port() > 0 ? settings.port() : ports.get(0);
        ForkedLayout layout = ForkedLayout.in(base);
        layout.write(serverConfig(settings, layout, brokerPort, ports.get(1)), settings.logLevel());
        ForkedKafka kafka = new ForkedKafka(settings, layout, brokerPort, settings.dataDirectory() == null);
        try {
            kafka.formatIfNeeded();
            kafka.launch();
            Runtime.getRuntime().addShutdownHook(kafka.killOnExit);
            return kafka;
        } catch (RuntimeException e) {
            kafka.killQuietly();
            if (kafka.deleteOnClose) {
                Directories.deleteRecursively(base);
            }
            throw e;
        }
    }

    /** {@code 127.0.0.1:port} of the broker, for a client's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The Kafka release running, e.g. {@code 3.9.2}. */
    public String version() {
        return settings.distribution().version();
    }

    /** The child JVM's output (Kafka's log), appended to across restarts. */
    public Path logFile() {
        return layout.logFile();
    }

    /** The process id of the running broker JVM. */
    public synchronized long pid() {
        return running().pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the broker JVM with SIGKILL (no shutdown hook, no flush) and waits until it is gone. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit(process, STOP_TIMEOUT);
        }
    }

    /** Stops the broker with SIGTERM (Kafka's clean shutdown) and waits until it is gone; SIGKILL after 60 s. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitForExit(process, STOP_TIMEOUT)) {
                process.destroyForcibly();
                waitForExit(process, STOP_TIMEOUT);
            }
        }
    }

    /**
     * Starts the broker again on the same port and data (stopping it first if it runs) and waits until it answers.
     * After {@link #kill()} this includes Kafka's log recovery.
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("This ForkedKafka is closed; start a new one");
        }
        stop();
        launch();
    }

    /** Kills the broker and deletes its files, unless they live in a kept data directory (then: a clean stop). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (deleteOnClose) {
            kill();
            Directories.deleteRecursively(layout.base());
        } else {
            stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs anyway and finds the broker gone
        }
    }

    @Override
    public String toString() {
        return "ForkedKafka[" + version() + " at " + bootstrapServers() + ", files in " + layout.base() + "]";
    }

    private static Map<String, String> serverConfig(Settings settings, ForkedLayout layout, int brokerPort,
                                                    int controllerPort) {
        Map<String, String> properties = new TreeMap<>(FAST_RESTART);
        properties.putAll(settings.properties());
        ClusterSpec spec = new ClusterSpec(1, new TreeMap<>(properties), new TreeMap<>(), brokerPort,
                Optional.of(layout.base()), true);
        NodeSpec node = new NodeSpec(1, NodeRole.COMBINED, brokerPort, controllerPort, layout.data());
        return NodeConfigs.of(spec, node, NodeConfigs.quorumVoters(node));
    }

    private void formatIfNeeded() {
        if (!layout.formatted()) {
            ChildJvm.run(settings.distribution().classPathWithTestkit(), jvmOptions(), STORAGE_TOOL,
                    List.of("format", "-t", Uuid.randomUuid().toString(), "-c", layout.serverProperties().toString()),
                    layout.logFile(), settings.startTimeout());
        }
    }

    // called with this locked, or before the object is published
    private void launch() {
        process = ChildJvm.start(settings.distribution().classPathWithTestkit(), jvmOptions(), BROKER_MAIN,
                List.of(layout.serverProperties().toString()), layout.logFile());
        awaitAnswer(process);
    }

    /** The user's JVM options plus the logging configs: Log4j 2 for Kafka 4.x, Log4j 1 (reload4j) for 3.x. */
    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(settings.jvmOptions());
        options.add("-Dlog4j2.configurationFile=" + layout.log4j2Config().toUri());
        options.add("-Dlog4j.configuration=" + layout.log4jConfig().toUri());
        return options;
    }

    private void awaitAnswer(Process starting) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "sluice-forked-kafka-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
            Await.untilTrue(settings.startTimeout(), "Kafka " + version() + " to answer at " + bootstrapServers(), () -> {
                if (!starting.isAlive()) {
                    throw new Await.GiveUp("Kafka " + version() + " exited with status "
                            + starting.exitValue() + " while starting; end of " + layout.logFile() + ":\n"
                            + ChildJvm.tail(layout.logFile(), 30));
                }
                int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
                return nodes > 0 ? Optional.empty() : Optional.of("no broker registered");
            });
        } catch (IllegalStateException e) {
            if (starting.isAlive()) {
                starting.destroyForcibly();
                throw new IllegalStateException(e.getMessage() + "; end of " + layout.logFile() + ":\n"
                        + ChildJvm.tail(layout.logFile(), 30), e);
            }
            throw e;
        }
    }

    private Process running() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("The forked Kafka at " + bootstrapServers() + " is not running");
        }
        return process;
    }

    private void killQuietly() {
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
        }
    }

    private static boolean waitForExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a forked Kafka to exit", e);
        }
    }
}
