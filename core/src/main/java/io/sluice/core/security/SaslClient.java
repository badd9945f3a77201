package io.sluice.core.security;

/**
 * The client side of one SASL authentication with one mechanism: the first token, then one answer
 * per server token until the mechanism is complete. One instance per authentication (a
 * re-authentication takes a new one). Sluice's own small interface: the JDK's
 * {@code javax.security.sasl} would need a JAAS login and provider lookup for what are two short
 * message formats.
 *
 * <p>Used by one thread at a time (the sender thread); not thread-safe.
 */
public interface SaslClient {

    /** The mechanism's name as in {@code sasl.mechanism}, e.g. {@code SCRAM-SHA-256}. */
    String mechanismName();

    /** The first token, sent in the first SaslAuthenticate request. */
    byte[] initialResponse();

    /**
     * Answers the server's token.
     *
     * @return the next token to send, or {@code null} if the mechanism is complete and sends nothing more
     * @throws io.sluice.api.errors.SaslAuthenticationException if the server's token is malformed, reports an
     *         error, or fails the mechanism's checks (e.g. a SCRAM server signature that does not match)
     */
    byte[] evaluateChallenge(byte[] challenge);

    /** Whether the mechanism has finished on the client's side. */
    boolean isComplete();
}
