package io.sluice.core.network;

import io.sluice.api.Node;
import io.sluice.api.errors.AuthenticationException;
import io.sluice.core.protocol.ApiKeys;
import java.util.Map;

/**
 * The sender thread's connection to the cluster: one connection per broker, each taken through
 * connect, {@code ApiVersions} negotiation (and later authentication) to ready; requests matched to
 * responses by correlation id; reconnects with backoff; requests that outlive
 * {@code request.timeout.ms} expired. Metadata is kept fresh as a side effect of {@link #poll}.
 *
 * <p>Owned by the producer's sender thread: every method but {@link #wakeup()} is called from it,
 * and every {@link ResponseHandler} runs on it, during {@link #poll}.
 */
public interface KafkaClient extends AutoCloseable {

    /**
     * Whether a request may be sent to {@code node} now: connected, negotiated, and below
     * {@code max.in.flight.requests.per.connection}. If not connected and not backing off, this
     * starts connecting (the connection becomes ready during a later {@link #poll}).
     */
    boolean ready(Node node, long nowMs);

    /** Like {@link #ready} but never starts a connection. */
    boolean isReady(int nodeId, long nowMs);

    /**
     * How long (ms) until {@code node} is worth another look: 0 if a connection may be started now,
     * the remaining reconnect backoff while backing off, and {@link Long#MAX_VALUE} while it is being
     * set up or is connected ({@link #poll} returns when that changes, so there is nothing to wait out).
     */
    long connectionDelay(Node node, long nowMs);

    /** Whether the last connection attempt to {@code nodeId} failed and it is backing off. */
    boolean connectionFailed(int nodeId);

    /**
     * The brokers (by id, bootstrap addresses left out) whose last connection attempt failed
     * authentication (TLS or SASL) and that are backing off before the next: what is queued for them
     * cannot be sent until an attempt succeeds. Empty if none.
     */
    default Map<Integer, AuthenticationException> authenticationFailures() {
        return Map.of();
    }

    /** Requests sent to {@code nodeId} whose response (or, for {@code acks=0}, whose send) is pending. */
    int inFlightRequestCount(int nodeId);

    /** Whether any request is in flight to any broker. */
    boolean hasInFlightRequests();

    /**
     * The version of {@code api} negotiated with {@code nodeId}, at most {@code maxVersion}, or -1 if
     * the connection is not ready or the broker supports no version in Sluice's range.
     */
    short apiVersion(int nodeId, ApiKeys api, short maxVersion);

    /**
     * Sends a request to a ready connection. Its handler is called exactly once, on the sender
     * thread: with the response, or with a disconnect, a timeout or a failure to send.
     *
     * @throws IllegalStateException if the connection is not {@link #isReady ready}
     */
    void send(ClientRequest request, long nowMs);

    /**
     * Does the I/O that is possible, waiting up to {@code timeoutMs} for some (less if a request
     * times out or a metadata refresh is due sooner), runs response handlers, expires requests that
     * waited longer than {@code request.timeout.ms}, and sends metadata requests when due.
     */
    void poll(long timeoutMs, long nowMs);

    /**
     * The broker with the fewest in-flight requests among those connected or connectable now,
     * or {@code null} if none is (all backing off).
     */
    Node leastLoadedNode(long nowMs);

    /** Closes the connection to {@code nodeId}; its in-flight requests fail with a disconnect. */
    void disconnect(int nodeId);

    /** Makes a running or the next {@link #poll} return at once. Safe from any thread. */
    void wakeup();

    /** Closes every connection; in-flight requests fail with a disconnect. */
    @Override
    void close();
}
