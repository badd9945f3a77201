package io.sluice.core.network;

import io.sluice.api.errors.AuthenticationException;
import io.sluice.api.errors.NetworkException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.api.spi.Transport;
import io.sluice.api.spi.TransportListener;
import io.sluice.core.protocol.EncodedFrame;
import io.sluice.core.protocol.ProtocolException;
import io.sluice.core.protocol.RequestFrames;
import io.sluice.core.protocol.ResponseFrames;
import io.sluice.core.time.Time;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames of every broker connection: starting connects, encoding requests with a correlation
 * id into the transport, matching response frames to their requests, and failing what is in flight
 * when a connection ends. It records outcomes as {@link ClientResponse}s for
 * {@link NetworkClient#poll} to hand to their handlers; it never runs a handler itself.
 *
 * <p>As the {@link TransportListener}, it is called back during {@code transport.poll}: there it only
 * changes its own state (a frame is decoded at once, its memory being valid only during the call).
 * Transport calls that events lead to (the ApiVersions request after a connect, closing a connection
 * that sent garbage) wait until the transport's poll has returned: {@link #takeConnected()} and
 * {@link #closeBroken}.
 *
 * <p>Owned by the sender thread.
 */
final class ConnectionIo implements TransportListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionIo.class);

    private final Transport transport;
    private final Connections connections;
    private final String clientId;
    private final Time time;
    private final LostListener onLost;

    private final List<ClientResponse> completions = new ArrayList<>();
    private final List<BrokerConnection> connected = new ArrayList<>();
    /** Connections that sent something undecodable this poll, with the failure for their requests. */
    private final List<BrokerConnection> broken = new ArrayList<>();
    private final List<RuntimeException> brokenCauses = new ArrayList<>();
    private int nextCorrelationId;

    /** Told each lost connection, inline, as it is lost. */
    @FunctionalInterface
    interface LostListener {
        /** @param cause why, or {@code null} for an ordinary close */
        void lost(BrokerConnection connection, RuntimeException cause, long nowMs);
    }

    ConnectionIo(Transport transport, Connections connections, String clientId, Time time, LostListener onLost) {
        this.transport = transport;
        this.connections = connections;
        this.clientId = clientId;
        this.time = time;
        this.onLost = onLost;
    }

    /** Starts connecting; a failure to even start counts as a failed attempt (backoff, next address). */
    void connect(BrokerConnection connection, long nowMs) {
        try {
            InetAddress address = connection.startConnecting(nowMs);
            LOG.debug("Connecting to {} at {}", connection.describe(), address);
            transport.connect(connection.id, new InetSocketAddress(address, connection.node().port()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot connect to {}: {}", connection.describe(), e.toString());
            NetworkException cause = new NetworkException("Cannot connect to " + connection.describe() + ": " + e, e);
            lost(connection, cause, nowMs, request -> cause);
        }
    }

    /**
     * Encodes and queues {@code request} on {@code connection}, which must be connected. A request
     * that cannot be encoded or queued is failed (its outcome is recorded, not thrown).
     */
    void send(BrokerConnection connection, ClientRequest request, boolean internal, long nowMs) {
        int correlationId = nextCorrelationId++;
        EncodedFrame frame;
        try {
            frame = RequestFrames.encode(request.api(), request.version(), correlationId, clientId, request.body());
        } catch (RuntimeException e) {
            completions.add(new ClientResponse(request, nowMs, null, e));
            return;
        }
        try {
            transport.send(connection.id, frame.buffers(), frame.count());
        } catch (RuntimeException e) {
            completions.add(new ClientResponse(request, nowMs, null, new NetworkException("Cannot send " + request.api()
                    + " to " + connection.describe() + ": the transport no longer has the connection (" + e.getMessage() + ")", e)));
            return;
        }
        connection.inFlight.add(new InFlightRequest(request, correlationId, nowMs, internal));
    }

    /** Closes the connection now; its requests fail with {@code why} (a NetworkException or TimeoutException). */
    void close(BrokerConnection connection, String why, RuntimeException causeForMetadata, long nowMs) {
        if (connection.state() == ConnectionState.DISCONNECTED) {
            return;
        }
        transport.disconnect(connection.id);
        connection.awaitCloseReport(true);
        lost(connection, causeForMetadata, nowMs, request -> new NetworkException("Disconnected from " + connection.describe()
                + " with " + request.describe() + " in flight: " + why));
    }

    /** Closes every connection that sent an undecodable or unexpected frame during the last poll. */
    void closeBroken(long nowMs) {
        for (int i = 0; i < broken.size(); i++) {
            BrokerConnection connection = broken.get(i);
            RuntimeException cause = brokenCauses.get(i);
            close(connection, "an earlier response on this connection could not be read (" + cause.getMessage() + ")", cause, nowMs);
        }
        broken.clear();
        brokenCauses.clear();
    }

    /** Expires requests past their timeout: the connection is closed, the late request fails with a TimeoutException. */
    void expireRequests(long nowMs) {
        for (BrokerConnection connection : connections.all()) { // close() changes states, never the map
            InFlightRequest late = connection.inFlight.firstExpired(nowMs);
            if (late == null) {
                continue;
            }
            connection.inFlight.remove(late);
            String message = "No response from " + connection.describe() + " to " + late.describe() + " within "
                    + late.request.requestTimeoutMs() + " ms (request.timeout.ms); the connection was closed";
            LOG.info("{}", message);
            TimeoutException timeout = new TimeoutException(message);
            completions.add(new ClientResponse(late.request, nowMs, null, timeout));
            close(connection, "another request on it timed out: " + message, timeout, nowMs);
        }
    }

    /** Abandons TCP connects past their set-up timeout. */
    void expireConnects(long nowMs) {
        for (BrokerConnection connection : connections.all()) {
            if (connection.setupTimedOut(nowMs)) {
                String message = "Connection to " + connection.describe() + " was not established within "
                        + connection.setupTimeoutMs() + " ms (socket.connection.setup.timeout.ms)";
                LOG.info("{}; trying again after the reconnect backoff", message);
                close(connection, message, new NetworkException(message), nowMs);
            }
        }
    }

    /** The earliest request, connect or re-authentication deadline, or MAX_VALUE. */
    long nextDeadlineMs() {
        long next = Long.MAX_VALUE;
        for (BrokerConnection connection : connections.all()) {
            next = Math.min(next, Math.min(connection.inFlight.nextDeadlineMs(), connection.setupDeadlineMs()));
            next = Math.min(next, connection.reauthenticationDueMs());
        }
        return next;
    }

    /** Connections established during the last poll, still waiting for their ApiVersions request. */
    List<BrokerConnection> takeConnected() {
        if (connected.isEmpty()) {
            return List.of();
        }
        List<BrokerConnection> taken = List.copyOf(connected);
        connected.clear();
        return taken;
    }

    boolean hasCompletions() {
        return !completions.isEmpty();
    }

    /** The outcomes recorded so far, oldest first; the list is emptied. */
    List<ClientResponse> takeCompletions() {
        if (completions.isEmpty()) {
            return List.of();
        }
        List<ClientResponse> taken = List.copyOf(completions);
        completions.clear();
        return taken;
    }

    // ---- TransportListener: called during transport.poll ----

    @Override
    public void onConnected(int connectionId) {
        BrokerConnection connection = connections.get(connectionId);
        if (connection == null || connection.awaitingCloseReport() || connection.state() != ConnectionState.CONNECTING) {
            return; // a connect we gave up on; its close report follows
        }
        connected.add(connection);
    }

    @Override
    public void onDisconnected(int connectionId, IOException cause) {
        BrokerConnection connection = connections.get(connectionId);
        if (connection == null) {
            return;
        }
        if (connection.awaitingCloseReport()) {
            connection.awaitCloseReport(false); // the report of our own close: already handled
            return;
        }
        if (connection.state() == ConnectionState.DISCONNECTED) {
            return;
        }
        long nowMs = time.monotonicMs();
        AuthenticationException refused = authenticationFailure(cause);
        if (refused != null) {
            authenticationFailed(connection, refused, nowMs);
            return;
        }
        String what = cause == null ? "the connection was closed" : cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (connection.state() == ConnectionState.CONNECTING) {
            LOG.warn("Connection to {} could not be established ({}). The broker may not be available.", connection.describe(), what);
        } else {
            LOG.info("Connection to {} lost ({})", connection.describe(), what);
        }
        NetworkException reason = new NetworkException("Connection to " + connection.describe() + " failed: " + what, cause);
        lost(connection, reason, nowMs, request -> new NetworkException("Disconnected from " + connection.describe()
                + " while waiting for the response to " + request.describe() + ": " + what, cause));
    }

    /**
     * The transport reports a failure that retrying cannot cure (TLS trust, host name, client
     * certificate, a TLS listener spoken to in plaintext) as an {@link AuthenticationException} in the
     * cause chain of {@code onDisconnected}'s {@code IOException}; null for ordinary I/O failures.
     */
    static AuthenticationException authenticationFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException refused) {
                return refused;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /**
     * Fatal for this broker as in Kafka ({@code AUTHENTICATION_FAILED}): requests in flight fail, the
     * metadata layer is told (so a {@code send} waiting for metadata fails with the cause and queued
     * batches for this broker fail too), and the next attempt waits {@code reconnect.backoff.max.ms}.
     */
    private void authenticationFailed(BrokerConnection connection, AuthenticationException refused, long nowMs) {
        LOG.error("Authentication to {} failed, retrying only every reconnect.backoff.max.ms: {}", connection.describe(),
                refused.getMessage());
        lost(connection, refused, nowMs, request -> new NetworkException("Disconnected from " + connection.describe()
                + " while waiting for the response to " + request.describe() + ": " + refused.getMessage(), refused));
        connection.backOffFully();
    }

    @Override
    public void onFrameSent(int connectionId) {
        BrokerConnection connection = connections.get(connectionId);
        if (connection == null || connection.awaitingCloseReport()) {
            return;
        }
        InFlightRequest finished = connection.inFlight.onFrameWritten();
        if (finished != null) {
            completions.add(new ClientResponse(finished.request, time.monotonicMs(), null, null));
        }
    }

    @Override
    public void onFrameReceived(int connectionId, ByteBuffer frame) {
        BrokerConnection connection = connections.get(connectionId);
        if (connection == null || connection.awaitingCloseReport() || broken.contains(connection)) {
            return;
        }
        InFlightRequest request = connection.inFlight.nextAwaitingResponse();
        try {
            int correlationId = ResponseFrames.correlationId(frame);
            if (request == null) {
                throw new ProtocolException("Unexpected response (correlation id " + correlationId + ") from " + connection.describe()
                        + ": no request is waiting for one. The connection is closed");
            }
            if (correlationId != request.correlationId) {
                throw new ProtocolException("Correlation id mismatch from " + connection.describe() + ": expected the response to "
                        + request.describe() + " but got correlation id " + correlationId
                        + ". The peer is not speaking Kafka's protocol correctly; the connection is closed");
            }
            ResponseFrames.ParsedResponse parsed = ResponseFrames.parse(request.request.api(), request.request.version(), frame);
            connection.inFlight.remove(request);
            completions.add(new ClientResponse(request.request, time.monotonicMs(), parsed.body(), null));
        } catch (ProtocolException e) {
            ProtocolException failure = new ProtocolException("Malformed response from " + connection.describe()
                    + (request == null ? "" : " to " + request.describe()) + ": " + e.getMessage(), e);
            LOG.warn("{}", failure.getMessage());
            if (request != null) {
                connection.inFlight.remove(request);
                completions.add(new ClientResponse(request.request, time.monotonicMs(), null, failure));
            }
            broken.add(connection);
            brokenCauses.add(failure);
        }
    }

    private void lost(BrokerConnection connection, RuntimeException cause, long nowMs,
                      Function<InFlightRequest, RuntimeException> failureFor) {
        connection.disconnected(nowMs, cause);
        connected.remove(connection);
        for (InFlightRequest request : connection.inFlight.clear()) {
            completions.add(new ClientResponse(request.request, nowMs, null, failureFor.apply(request)));
        }
        onLost.lost(connection, cause, nowMs);
    }
}
