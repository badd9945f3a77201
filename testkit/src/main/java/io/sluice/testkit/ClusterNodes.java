package io.sluice.testkit;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.sluice.testkit.fault.FaultProxy;

/**
 * The nodes of one in-process cluster: where each listens and keeps data, and the order they start and stop in
 * (controller first and last; brokers in parallel, each on its own thread); and, if the cluster has them, the
 * brokers' fault proxies, which start before and close after the nodes.
 *
 * <p>Thread-safe: the node and proxy maps never change after construction, each {@link InProcessNode} guards
 * itself and each proxy is thread-safe; {@link KafkaCluster} serializes lifecycle calls.
 */
final class ClusterNodes implements AutoCloseable {

    private final InProcessNode controller; // null in a one-node cluster: the broker is the controller
    private final Map<Integer, InProcessNode> brokers; // by broker id, ascending
    private final Map<Integer, FaultProxy> proxies; // by broker id, ascending; empty without fault proxies

    private ClusterNodes(InProcessNode controller, Map<Integer, InProcessNode> brokers,
                         Map<Integer, FaultProxy> proxies) {
        this.controller = controller;
        this.brokers = Collections.unmodifiableMap(brokers);
        this.proxies = Collections.unmodifiableMap(proxies);
    }

    /**
     * Lays out the nodes of {@code spec} under {@code baseDir} on new ports, starts their fault proxies if the spec
     * asks for them, and formats their directories.
     *
     * @param certificates the certificates of TLS listeners, or null when the cluster has none
     */
    static ClusterNodes create(ClusterSpec spec, Path baseDir, String clusterId, TestCertificates certificates) {
        Map<Integer, FaultProxy> proxies = new TreeMap<>();
        try {
            return create(spec, baseDir, clusterId, certificates, proxies);
        } catch (RuntimeException e) {
            proxies.values().forEach(FaultProxy::close);
            throw e;
        }
    }

    private static ClusterNodes create(ClusterSpec spec, Path baseDir, String clusterId,
                                       TestCertificates certificates, Map<Integer, FaultProxy> proxies) {
        // brokers' PLAINTEXT listeners, the controller, (with proxies) the brokers' INTERNAL listeners, then the
        // brokers' secured listeners
        List<ListenerSpec> secured = spec.security().listeners();
        int plainPorts = spec.brokers() * (spec.faultProxies() ? 2 : 1) + 1;
        List<Integer> ports = FreePorts.pick(plainPorts + spec.brokers() * secured.size());
        int controllerPort = ports.get(spec.brokers());
        Map<Integer, NodeSpec> brokerSpecs = new TreeMap<>();
        for (int id = 1; id <= spec.brokers(); id++) {
            NodeRole role = spec.combined() ? NodeRole.COMBINED : NodeRole.BROKER;
            int nodeControllerPort = spec.combined() ? controllerPort : 0;
            Path directory = baseDir.resolve("broker-" + id);
            int clientPort = spec.firstBrokerPort() > 0 ? spec.firstBrokerPort() + id - 1 : 0;
            if (spec.faultProxies()) {
                int brokerPort = ports.get(id - 1);
                FaultProxy proxy = FaultProxy.start("broker-" + id, clientPort,
                        new InetSocketAddress("127.0.0.1", brokerPort));
                proxies.put(id, proxy);
                brokerSpecs.put(id, new NodeSpec(id, role, brokerPort, nodeControllerPort, directory, proxy.port(),
                        ports.get(spec.brokers() + id)));
            } else {
                int brokerPort = clientPort > 0 ? clientPort : ports.get(id - 1);
                brokerSpecs.put(id, new NodeSpec(id, role, brokerPort, nodeControllerPort, directory));
            }
        }
        for (int id = 1; id <= spec.brokers(); id++) {
            SortedMap<String, Integer> listenerPorts = new TreeMap<>();
            for (int l = 0; l < secured.size(); l++) {
                listenerPorts.put(secured.get(l).name(), ports.get(plainPorts + (id - 1) * secured.size() + l));
            }
            brokerSpecs.put(id, brokerSpecs.get(id).withListenerPorts(listenerPorts));
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
        return new ClusterNodes(controller, brokers, proxies);
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

    /** {@code host:port} where clients reach every broker (its proxy, if any), in broker id order. */
    String bootstrapServers() {
        return brokers.values().stream().map(node -> node.spec().brokerAddress()).collect(Collectors.joining(","));
    }

    /** {@code host:port} of every broker's listener {@code listenerName}, in broker id order. */
    String bootstrapServers(String listenerName) {
        return brokers.values().stream().map(node -> node.spec().brokerAddress(listenerName))
                .collect(Collectors.joining(","));
    }

    /** {@code host:port} of every broker past any proxy, in broker id order. */
    String directBootstrapServers() {
        return brokers.values().stream().map(node -> node.spec().directAddress()).collect(Collectors.joining(","));
    }

    /** The fault proxies by broker id; empty for a cluster without them. */
    Map<Integer, FaultProxy> proxies() {
        return proxies;
    }

    /** Stops every broker in parallel, then the controller, then closes the proxies. */
    @Override
    public void close() {
        try {
            inParallel(brokers.values(), InProcessNode::stop);
            if (controller != null) {
                controller.stop();
            }
        } finally {
            proxies.values().forEach(FaultProxy::close);
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
