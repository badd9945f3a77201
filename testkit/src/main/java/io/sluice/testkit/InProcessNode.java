package io.sluice.testkit;

import java.util.Map;
import java.util.Objects;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * One Kafka node (broker, controller or both) running in this JVM as a {@link KafkaRaftServer} on a formatted
 * directory.
 *
 * <p>Thread-safe: its lifecycle methods are guarded by the node's own monitor. A {@code KafkaRaftServer} cannot
 * start again once shut down, so {@link #start()} after {@link #stop()} builds a new one on the same directory
 * and ports: a restarted broker keeps its data, as after a process restart.
 */
final class InProcessNode {

    private final NodeSpec spec;
    private final Map<String, String> config;

    // guarded by this
    private KafkaRaftServer server;

    InProcessNode(NodeSpec spec, Map<String, String> config) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.config = Map.copyOf(config);
    }

    NodeSpec spec() {
        return spec;
    }

    /**
     * Starts the node. For a broker this returns once the controller has registered and unfenced it; for a
     * controller-only node as soon as its quorum listener is up.
     *
     * @throws IllegalStateException if the node runs already, or Kafka refuses to start (the cause says why)
     */
    synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("Kafka node " + spec.id() + " is running already; stop it first");
        }
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(starting);
            throw new IllegalStateException(FatalFaultGuard.withFault("Kafka node " + spec.id() + " ("
                    + spec.role().processRoles() + " in " + spec.directory() + ") failed to start: " + e), e);
        }
        server = starting;
    }

    /**
     * Stops the node without a controlled shutdown (the testkit turns it off): leaders on this broker are not
     * handed over; the controller fences the broker once its session times out, as after a crash. Does nothing
     * when the node is stopped.
     */
    synchronized void stop() {
        if (server != null) {
            KafkaRaftServer stopping = server;
            server = null;
            stopping.shutdown();
            stopping.awaitShutdown();
        }
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException ignored) {
            // the start failure is the error worth reporting
        }
    }
}
