package io.sluice.testkit;

import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One node of an in-process cluster: its id, roles, ports and data directory. Fixed for the node's life, so a
 * restarted broker comes back on the same port with the same data.
 *
 * @param id             Kafka's {@code node.id}
 * @param role           broker, controller or both
 * @param brokerPort     port of the PLAINTEXT listener on 127.0.0.1, or 0 for a controller-only node
 * @param controllerPort port of the CONTROLLER listener on 127.0.0.1, or 0 for a broker-only node
 * @param directory      the node's only log directory, which also holds its metadata log
 * @param proxyPort      port of the broker's fault proxy, which the PLAINTEXT listener advertises to clients; 0
 *                       without fault proxies
 * @param internalPort   port of the INTERNAL listener (replication, the testkit's own Admin and readers), which
 *                       bypasses the proxy; 0 without fault proxies
 * @param listenerPorts  ports of the broker's secured listeners (TLS, SASL; never proxied), by listener name
 */
record NodeSpec(int id, NodeRole role, int brokerPort, int controllerPort, Path directory, int proxyPort,
                int internalPort, SortedMap<String, Integer> listenerPorts) {

    NodeSpec {
        listenerPorts = Collections2.immutableSorted(listenerPorts);
    }

    /** A node without a fault proxy or secured listeners. */
    NodeSpec(int id, NodeRole role, int brokerPort, int controllerPort, Path directory) {
        this(id, role, brokerPort, controllerPort, directory, 0, 0);
    }

    /** A node without secured listeners. */
    NodeSpec(int id, NodeRole role, int brokerPort, int controllerPort, Path directory, int proxyPort,
             int internalPort) {
        this(id, role, brokerPort, controllerPort, directory, proxyPort, internalPort, new TreeMap<>());
    }

    /** This node with the secured listeners' ports. */
    NodeSpec withListenerPorts(SortedMap<String, Integer> ports) {
        return new NodeSpec(id, role, brokerPort, controllerPort, directory, proxyPort, internalPort, ports);
    }

    /**
     * {@code host:port} of the broker's listener {@code listenerName}: {@code PLAINTEXT} (its proxy, if any, as in
     * {@link #brokerAddress()}) or a secured one.
     */
    String brokerAddress(String listenerName) {
        if (listenerName.equals(NodeConfigs.BROKER_LISTENER)) {
            return brokerAddress();
        }
        Integer port = listenerPorts.get(listenerName);
        if (port == null) {
            throw new IllegalArgumentException("Node " + id + " has no listener " + listenerName + "; it has "
                    + NodeConfigs.BROKER_LISTENER
                    + (listenerPorts.isEmpty() ? "" : ", " + String.join(", ", listenerPorts.keySet())));
        }
        return "127.0.0.1:" + port;
    }

    /** Whether clients reach this broker through a fault proxy. */
    boolean proxied() {
        return proxyPort > 0;
    }

    /** {@code host:port} where clients reach the broker: its proxy's, if it has one, else its PLAINTEXT listener's. */
    String brokerAddress() {
        checkBroker();
        return "127.0.0.1:" + (proxied() ? proxyPort : brokerPort);
    }

    /** {@code host:port} that bypasses any proxy: the INTERNAL listener's if there is one, else the PLAINTEXT one's. */
    String directAddress() {
        checkBroker();
        return "127.0.0.1:" + (proxied() ? internalPort : brokerPort);
    }

    private void checkBroker() {
        if (!role.isBroker()) {
            throw new IllegalStateException("Node " + id + " is a controller only and has no broker listener");
        }
    }
}
