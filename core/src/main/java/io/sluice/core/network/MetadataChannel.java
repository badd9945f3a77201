package io.sluice.core.network;

import io.sluice.api.Node;
import io.sluice.core.protocol.ApiKeys;

/**
 * What the connection layer offers the metadata layer for its refreshes: picking a broker,
 * connecting to it and sending it internal requests. Implemented by {@link NetworkClient}, handed
 * to {@link MetadataUpdates#maybeUpdate} during {@link NetworkClient#poll}.
 *
 * <p>Used on the sender thread only.
 */
public interface MetadataChannel {

    /** The least loaded broker among {@link MetadataUpdates#nodes()}; see {@link KafkaClient#leastLoadedNode}. */
    LeastLoadedNode leastLoaded(long nowMs);

    /** Whether a request may go to {@code nodeId} now (ready and below the in-flight limit). */
    boolean canSendRequest(int nodeId, long nowMs);

    /** Whether some broker's TCP connect is under way (then wait for it rather than open another). */
    boolean isAnyNodeConnecting();

    /** Whether a connection to {@code node} may be started now (disconnected, backoff over). */
    boolean canConnect(Node node, long nowMs);

    /** Starts connecting to {@code node}. */
    void initiateConnect(Node node, long nowMs);

    /** See {@link KafkaClient#apiVersion}. */
    short apiVersion(int nodeId, ApiKeys api, short maxVersion);

    /**
     * Sends a request the client makes for itself; bypasses the "metadata first" hold that
     * {@link KafkaClient#isReady} applies to other requests. Same outcome contract as
     * {@link KafkaClient#send}.
     */
    void sendInternal(ClientRequest request, long nowMs);

    /** {@code request.timeout.ms}. */
    int requestTimeoutMs();

    /** {@code reconnect.backoff.ms}: how long to wait when no broker can be tried now. */
    long reconnectBackoffMs();
}
