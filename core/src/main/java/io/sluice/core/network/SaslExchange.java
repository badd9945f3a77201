package io.sluice.core.network;

import io.sluice.api.Node;
import io.sluice.api.errors.SaslAuthenticationException;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.Errors;
import io.sluice.core.protocol.NegotiatedVersions;
import io.sluice.core.protocol.ResponseBody;
import io.sluice.core.protocol.SaslAuthenticateRequest;
import io.sluice.core.protocol.SaslAuthenticateResponse;
import io.sluice.core.protocol.SaslHandshakeRequest;
import io.sluice.core.protocol.SaslHandshakeResponse;
import io.sluice.core.security.SaslClient;

/**
 * One SASL authentication of one connection, as Kafka's client runs it after ApiVersions:
 * SaslHandshake v1 naming the mechanism, then SaslAuthenticate requests carrying the mechanism's
 * tokens until it is complete (PLAIN: one round; SCRAM: two). Every refusal is a
 * {@link SaslAuthenticationException} naming the broker, the broker's reason and the setting to check
 * (UNSUPPORTED_SASL_MECHANISM with the mechanisms the listener enables; ILLEGAL_SASL_STATE, which a
 * listener without SASL answers; SASL_AUTHENTICATION_FAILED with the broker's message). Credentials
 * never appear in a message.
 *
 * <p>Used by the sender thread only, through {@link Handshake}.
 */
final class SaslExchange implements AuthenticationExchange {

    private final Node node;
    private final SaslClient client;
    private final short authenticateVersion;
    private final String what;
    private boolean handshakeSent;
    private byte[] pendingToken;
    private long sessionLifetimeMs;

    /**
     * @throws SaslAuthenticationException if the broker does not offer SaslHandshake v1 and SaslAuthenticate
     */
    SaslExchange(Node node, SaslClient client, NegotiatedVersions versions, boolean reauthentication) {
        this.node = node;
        this.client = client;
        this.what = "SASL " + (reauthentication ? "re-authentication" : "authentication") + " with "
                + BrokerConnection.describe(node) + " (sasl.mechanism=" + client.mechanismName() + ")";
        if (!versions.isUsable(ApiKeys.SASL_HANDSHAKE) || !versions.isUsable(ApiKeys.SASL_AUTHENTICATE)) {
            throw new SaslAuthenticationException(what + " is impossible: the broker does not offer SaslHandshake v1 and "
                    + "SaslAuthenticate (Kafka 1.0 or later has them). Is security.protocol right for this listener?");
        }
        this.authenticateVersion = versions.version(ApiKeys.SASL_AUTHENTICATE);
    }

    @Override
    public Step next() {
        if (!handshakeSent) {
            handshakeSent = true;
            return new Step(ApiKeys.SASL_HANDSHAKE, (short) 1, new SaslHandshakeRequest(client.mechanismName()));
        }
        if (pendingToken != null) {
            byte[] token = pendingToken;
            pendingToken = null;
            return new Step(ApiKeys.SASL_AUTHENTICATE, authenticateVersion, new SaslAuthenticateRequest(token));
        }
        if (!client.isComplete()) {
            throw new SaslAuthenticationException(what + " failed: the exchange ended before " + client.mechanismName()
                    + " was complete on the client's side");
        }
        return null;
    }

    @Override
    public void onResponse(ResponseBody response) {
        try {
            if (response instanceof SaslHandshakeResponse handshake) {
                onHandshake(handshake);
            } else if (response instanceof SaslAuthenticateResponse authenticate) {
                onAuthenticate(authenticate);
            } else {
                throw new IllegalStateException("Unexpected " + response.getClass().getSimpleName() + " in " + what);
            }
        } catch (SaslAuthenticationException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(what)) {
                throw e;
            }
            throw new SaslAuthenticationException(what + " failed: " + e.getMessage(), e);
        }
    }

    private void onHandshake(SaslHandshakeResponse answer) {
        Errors error = Errors.forCode(answer.errorCode());
        if (error == Errors.UNSUPPORTED_SASL_MECHANISM) {
            throw new SaslAuthenticationException(what + " failed: UNSUPPORTED_SASL_MECHANISM: the listener does not enable "
                    + client.mechanismName() + "; it enables " + answer.mechanisms() + ". Set sasl.mechanism to one of those, "
                    + "with its login module in sasl.jaas.config");
        }
        if (error == Errors.ILLEGAL_SASL_STATE) {
            throw new SaslAuthenticationException(what + " failed: ILLEGAL_SASL_STATE: the listener at " + node.host() + ":"
                    + node.port() + " does not expect SASL now (mechanisms it enables: " + answer.mechanisms() + "); "
                    + "check that security.protocol matches the listener (a PLAINTEXT or SSL listener does not use SASL)");
        }
        if (answer.errorCode() != 0) {
            throw new SaslAuthenticationException(what + " failed: the broker answered SaslHandshake with "
                    + Errors.exceptionFor(answer.errorCode(), null).getMessage());
        }
        pendingToken = client.initialResponse();
    }

    private void onAuthenticate(SaslAuthenticateResponse answer) {
        if (answer.errorCode() == Errors.SASL_AUTHENTICATION_FAILED.code()) {
            throw new SaslAuthenticationException(what + " failed: SASL_AUTHENTICATION_FAILED: "
                    + (answer.errorMessage() == null ? "the broker refused the credentials" : answer.errorMessage())
                    + ". Check the username and password in sasl.jaas.config, and that the broker has this user for "
                    + client.mechanismName());
        }
        if (answer.errorCode() != 0) {
            throw new SaslAuthenticationException(what + " failed: the broker answered SaslAuthenticate with "
                    + Errors.exceptionFor(answer.errorCode(), answer.errorMessage()).getMessage());
        }
        sessionLifetimeMs = answer.sessionLifetimeMs();
        if (!client.isComplete()) {
            pendingToken = client.evaluateChallenge(answer.authBytes());
        }
    }

    @Override
    public long sessionLifetimeMs() {
        return sessionLifetimeMs;
    }

    @Override
    public String toString() {
        return what;
    }
}
