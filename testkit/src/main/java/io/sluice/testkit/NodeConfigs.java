package io.sluice.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the Kafka configuration of one in-process node: the testkit's defaults, then the user's properties,
 * then the keys that place the node (roles, listeners, directories), which users cannot override.
 */
final class NodeConfigs {

    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Replication and the testkit's own clients, past the fault proxies (clusters with proxies only). */
    static final String INTERNAL_LISTENER = "INTERNAL";

    private NodeConfigs() {
    }

    /**
     * The defaults the testkit puts over Kafka's own for a cluster of {@code brokers} brokers (documented on
     * {@link KafkaClusterBuilder}).
     */
    static Map<String, String> defaults(int brokers) {
        String replication = Integer.toString(Math.min(3, brokers));
        String minIsr = Integer.toString(Math.min(2, brokers));
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("offsets.topic.replication.factor", replication);
        defaults.put("offsets.topic.num.partitions", "5");
        defaults.put("transaction.state.log.replication.factor", replication);
        defaults.put("transaction.state.log.min.isr", minIsr);
        defaults.put("transaction.state.log.num.partitions", "5");
        defaults.put("share.coordinator.state.topic.replication.factor", replication);
        defaults.put("share.coordinator.state.topic.min.isr", minIsr);
        defaults.put("share.coordinator.state.topic.num.partitions", "5");
        defaults.put("group.initial.rebalance.delay.ms", "0");
        defaults.put("controlled.shutdown.enable", "false");
        defaults.put("log.cleaner.dedupe.buffer.size", "2097152");
        defaults.put("unstable.api.versions.enable", "false");
        defaults.put("unstable.feature.versions.enable", "false");
        // a broker that cannot reach its controller fails its start after 2 minutes instead of waiting for ever
        defaults.put("server.max.startup.time.ms", "120000");
        return defaults;
    }

    /** The full configuration of {@code node}; {@code quorumVoters} is Kafka's {@code controller.quorum.voters}. */
    static Map<String, String> of(ClusterSpec spec, NodeSpec node, String quorumVoters) {
        return of(spec, node, quorumVoters, null);
    }

    /**
     * The full configuration of {@code node}, with the secured listeners of {@code spec} on brokers.
     *
     * @param certificates the certificates of TLS listeners, or null when there are none
     */
    static Map<String, String> of(ClusterSpec spec, NodeSpec node, String quorumVoters,
                                  TestCertificates certificates) {
        Map<String, String> config = defaults(spec.brokers());
        config.putAll(spec.propertiesOf(node.id()));
        config.put("process.roles", node.role().processRoles());
        config.put("node.id", Integer.toString(node.id()));
        config.put("controller.quorum.voters", quorumVoters);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"
                + (spec.faultProxies() ? "," + INTERNAL_LISTENER + ":PLAINTEXT" : "")
                + SecureListenerConfigs.protocolMapEntries(spec.security()));
        config.put("log.dirs", node.directory().toString());
        config.put("metadata.log.dir", node.directory().toString());
        config.put("listeners", listeners(node) + SecureListenerConfigs.listenerEntries(node));
        String secured = SecureListenerConfigs.listenerEntries(node);
        if (node.role().isBroker() && node.proxied()) {
            // clients learn the proxy's address; brokers replicate, and the testkit's Admin talks, past it
            config.put("advertised.listeners", BROKER_LISTENER + "://" + node.brokerAddress() + ","
                    + INTERNAL_LISTENER + "://" + node.directAddress() + secured);
            config.put("inter.broker.listener.name", INTERNAL_LISTENER);
        } else if (node.role().isBroker()) {
            config.put("advertised.listeners", BROKER_LISTENER + "://" + node.brokerAddress() + secured);
            config.put("inter.broker.listener.name", BROKER_LISTENER);
        }
        if (node.role().isBroker()) {
            config.putAll(SecureListenerConfigs.of(spec.security(), certificates));
        }
        return config;
    }

    /** Kafka's {@code controller.quorum.voters} for the one controller of a cluster. */
    static String quorumVoters(NodeSpec controller) {
        return controller.id() + "@127.0.0.1:" + controller.controllerPort();
    }

    private static String listeners(NodeSpec node) {
        String controller = CONTROLLER_LISTENER + "://127.0.0.1:" + node.controllerPort();
        String broker = BROKER_LISTENER + "://127.0.0.1:" + node.brokerPort()
                + (node.proxied() ? "," + INTERNAL_LISTENER + "://" + node.directAddress() : "");
        switch (node.role()) {
            case COMBINED:
                return broker + "," + controller;
            case BROKER:
                return broker;
            case CONTROLLER:
                return controller;
            default:
                throw new IllegalStateException("Unknown node role " + node.role());
        }
    }
}
