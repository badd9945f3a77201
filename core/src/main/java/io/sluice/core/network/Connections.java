package io.sluice.core.network;

import io.sluice.api.Node;
import io.sluice.core.time.ExponentialBackoff;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Every broker connection the client has, by broker id (negative for bootstrap addresses), and the
 * choice of the least loaded one. Holds the backoff shapes all connections share.
 *
 * <p>Owned by the sender thread.
 */
final class Connections {

    private final Map<Integer, BrokerConnection> byId = new HashMap<>();
    private final ExponentialBackoff reconnectBackoff;
    private final ExponentialBackoff setupTimeout;
    private final HostResolver resolver;
    private final int maxInFlight;
    private final Random random;

    Connections(NetworkClientConfig config, Random random, HostResolver resolver) {
        this.reconnectBackoff = ExponentialBackoff.doubling(config.reconnectBackoffMs(), config.reconnectBackoffMaxMs(), random);
        this.setupTimeout = ExponentialBackoff.doubling(config.setupTimeoutMs(), config.setupTimeoutMaxMs(), random);
        this.resolver = resolver;
        this.maxInFlight = config.maxInFlightPerConnection();
        this.random = random;
    }

    /** The connection to {@code nodeId}, or {@code null} if none was ever started. */
    BrokerConnection get(int nodeId) {
        return byId.get(nodeId);
    }

    /** The connection to {@code node}, created (disconnected) on first use, with the node's latest address. */
    BrokerConnection of(Node node) {
        BrokerConnection connection = byId.get(node.id());
        if (connection == null) {
            connection = new BrokerConnection(node, reconnectBackoff, setupTimeout, resolver);
            byId.put(node.id(), connection);
        } else {
            connection.updateNode(node);
        }
        return connection;
    }

    Collection<BrokerConnection> all() {
        return byId.values();
    }

    /** Ready, and below {@code max.in.flight.requests.per.connection} with every frame so far written. */
    boolean canSendMore(BrokerConnection connection) {
        return connection.state() == ConnectionState.READY && connection.inFlight.size() < maxInFlight
                && connection.inFlight.allWritten();
    }

    boolean canConnect(Node node, long nowMs) {
        BrokerConnection connection = byId.get(node.id());
        return connection == null || connection.canConnect(nowMs);
    }

    boolean isAnyConnecting() {
        for (BrokerConnection connection : byId.values()) {
            if (connection.state() == ConnectionState.CONNECTING) {
                return true;
            }
        }
        return false;
    }

    /**
     * Kafka's least-loaded choice among {@code nodes}, starting at a random one: a ready connection
     * with nothing in flight at once; else the ready one with the fewest in flight; else one being
     * set up; else the connectable one tried longest ago; else none.
     */
    LeastLoadedNode leastLoaded(List<Node> nodes, long nowMs) {
        if (nodes.isEmpty()) {
            return new LeastLoadedNode(null, false);
        }
        Node ready = null;
        int fewest = Integer.MAX_VALUE;
        Node preparing = null;
        Node connectable = null;
        long connectableAttemptMs = Long.MAX_VALUE;
        boolean anyReady = false;
        int offset = random.nextInt(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get((offset + i) % nodes.size());
            BrokerConnection connection = byId.get(node.id());
            if (connection != null && connection.state() == ConnectionState.READY) {
                anyReady = true;
            }
            if (connection != null && canSendMore(connection)) {
                int inFlight = connection.inFlight.size();
                if (inFlight == 0) {
                    return new LeastLoadedNode(node, true);
                }
                if (inFlight < fewest) {
                    fewest = inFlight;
                    ready = node;
                }
            } else if (connection != null && connection.state().isPreparing()) {
                preparing = node;
            } else if (connection == null || connection.canConnect(nowMs)) {
                long attemptMs = connection == null ? Long.MIN_VALUE : connection.lastAttemptMs();
                if (connectable == null || attemptMs < connectableAttemptMs) {
                    connectable = node;
                    connectableAttemptMs = attemptMs;
                }
            }
        }
        Node chosen = ready != null ? ready : preparing != null ? preparing : connectable;
        return new LeastLoadedNode(chosen, anyReady);
    }
}
