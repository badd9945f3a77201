package io.sluice.testkit;

import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The nodes of one in-process cluster: where each listens and keeps data, and the order they start and stop in
 * (controller first and last; brokers in parallel, each on its own thread).
 *
 * <p>Thread-safe: the node map never changes after construction and each {@link InProcessNode} guards itself;
 * {@link KafkaCluster} serializes lifecycle calls.
 */
final class ClusterNodes implements AutoCloseable {

    private final InProcessNode controller; // null in a one-node cluster: the broker is the controller
    private final Map<Integer, InProcessNode> brokers; // by broker id, ascending

    private ClusterNodes(InProcessNode controller, Map<Integer, InProcessNode> brokers) {
        this.controller = controller;
        this.brokers = Collections.unmodifiableMap(brokers);
    }

    /**
     * Lays out the nodes of {@code spec} under {@code baseDir} on new ports and formats their directories.
     *
     * @param certificates the certificates of TLS listeners, or null when the cluster has none
     */
    static ClusterNodes create(ClusterSpec spec, Path baseDir, String clusterId, TestCertificates certificates) {
        List<ListenerSpec> listeners = spec.security().listeners();
        List<Integer> ports = FreePorts.pick(spec.brokers() * (1 + listeners.size()) + 1);
        int controllerPort = ports.get(spec.brokers());
        Map<Integer, NodeSpec> brokerSpecs = new TreeMap<>();
        for (int id = 1; id <= spec.brokers(); id++) {
            int brokerPort = spec.firstBrokerPort() > 0 ? spec.firstBrokerPort() + id - 1 : ports.get(id - 1);
            NodeRole role = spec.combined() ? NodeRole.COMBINED : NodeRole.BROKER;
            Map<String, Integer> listenerPorts = new TreeMap<>();
            for (int l = 0; l < listeners.size(); l++) {
                listenerPorts.put(listeners.get(l).name(), ports.get(spec.brokers() + 1 + (id - 1) * listeners.size() + l));
            }
            brokerSpecs.put(id, new NodeSpec(id, role, brokerPort, spec.combined() ? controllerPort : 0,
                    baseDir.resolve("broker-" + id), new TreeMap<>(listenerPorts)));
        }
        NodeSpec controllerSpec = spec.combined()
                ? brokerSpecs.get(1)
                : new NodeSpec(ClusterSpec.CONTROLLER_ID, NodeRole.CONTROLLER, 0, controllerPort,
                        baseDir.resolve("controller-" + ClusterSpec.CONTROLLER_ID));
        String voters = NodeConfigs.quorumVoters(controllerSpec);

        Map<Integer, InProcessNode> brokers = new TreeMap<>();
        brokerSpecs.forEach((id, node) -> brokers.put(id,
                new InProcessNode(node, NodeConfigs.of(spec, node, voters, certificates))));
        InProcessNode controller = spec.combined()
                ? null
                : new InProcessNode(controllerSpec, NodeConfigs.of(spec, controllerSpec, voters, certificates));
        if (controller != null) {
            StorageFormatter.formatIfNeeded(controllerSpec, clusterId);
        }
        brokerSpecs.values().forEach(node -> StorageFormatter.formatIfNeeded(node, clusterId));
        return new ClusterNodes(controller, brokers);
    }

    /** Starts the controller, then every broker in parallel; returns once all brokers are unfenced. */
    void startAll() {
        if (controller != null) {
            controller.start();
        }
        inParallel(brokers.values(), InProcessNode::start);
    }

    List<Integer> brokerIds() {
        return List.copyOf(brokers.keySet());
    }

    InProcessNode broker(int brokerId) {
        InProcessNode node = brokers.get(brokerId);
        if (node == null) {
            throw new IllegalArgumentException("Broker " + brokerId + " does not exist; the brokers are "
                    + brokers.keySet());
        }
        return node;
    }

    /** {@code host:port} of every broker, running or not, in broker id order. */
    String bootstrapServers() {
        return bootstrapServers(NodeConfigs.BROKER_LISTENER);
    }

    /** {@code host:port} of every broker's listener {@code listenerName}, in broker id order. */
    String bootstrapServers(String listenerName) {
        return brokers.values().stream().map(node -> node.spec().brokerAddress(listenerName))
                .collect(Collectors.joining(","));
    }

    /** Stops every broker in parallel, then the controller. */
    @Override
    public void close() {
        inParallel(brokers.values(), InProcessNode::stop);
        if (controller != null) {
            controller.stop();
        }
    }

    /** Whether {@code failure} (from {@link #startAll()}) was a port taken by another process. */
    static boolean isPortClash(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static void inParallel(Iterable<InProcessNode> nodes, Consumer<InProcessNode> action) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (InProcessNode node : nodes) {
            running.add(CompletableFuture.runAsync(() -> action.accept(node),
                    task -> new Thread(task, "sluice-testkit-node-" + node.spec().id()).start()));
        }
        RuntimeException failure = null;
        for (CompletableFuture<Void> future : running) {
            try {
                future.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException
                        ? (RuntimeException) e.getCause() : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
