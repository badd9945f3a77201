package io.sluice.core.network;

import io.sluice.api.errors.SluiceException;
import io.sluice.api.errors.UnsupportedVersionException;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.ApiVersionsResponse;
import io.sluice.core.protocol.Errors;
import io.sluice.core.protocol.NegotiatedVersions;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a freshly connected broker to {@link ConnectionState#READY}: sends ApiVersions v3 (with
 * Sluice's software name and version), falls back to the version the broker names after
 * UNSUPPORTED_VERSION (KIP-511), agrees versions with {@link NegotiatedVersions}, checks the broker
 * has what Sluice cannot do without (Produce v3+, Metadata v1+), then runs the
 * {@link Authenticator}'s exchange if it has one.
 *
 * <p>A broker lacking a required API is a configuration problem that retrying soon cannot fix: the
 * connection is closed with an {@link UnsupportedVersionException} naming the broker, the API and
 * both version ranges (logged, and passed to the metadata layer so a waiting {@code send} reports it),
 * and the next attempt waits the longest reconnect backoff instead of storming the broker. An
 * authentication failure is handled the same way, and is fatal for what waits on that broker.
 *
 * <p>Re-authentication (KIP-368): when the exchange reports a session lifetime, the ready connection
 * re-authenticates at a random point between 85% and 95% of it (Kafka's client rule: room for
 * latency and clock drift, spread so that many connections do not re-authenticate at once). Meanwhile
 * the connection takes no new requests; those in flight carry on, their responses arriving before
 * the SaslHandshake's since a broker answers a connection's requests in order.
 *
 * <p>Owned by the sender thread; its handlers run during {@link NetworkClient#poll}.
 */
final class Handshake {

    private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);

    /** The first ApiVersions version tried: flexible, carries the client software name (KIP-511). */
    static final short FIRST_API_VERSIONS_VERSION = 3;

    /** Kafka's client re-authenticates between 85% and 95% of the session lifetime. */
    static final double REAUTHENTICATE_AT = 0.85;
    static final double REAUTHENTICATE_JITTER = 0.10;

    /** Told each connection that becomes ready (after authentication, if any), inline. */
    @FunctionalInterface
    interface ReadyListener {
        void ready(BrokerConnection connection, long nowMs);
    }

    private final ConnectionIo io;
    private final Authenticator authenticator;
    private final int requestTimeoutMs;
    private final Random random;
    private final ReadyListener onReady;

    Handshake(ConnectionIo io, Authenticator authenticator, int requestTimeoutMs, Random random, ReadyListener onReady) {
        this.io = io;
        this.authenticator = authenticator;
        this.requestTimeoutMs = requestTimeoutMs;
        this.random = random;
        this.onReady = onReady;
    }

    /** The connection is established: ask for the broker's versions. */
    void start(BrokerConnection connection, long nowMs) {
        connection.checkingApiVersions();
        sendApiVersions(connection, FIRST_API_VERSIONS_VERSION, nowMs);
    }

    private void sendApiVersions(BrokerConnection connection, short version, long nowMs) {
        ClientRequest request = new ClientRequest(connection.id, ApiKeys.API_VERSIONS, version, ClientSoftware.apiVersionsRequest(),
                true, nowMs, requestTimeoutMs, response -> onApiVersions(connection, response));
        io.send(connection, request, true, nowMs);
    }

    private void onApiVersions(BrokerConnection connection, ClientResponse response) {
        if (response.failed() || connection.state() != ConnectionState.CHECKING_API_VERSIONS) {
            return; // the connection was closed, and its failure reported, by whatever failed the request
        }
        long nowMs = response.receivedMs();
        ApiVersionsResponse answer = (ApiVersionsResponse) response.body();
        short sent = response.request().version();
        if (answer.errorCode() == Errors.UNSUPPORTED_VERSION.code() && sent > 0) {
            short retry = answer.retryVersion();
            if (retry >= 0 && retry < sent) {
                LOG.debug("{} does not speak ApiVersions v{}; asking again with v{}", connection.describe(), sent, retry);
                sendApiVersions(connection, retry, nowMs);
                return;
            }
            fail(connection, new UnsupportedVersionException(connection.describe() + " answered ApiVersions v" + sent
                    + " with UNSUPPORTED_VERSION but names no older version Sluice speaks (" + answer.rangeOf(ApiKeys.API_VERSIONS)
                    + "; Sluice speaks v" + ApiKeys.API_VERSIONS.oldestVersion + "–v" + ApiKeys.API_VERSIONS.latestVersion
                    + "). Is it a Kafka broker?"), true, nowMs);
            return;
        }
        if (answer.errorCode() != Errors.NONE.code()) {
            fail(connection, Errors.exceptionFor(answer.errorCode(), "ApiVersions v" + sent + " to " + connection.describe()),
                    false, nowMs);
            return;
        }
        NegotiatedVersions versions = NegotiatedVersions.of(answer);
        try {
            versions.require(ApiKeys.PRODUCE, ApiKeys.METADATA);
        } catch (UnsupportedVersionException e) {
            fail(connection, new UnsupportedVersionException(connection.describe() + " cannot be used by Sluice: " + e.getMessage()
                    + ". Sluice retries this broker only every reconnect.backoff.max.ms", e), true, nowMs);
            return;
        }
        connection.negotiated(versions);
        LOG.debug("{} negotiated {}", connection.describe(), versions);
        AuthenticationExchange exchange;
        try {
            exchange = authenticator.begin(connection.node(), versions);
        } catch (RuntimeException e) {
            fail(connection, e, true, nowMs);
            return;
        }
        if (exchange == null) {
            connection.ready(versions);
            onReady.ready(connection, nowMs);
        } else {
            connection.authenticating(exchange);
            nextAuthenticationStep(connection, nowMs);
        }
    }

    private void nextAuthenticationStep(BrokerConnection connection, long nowMs) {
        AuthenticationExchange exchange = connection.authentication();
        AuthenticationExchange.Step step;
        try {
            step = exchange.next();
        } catch (RuntimeException e) {
            fail(connection, e, true, nowMs);
            return;
        }
        if (step == null) {
            authenticated(connection, exchange, nowMs);
            return;
        }
        ClientRequest request = new ClientRequest(connection.id, step.api(), step.version(), step.body(), true, nowMs,
                requestTimeoutMs, response -> onAuthenticationResponse(connection, exchange, response));
        io.send(connection, request, true, nowMs);
    }

    private void onAuthenticationResponse(BrokerConnection connection, AuthenticationExchange exchange, ClientResponse response) {
        if (response.failed() || connection.state() != ConnectionState.AUTHENTICATING || connection.authentication() != exchange) {
            return;
        }
        try {
            exchange.onResponse(response.body());
        } catch (RuntimeException e) {
            fail(connection, e, true, response.receivedMs());
            return;
        }
        nextAuthenticationStep(connection, response.receivedMs());
    }

    private void authenticated(BrokerConnection connection, AuthenticationExchange exchange, long nowMs) {
        boolean again = connection.isReauthenticating();
        connection.ready(connection.versions());
        long lifetimeMs = exchange.sessionLifetimeMs();
        long reauthenticateAtMs = lifetimeMs > 0 ? nowMs + reauthenticationDelayMs(lifetimeMs) : Long.MAX_VALUE;
        connection.reauthenticateAt(reauthenticateAtMs);
        LOG.debug("{} {}{}", again ? "Re-authenticated" : "Authenticated", exchange,
                lifetimeMs > 0 ? "; session lasts " + lifetimeMs + " ms, re-authenticating in "
                        + (reauthenticateAtMs - nowMs) + " ms" : "");
        onReady.ready(connection, nowMs);
    }

    /** A random point between 85% and 95% of {@code lifetimeMs}, as Kafka's client picks. */
    long reauthenticationDelayMs(long lifetimeMs) {
        return (long) (lifetimeMs * (REAUTHENTICATE_AT + random.nextDouble() * REAUTHENTICATE_JITTER));
    }

    /** Starts re-authenticating {@code connection} if it is ready and its session is due (KIP-368). */
    void maybeReauthenticate(BrokerConnection connection, long nowMs) {
        if (connection.state() != ConnectionState.READY || nowMs < connection.reauthenticationDueMs()) {
            return;
        }
        AuthenticationExchange exchange;
        try {
            exchange = authenticator.reauthenticate(connection.node(), connection.versions());
        } catch (RuntimeException e) {
            fail(connection, e, true, nowMs);
            return;
        }
        if (exchange == null) {
            connection.reauthenticateAt(Long.MAX_VALUE);
            return;
        }
        LOG.debug("Re-authenticating {} before its session expires ({} requests in flight carry on)", connection.describe(),
                connection.inFlight.size());
        connection.reauthenticating(exchange);
        nextAuthenticationStep(connection, nowMs);
    }

    /** Closes the connection because of {@code failure}; {@code backOffFully} when retrying soon cannot help. */
    private void fail(BrokerConnection connection, RuntimeException failure, boolean backOffFully, long nowMs) {
        RuntimeException reported = failure instanceof SluiceException ? failure
                : new SluiceException(connection.describe() + ": " + failure.getMessage(), failure);
        if (backOffFully) {
            LOG.error("Closing the connection to {}: {}", connection.describe(), reported.getMessage());
        } else {
            LOG.warn("Closing the connection to {}: {}", connection.describe(), reported.getMessage());
        }
        io.close(connection, reported.getMessage(), reported, nowMs);
        if (backOffFully) {
            connection.backOffFully();
        }
    }
}
