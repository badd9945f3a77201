package io.sluice.testkit;

import java.nio.file.Path;

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
 */
record NodeSpec(int id, NodeRole role, int brokerPort, int controllerPort, Path directory, int proxyPort,
                int internalPort) {

    /** A node without a fault proxy. */
    NodeSpec(int id, NodeRole role, int brokerPort, int controllerPort, Path directory) {
        this(id, role, brokerPort, controllerPort, directory, 0, 0);
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
