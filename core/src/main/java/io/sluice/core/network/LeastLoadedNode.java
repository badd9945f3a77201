package io.sluice.core.network;

import io.sluice.api.Node;

/**
 * The outcome of picking the least loaded broker.
 *
 * @param node                the broker, or {@code null} if none is connected or connectable now
 * @param anyConnectionReady  whether some connection is ready (if not and {@code node} is null, no
 *                            known broker is reachable: time to rebootstrap, per KIP-899)
 */
public record LeastLoadedNode(Node node, boolean anyConnectionReady) {

    /** Whether a broker was found or some connection is ready. */
    public boolean hasNodeOrReadyConnection() {
        return node != null || anyConnectionReady;
    }
}
