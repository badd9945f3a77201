package io.sluice.core.network;

import io.sluice.api.Node;
import io.sluice.api.errors.AuthenticationException;
import io.sluice.api.spi.Transport;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.NegotiatedVersions;
import io.sluice.core.time.Time;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's {@link KafkaClient}: one connection per broker through a {@link Transport}, each
 * taken through {@link ConnectionState}s by {@link Handshake}; requests correlated and timed out by
 * {@link ConnectionIo}; connections and backoff kept by {@link Connections}; metadata refreshed
 * through {@link MetadataUpdates} from {@link #poll}.
 *
 * <h2>Contract beyond {@link KafkaClient}</h2>
 * <ul>
 *   <li>Times ({@code nowMs}) are {@link Time#monotonicMs()} of the clock given here.</li>
 *   <li>While a metadata refresh is due and not yet sent, {@link #isReady} and {@link #ready} answer
 *       false for every broker, so the refresh goes first (as in Kafka).</li>
 *   <li>A request is "in flight" from {@link #send} until its outcome; a connection takes another
 *       only once every earlier frame was written and fewer than
 *       {@code max.in.flight.requests.per.connection} are in flight.</li>
 *   <li>Handlers run at the end of {@link #poll}, in the order outcomes were known; a handler that
 *       throws is logged and does not disturb the others.</li>
 *   <li>Bootstrap connections (negative ids) are closed once metadata names the real brokers and
 *       nothing is in flight on them.</li>
 *   <li>An authentication failure (TLS or SASL) is fatal for that connection attempt: its requests
 *       fail, the metadata layer gets the {@link AuthenticationException}, the broker is listed by
 *       {@link #authenticationFailures()}, and it is tried again only after
 *       {@code reconnect.backoff.max.ms}.</li>
 *   <li>A ready connection whose SASL session expires re-authenticates in place (KIP-368) during
 *       {@link #poll}; it takes no new request meanwhile.</li>
 * </ul>
 *
 * <p>Owned by the sender thread: every method but {@link #wakeup()} must be called from it.
 */
public final class NetworkClient implements KafkaClient, MetadataChannel {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkClient.class);

    /**
     * Collaborators tests replace: the jitter and least-loaded randomness, DNS, and authentication.
     *
     * @param random        jitter of backoffs and set-up timeouts, start of the least-loaded scan
     * @param resolver      resolves broker host names
     * @param authenticator runs after ApiVersions on every connection ({@link Authenticator#NONE}: none)
     */
    public record Seams(Random random, HostResolver resolver, Authenticator authenticator) {
        public Seams {
            Objects.requireNonNull(random, "random");
            Objects.requireNonNull(resolver, "resolver");
            Objects.requireNonNull(authenticator, "authenticator");
        }

        public static Seams defaults() {
            return new Seams(new Random(), HostResolver.DEFAULT, Authenticator.NONE);
        }
    }

    private final NetworkClientConfig config;
    private final Transport transport;
    private final MetadataUpdates metadata;
    private final Time time;
    private final Connections connections;
    private final ConnectionIo io;
    private final Handshake handshake;
    private boolean closed;

    /** A client over {@code transport}, with real DNS and randomness and no authentication. */
    public NetworkClient(NetworkClientConfig config, Transport transport, MetadataUpdates metadata, Time time) {
        this(config, transport, metadata, time, Seams.defaults());
    }

    public NetworkClient(NetworkClientConfig config, Transport transport, MetadataUpdates metadata, Time time, Seams seams) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.time = Objects.requireNonNull(time, "time");
        this.connections = new Connections(config, seams.random(), seams.resolver());
        this.io = new ConnectionIo(transport, connections, config.clientId(), time,
                (connection, cause, nowMs) -> metadata.onDisconnect(connection.id, cause, nowMs));
        this.handshake = new Handshake(io, seams.authenticator(), config.requestTimeoutMs(), seams.random(),
                (connection, nowMs) -> metadata.onConnectionReady(connection.id, nowMs));
    }

    @Override
    public boolean ready(Node node, long nowMs) {
        ensureOpen();
        if (isReady(node.id(), nowMs)) {
            return true;
        }
        BrokerConnection connection = connections.of(node);
        if (connection.canConnect(nowMs)) {
            io.connect(connection, nowMs);
        }
        return false;
    }

    @Override
    public boolean isReady(int nodeId, long nowMs) {
        return !metadata.isUpdateDue(nowMs) && canSendRequest(nodeId, nowMs);
    }

    @Override
    public boolean canSendRequest(int nodeId, long nowMs) {
        BrokerConnection connection = connections.get(nodeId);
        return connection != null && connections.canSendMore(connection);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link Long#MAX_VALUE} while the connection is being set up or is connected: {@link #poll}
     * returns when that changes, so there is nothing to wait out.
     */
    @Override
    public long connectionDelay(Node node, long nowMs) {
        BrokerConnection connection = connections.get(node.id());
        return connection == null ? 0 : connection.connectionDelay(nowMs);
    }

    @Override
    public boolean connectionFailed(int nodeId) {
        BrokerConnection connection = connections.get(nodeId);
        return connection != null && connection.state() == ConnectionState.DISCONNECTED && connection.lastFailure() != null;
    }

    @Override
    public Map<Integer, AuthenticationException> authenticationFailures() {
        Map<Integer, AuthenticationException> failures = null;
        for (BrokerConnection connection : connections.all()) {
            AuthenticationException refused = connection.authenticationFailure();
            if (refused != null && connection.id >= 0) {
                if (failures == null) {
                    failures = new HashMap<>();
                }
                failures.put(connection.id, refused);
            }
        }
        return failures == null ? Map.of() : failures;
    }

    /** The state of the connection to {@code nodeId} ({@link ConnectionState#DISCONNECTED} if there is none). */
    public ConnectionState connectionState(int nodeId) {
        BrokerConnection connection = connections.get(nodeId);
        return connection == null ? ConnectionState.DISCONNECTED : connection.state();
    }

    /** Why the last connection to {@code nodeId} failed, or {@code null} (never failed, or ready since). */
    public RuntimeException lastConnectionFailure(int nodeId) {
        BrokerConnection connection = connections.get(nodeId);
        return connection == null ? null : connection.lastFailure();
    }

    @Override
    public int inFlightRequestCount(int nodeId) {
        BrokerConnection connection = connections.get(nodeId);
        return connection == null ? 0 : connection.inFlight.size();
    }

    @Override
    public boolean hasInFlightRequests() {
        for (BrokerConnection connection : connections.all()) {
            if (!connection.inFlight.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public short apiVersion(int nodeId, ApiKeys api, short maxVersion) {
        BrokerConnection connection = connections.get(nodeId);
        NegotiatedVersions versions = connection == null || connection.state() != ConnectionState.READY ? null : connection.versions();
        if (versions == null || !versions.isUsable(api)) {
            return -1;
        }
        try {
            return versions.versionAtMost(api, maxVersion);
        } catch (RuntimeException noSharedVersionThatLow) {
            return -1;
        }
    }

    @Override
    public void send(ClientRequest request, long nowMs) {
        ensureOpen();
        BrokerConnection connection = connections.get(request.nodeId());
        if (connection == null || !connections.canSendMore(connection)) {
            throw new IllegalStateException("Cannot send " + request.api() + " to node " + request.nodeId() + ": its connection is "
                    + (connection == null ? "not open" : connection.state() + " with " + connection.inFlight.size() + " of "
                    + config.maxInFlightPerConnection() + " requests in flight") + "; send only after ready() answered true");
        }
        io.send(connection, request, false, nowMs);
    }

    @Override
    public void sendInternal(ClientRequest request, long nowMs) {
        ensureOpen();
        BrokerConnection connection = connections.get(request.nodeId());
        if (connection == null || !connections.canSendMore(connection)) {
            throw new IllegalStateException("Cannot send internal " + request.api() + " to node " + request.nodeId()
                    + ": check canSendRequest first");
        }
        io.send(connection, request, true, nowMs);
    }

    @Override
    public void poll(long timeoutMs, long nowMs) {
        ensureOpen();
        long metadataTimeoutMs = metadata.maybeUpdate(nowMs, this);
        long waitMs = Math.min(Math.max(timeoutMs, 0), metadataTimeoutMs);
        long nextDeadlineMs = io.nextDeadlineMs();
        if (nextDeadlineMs != Long.MAX_VALUE) {
            waitMs = Math.min(waitMs, Math.max(nextDeadlineMs - nowMs, 0));
        }
        for (BrokerConnection connection : connections.all()) {
            handshake.maybeReauthenticate(connection, nowMs);
        }
        if (io.hasCompletions()) {
            waitMs = 0;
        }
        try {
            transport.poll(waitMs, io);
        } catch (IOException e) {
            LOG.error("Unexpected error from the transport's poll; carrying on", e);
        }
        long afterMs = time.monotonicMs();
        io.closeBroken(afterMs);
        for (BrokerConnection connection : io.takeConnected()) {
            LOG.debug("Connected to {}; asking for its API versions", connection.describe());
            handshake.start(connection, afterMs);
        }
        io.expireRequests(afterMs);
        io.expireConnects(afterMs);
        complete(io.takeCompletions());
        retireBootstrapConnections(afterMs); // after the handlers: a metadata response may just have named the brokers
    }

    @Override
    public Node leastLoadedNode(long nowMs) {
        return leastLoaded(nowMs).node();
    }

    @Override
    public LeastLoadedNode leastLoaded(long nowMs) {
        return connections.leastLoaded(metadata.nodes(), nowMs);
    }

    @Override
    public boolean isAnyNodeConnecting() {
        return connections.isAnyConnecting();
    }

    @Override
    public boolean canConnect(Node node, long nowMs) {
        return connections.canConnect(node, nowMs);
    }

    @Override
    public void initiateConnect(Node node, long nowMs) {
        BrokerConnection connection = connections.of(node);
        if (connection.canConnect(nowMs)) {
            io.connect(connection, nowMs);
        }
    }

    @Override
    public int requestTimeoutMs() {
        return config.requestTimeoutMs();
    }

    @Override
    public long reconnectBackoffMs() {
        return config.reconnectBackoffMs();
    }

    @Override
    public void disconnect(int nodeId) {
        BrokerConnection connection = connections.get(nodeId);
        if (connection != null && !closed) {
            LOG.info("Closing the connection to {} on request", connection.describe());
            io.close(connection, "the producer closed the connection", null, time.monotonicMs());
        }
    }

    @Override
    public void wakeup() {
        transport.wakeup();
    }

    /** Closes every connection (in-flight requests fail, their handlers run now) and the transport. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        long nowMs = time.monotonicMs();
        for (BrokerConnection connection : List.copyOf(connections.all())) {
            io.close(connection, "the producer is closing", null, nowMs);
        }
        closed = true;
        complete(io.takeCompletions());
        transport.close();
    }

    /**
     * Bootstrap addresses served only to find the cluster: once metadata names the real brokers,
     * their connections are closed as soon as nothing is in flight on them.
     */
    private void retireBootstrapConnections(long nowMs) {
        if (!knowsRealBrokers()) {
            return;
        }
        Iterator<BrokerConnection> all = connections.all().iterator();
        while (all.hasNext()) {
            BrokerConnection connection = all.next();
            if (connection.id >= 0) {
                continue;
            }
            if (connection.state() != ConnectionState.DISCONNECTED && connection.inFlight.isEmpty()) {
                LOG.debug("Closing {}: the cluster's brokers are known now", connection.describe());
                io.close(connection, "bootstrap connection no longer needed", null, nowMs);
            }
            if (connection.state() == ConnectionState.DISCONNECTED && !connection.awaitingCloseReport()) {
                all.remove();
            }
        }
    }

    private boolean knowsRealBrokers() {
        List<Node> nodes = metadata.nodes();
        for (Node node : nodes) {
            if (node.id() < 0) {
                return false;
            }
        }
        return !nodes.isEmpty();
    }

    private void complete(List<ClientResponse> outcomes) {
        for (ClientResponse outcome : outcomes) {
            try {
                outcome.request().handler().onComplete(outcome);
            } catch (RuntimeException e) {
                LOG.error("A response handler for {} to node {} threw; continuing", outcome.api(), outcome.nodeId(), e);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The network client is closed");
        }
    }
}
