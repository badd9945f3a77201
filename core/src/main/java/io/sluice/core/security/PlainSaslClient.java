package io.sluice.core.security;

import io.sluice.api.errors.SaslAuthenticationException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * SASL PLAIN (RFC 4616) as Kafka's client sends it: one token {@code authzid NUL authcid NUL passwd}
 * in UTF-8 with an empty authorization id, so the broker authorizes the user who logs in. Complete
 * once the token is out; the broker's answer carries no bytes. The password travels as it is:
 * use it over TLS ({@code SASL_SSL}).
 *
 * <p>Mutable (complete after the first token); one authentication, one thread.
 */
final class PlainSaslClient implements SaslClient {

    private final String username;
    private final String password;
    private boolean complete;

    PlainSaslClient(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    @Override
    public String mechanismName() {
        return SaslMechanism.PLAIN.mechanismName();
    }

    @Override
    public byte[] initialResponse() {
        complete = true;
        return ("\0" + username + "\0" + password).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        if (!complete) {
            throw new IllegalStateException("PLAIN sends its only token first; call initialResponse()");
        }
        if (challenge.length != 0) {
            throw new SaslAuthenticationException("The broker answered the PLAIN token with " + challenge.length
                    + " bytes where PLAIN expects none; is the listener's mechanism really PLAIN?");
        }
        return null;
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    @Override
    public String toString() {
        return "PlainSaslClient[complete=" + complete + "]";
    }
}
