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
 * @param listenerPorts  ports of the broker's listeners beside PLAINTEXT (TLS, SASL), by listener name
 */
record NodeSpec(int id, NodeRole role, int brokerPort, int controllerPort, Path directory,
                SortedMap<String, Integer> listenerPorts) {

    NodeSpec {
        listenerPorts = Collections2.immutableSorted(listenerPorts);
    }

    /** A node with the PLAINTEXT listener only. */
    NodeSpec(int id, NodeRole role, int brokerPort, int controllerPort, Path directory) {
        this(id, role, brokerPort, controllerPort, directory, new TreeMap<>());
    }

    /** {@code host:port} of the broker's listener {@code listenerName} ({@code PLAINTEXT} or a secured one). */
    String brokerAddress(String listenerName) {
        if (listenerName.equals(NodeConfigs.BROKER_LISTENER)) {
            return brokerAddress();
        }
        Integer port = listenerPorts.get(listenerName);
        if (port == null) {
            throw new IllegalArgumentException("Node " + id + " has no listener " + listenerName + "; it has "
                    + NodeConfigs.BROKER_LISTENER + (listenerPorts.isEmpty() ? "" : ", " + String.join(", ", listenerPorts.keySet())));
        }
        return "127.0.0.1:" + port;
    }

    /** {@code host:port} of the broker listener. */
    String brokerAddress() {
        if (!role.isBroker()) {
            throw new IllegalStateException("Node " + id + " is a controller only and has no broker listener");
        }
        return "127.0.0.1:" + brokerPort;
    }
}
