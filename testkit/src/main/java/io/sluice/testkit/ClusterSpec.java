package io.sluice.testkit;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a {@link KafkaCluster} looks like before it starts: a value, so equal specs can share one cluster
 * (see {@link KafkaClusterExtension}).
 *
 * @param brokers            number of brokers; 1 means one combined broker+controller node, more means that many
 *                           brokers plus one dedicated controller
 * @param properties         Kafka server configs for every node, over the testkit's defaults
 * @param perBrokerOverrides properties for single brokers by id, over {@code properties}
 * @param firstBrokerPort    port of broker 1 (broker {@code n} gets {@code firstBrokerPort + n - 1}); 0 for free ports
 * @param dataDirectory      where the nodes keep their logs, kept on close; empty for a temporary directory that
 *                           is deleted on close
 * @param exitJvmOnFatalFault whether a fatal broker fault may end the JVM, as in a real broker; off in tests
 * @param faultProxies       whether clients reach each broker through its own {@link io.sluice.testkit.fault.FaultProxy}
 *                           (brokers then replicate over a separate internal listener)
 * @param security           listeners beside PLAINTEXT (TLS, SASL; never proxied), their users and certificates
 */
record ClusterSpec(
        int brokers,
        SortedMap<String, String> properties,
        SortedMap<Integer, SortedMap<String, String>> perBrokerOverrides,
        int firstBrokerPort,
        Optional<Path> dataDirectory,
        boolean exitJvmOnFatalFault,
        boolean faultProxies,
        SecuritySpec security) {

    /** Node id of the dedicated controller of a multi-broker cluster; brokers are numbered from 1. */
    static final int CONTROLLER_ID = 1000;

    ClusterSpec {
        properties = Collections2.immutableSorted(properties);
        perBrokerOverrides = Collections2.immutableSortedNested(perBrokerOverrides);
        security = security == null ? SecuritySpec.NONE : security;
    }

    /** A spec with the PLAINTEXT listener only. */
    ClusterSpec(int brokers, SortedMap<String, String> properties,
                SortedMap<Integer, SortedMap<String, String>> perBrokerOverrides, int firstBrokerPort,
                Optional<Path> dataDirectory, boolean exitJvmOnFatalFault, boolean faultProxies) {
        this(brokers, properties, perBrokerOverrides, firstBrokerPort, dataDirectory, exitJvmOnFatalFault,
                faultProxies, SecuritySpec.NONE);
    }

    /** A spec without fault proxies. */
    ClusterSpec(int brokers, SortedMap<String, String> properties,
                SortedMap<Integer, SortedMap<String, String>> perBrokerOverrides, int firstBrokerPort,
                Optional<Path> dataDirectory, boolean exitJvmOnFatalFault) {
        this(brokers, properties, perBrokerOverrides, firstBrokerPort, dataDirectory, exitJvmOnFatalFault, false);
    }

    boolean combined() {
        return brokers == 1;
    }

    /** The configs of node {@code nodeId}: cluster-wide ones with a broker's own overrides on top. */
    Map<String, String> propertiesOf(int nodeId) {
        SortedMap<String, String> merged = new TreeMap<>(properties);
        merged.putAll(perBrokerOverrides.getOrDefault(nodeId, new TreeMap<>()));
        return merged;
    }
}
