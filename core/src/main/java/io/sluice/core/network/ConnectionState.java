package io.sluice.core.network;

/**
 * Where a connection to one broker stands. The only way forward is
 * {@code DISCONNECTED → CONNECTING → CHECKING_API_VERSIONS → [AUTHENTICATING →] READY}; any state
 * falls back to {@code DISCONNECTED} on a close, a failure or a timeout.
 *
 * <ul>
 *   <li>{@link #DISCONNECTED}: no connection; a new attempt waits out the reconnect backoff.</li>
 *   <li>{@link #CONNECTING}: the transport is opening the socket (within
 *       {@code socket.connection.setup.timeout.ms}).</li>
 *   <li>{@link #CHECKING_API_VERSIONS}: connected, ApiVersions sent, waiting for the broker's
 *       ranges (within {@code request.timeout.ms}).</li>
 *   <li>{@link #AUTHENTICATING}: versions agreed, an {@link Authenticator} exchange running (SASL
 *       later; skipped when the authenticator has nothing to do).</li>
 *   <li>{@link #READY}: requests may be sent.</li>
 * </ul>
 */
public enum ConnectionState {
    DISCONNECTED,
    CONNECTING,
    CHECKING_API_VERSIONS,
    AUTHENTICATING,
    READY;

    /** Whether the socket is open (negotiating, authenticating or ready). */
    public boolean isConnected() {
        return this == CHECKING_API_VERSIONS || this == AUTHENTICATING || this == READY;
    }

    /** Whether the connection is on its way to {@link #READY}. */
    public boolean isPreparing() {
        return this == CONNECTING || this == CHECKING_API_VERSIONS || this == AUTHENTICATING;
    }
}
