package io.sluice.core.network;

import io.sluice.api.Node;
import io.sluice.api.errors.AuthenticationException;
import io.sluice.core.protocol.NegotiatedVersions;
import io.sluice.core.time.ExponentialBackoff;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The connection to one broker: its {@link ConnectionState}, the address being tried, the
 * reconnect backoff and set-up timeout (both doubling per failure with ±20% jitter, as Kafka's
 * {@code ClusterConnectionStates}), the versions negotiated, and its {@link InFlightRequests}.
 * This class only keeps the state; {@link NetworkClient} drives it through the transport.
 *
 * <p>Backoff rules (Kafka's): after the n-th consecutive failed or lost connection the next
 * attempt waits {@code reconnect.backoff.ms * 2^(n-1)} ±20%, at most {@code reconnect.backoff.max.ms};
 * reaching {@link ConnectionState#READY} resets it. A TCP connect that fails or times out makes the
 * next attempt's set-up timeout double, up to {@code socket.connection.setup.timeout.max.ms}.
 *
 * <p>Owned by the sender thread.
 */
final class BrokerConnection {

    final int id;
    final InFlightRequests inFlight = new InFlightRequests();
    private final ExponentialBackoff reconnectBackoff;
    private final ExponentialBackoff setupTimeout;
    private final HostResolver resolver;

    private Node node;
    private NodeAddresses addresses;
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private boolean attemptedBefore;
    private long lastAttemptMs;
    private long reconnectBackoffMs;
    private long failedAttempts;
    private long setupTimeoutMs;
    private long failedConnectAttempts;
    private NegotiatedVersions versions;
    private AuthenticationExchange authentication;
    /** The running exchange re-authenticates a session that was ready (KIP-368), rather than a new connection. */
    private boolean reauthenticating;
    /** When the ready connection must re-authenticate; MAX_VALUE if its session does not expire. */
    private long reauthenticateAtMs = Long.MAX_VALUE;
    /** We closed the transport connection and its onDisconnected report has not come yet: the id is not free. */
    private boolean awaitingCloseReport;
    /** Why the last attempt or connection failed, for error messages; null after success. */
    private RuntimeException lastFailure;

    BrokerConnection(Node node, ExponentialBackoff reconnectBackoff, ExponentialBackoff setupTimeout, HostResolver resolver) {
        this.node = Objects.requireNonNull(node, "node");
        this.id = node.id();
        this.reconnectBackoff = reconnectBackoff;
        this.setupTimeout = setupTimeout;
        this.resolver = resolver;
        this.addresses = new NodeAddresses(node.host(), resolver);
        this.reconnectBackoffMs = reconnectBackoff.backoff(0);
        this.setupTimeoutMs = setupTimeout.backoff(0);
    }

    Node node() {
        return node;
    }

    ConnectionState state() {
        return state;
    }

    /** Takes the broker's current host and port from metadata; a move applies from the next connection attempt. */
    void updateNode(Node latest) {
        if (!latest.host().equals(node.host()) || latest.port() != node.port()) {
            addresses = new NodeAddresses(latest.host(), resolver);
            attemptedBefore = false;
        }
        node = latest;
    }

    boolean canConnect(long nowMs) {
        return state == ConnectionState.DISCONNECTED && !awaitingCloseReport && nowMs - lastAttemptMs >= reconnectBackoffMs;
    }

    boolean isBackingOff(long nowMs) {
        return state == ConnectionState.DISCONNECTED && nowMs - lastAttemptMs < reconnectBackoffMs;
    }

    /** 0 if a connection may be started now; the backoff left if disconnected; MAX_VALUE while connecting or connected. */
    long connectionDelay(long nowMs) {
        if (state != ConnectionState.DISCONNECTED) {
            return Long.MAX_VALUE;
        }
        return Math.max(reconnectBackoffMs - (nowMs - lastAttemptMs), 0);
    }

    /**
     * Enters {@link ConnectionState#CONNECTING} and picks the address to try: the next one of the
     * host's addresses after a previous attempt.
     *
     * @throws UnknownHostException if the host does not resolve (the caller then calls {@link #disconnected})
     */
    InetAddress startConnecting(long nowMs) throws UnknownHostException {
        if (attemptedBefore) {
            addresses.moveToNext();
        }
        attemptedBefore = true;
        state = ConnectionState.CONNECTING;
        lastAttemptMs = nowMs;
        return addresses.current();
    }

    /** Whether the TCP connect has run past its set-up timeout. */
    boolean setupTimedOut(long nowMs) {
        return state == ConnectionState.CONNECTING && nowMs - lastAttemptMs > setupTimeoutMs;
    }

    /** When the current TCP connect times out, or MAX_VALUE if not connecting. */
    long setupDeadlineMs() {
        return state == ConnectionState.CONNECTING ? lastAttemptMs + setupTimeoutMs + 1 : Long.MAX_VALUE;
    }

    long setupTimeoutMs() {
        return setupTimeoutMs;
    }

    void checkingApiVersions() {
        state = ConnectionState.CHECKING_API_VERSIONS;
        failedConnectAttempts = 0;
        setupTimeoutMs = setupTimeout.backoff(0);
    }

    void authenticating(AuthenticationExchange exchange) {
        state = ConnectionState.AUTHENTICATING;
        authentication = exchange;
    }

    /** A ready connection starts re-authenticating: new requests wait, those in flight carry on. */
    void reauthenticating(AuthenticationExchange exchange) {
        state = ConnectionState.AUTHENTICATING;
        authentication = exchange;
        reauthenticating = true;
        reauthenticateAtMs = Long.MAX_VALUE;
    }

    boolean isReauthenticating() {
        return reauthenticating;
    }

    AuthenticationExchange authentication() {
        return authentication;
    }

    /** The session just (re-)established must re-authenticate at {@code atMs} (MAX_VALUE: never). */
    void reauthenticateAt(long atMs) {
        reauthenticateAtMs = atMs;
    }

    /** When this ready connection must re-authenticate, or MAX_VALUE (not ready, or no session limit). */
    long reauthenticationDueMs() {
        return state == ConnectionState.READY ? reauthenticateAtMs : Long.MAX_VALUE;
    }

    void ready(NegotiatedVersions negotiated) {
        versions = negotiated;
        state = ConnectionState.READY;
        authentication = null;
        reauthenticating = false;
        failedAttempts = 0;
        reconnectBackoffMs = reconnectBackoff.backoff(0);
        lastFailure = null;
    }

    void negotiated(NegotiatedVersions negotiated) {
        versions = negotiated;
    }

    /** The versions agreed with the broker, or {@code null} before ApiVersions completed. */
    NegotiatedVersions versions() {
        return versions;
    }

    /** The connection closed, failed, or could not be established: back off before the next attempt. */
    void disconnected(long nowMs, RuntimeException cause) {
        lastAttemptMs = nowMs;
        reconnectBackoffMs = reconnectBackoff.backoff(failedAttempts);
        failedAttempts++;
        if (state == ConnectionState.CONNECTING) {
            failedConnectAttempts++;
            setupTimeoutMs = setupTimeout.backoff(failedConnectAttempts);
        } else {
            failedConnectAttempts = 0;
            setupTimeoutMs = setupTimeout.backoff(0);
            if (state.isConnected()) {
                addresses.clear(); // the broker's IPs may have changed: resolve again
            }
        }
        state = ConnectionState.DISCONNECTED;
        versions = null;
        authentication = null;
        reauthenticating = false;
        reauthenticateAtMs = Long.MAX_VALUE;
        if (cause != null) {
            lastFailure = cause;
        }
    }

    /** After a failure that waiting a little cannot fix (e.g. a broker too old): wait the longest backoff. */
    void backOffFully() {
        reconnectBackoffMs = reconnectBackoff.maxMs();
    }

    long reconnectBackoffMs() {
        return reconnectBackoffMs;
    }

    RuntimeException lastFailure() {
        return lastFailure;
    }

    /** The authentication failure this connection is backing off after, or null (connecting, ready, other failure). */
    AuthenticationException authenticationFailure() {
        return state == ConnectionState.DISCONNECTED && lastFailure instanceof AuthenticationException refused
                ? refused : null;
    }

    boolean awaitingCloseReport() {
        return awaitingCloseReport;
    }

    void awaitCloseReport(boolean awaiting) {
        awaitingCloseReport = awaiting;
    }

    long lastAttemptMs() {
        return lastAttemptMs;
    }

    /** E.g. {@code broker 1 (kafka-1:9092)} or {@code bootstrap server localhost:9092}, for messages. */
    String describe() {
        return describe(node);
    }

    static String describe(Node node) {
        return node.id() < 0 ? "bootstrap server " + node.host() + ":" + node.port()
                : "broker " + node.id() + " (" + node.host() + ":" + node.port() + ")";
    }

    @Override
    public String toString() {
        return describe() + " " + state;
    }
}
