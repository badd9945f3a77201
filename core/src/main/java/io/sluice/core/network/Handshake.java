package io.sluice.core.network;

import io.sluice.api.errors.SluiceException;
import io.sluice.api.errors.UnsupportedVersionException;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.ApiVersionsResponse;
import io.sluice.core.protocol.Errors;
import io.sluice.core.protocol.NegotiatedVersions;
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
 * and the next attempt waits the longest reconnect backoff instead of storming the broker.
 *
 * <p>Owned by the sender thread; its handlers run during {@link NetworkClient#poll}.
 */
final class Handshake {

    private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);

    /** The first ApiVersions version tried: flexible, carries the client software name (KIP-511). */
    static final short FIRST_API_VERSIONS_VERSION = 3;

    private final ConnectionIo io;
    private final Authenticator authenticator;
    private final int requestTimeoutMs;

    Handshake(ConnectionIo io, Authenticator authenticator, int requestTimeoutMs) {
        this.io = io;
        this.authenticator = authenticator;
        this.requestTimeoutMs = requestTimeoutMs;
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
        AuthenticationExchange exchange = authenticator.begin(connection.node(), versions);
        if (exchange == null) {
            connection.ready(versions);
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
            connection.ready(connection.versions());
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
