package io.sluice.core.network;

import io.sluice.api.Node;
import java.util.List;

/**
 * The metadata layer as {@link NetworkClient} drives it: which brokers exist, refreshes made from
 * {@link NetworkClient#poll}, and news of lost connections. Implemented by
 * {@code io.sluice.core.metadata.MetadataUpdater}; an interface here so that the connection layer
 * does not depend on the metadata layer (which uses this one).
 *
 * <p>Called on the sender thread only.
 */
public interface MetadataUpdates {

    /**
     * The brokers to connect to: the bootstrap addresses (negative ids) until the first metadata
     * response, the brokers it named afterwards. Empty only before bootstrap addresses resolve.
     */
    List<Node> nodes();

    /**
     * Sends a metadata request through {@code channel} if one is due.
     *
     * @return how long (ms) until it wants to be asked again
     */
    long maybeUpdate(long nowMs, MetadataChannel channel);

    /** Whether a refresh is due and none is in flight (other requests then wait, so metadata goes first). */
    boolean isUpdateDue(long nowMs);

    /**
     * A connection to {@code nodeId} closed or could not be made.
     *
     * @param cause why, if it says something the user may need (a broker too old, an authentication
     *              failure: an {@link io.sluice.api.errors.AuthenticationException} is fatal for the sends
     *              waiting for metadata), else {@code null}
     */
    void onDisconnect(int nodeId, RuntimeException cause, long nowMs);

    /**
     * A connection to {@code nodeId} is ready (authenticated, if the protocol authenticates): an earlier
     * authentication failure no longer stands for the cluster.
     */
    default void onConnectionReady(int nodeId, long nowMs) {
    }
}
