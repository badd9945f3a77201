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
 */
record NodeSpec(int id, NodeRole role, int brokerPort, int controllerPort, Path directory) {

    /** {@code host:port} of the broker listener. */
    String brokerAddress() {
        if (!role.isBroker()) {
            throw new IllegalStateException("Node " + id + " is a controller only and has no broker listener");
        }
        return "127.0.0.1:" + brokerPort;
    }
}
