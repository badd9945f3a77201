package io.sluice.core.network;

import io.sluice.api.Node;
import io.sluice.core.protocol.NegotiatedVersions;

/**
 * The seam for authenticating a connection once its versions are agreed, and for re-authenticating
 * it before its session expires (KIP-368). {@link #NONE} skips the
 * {@link ConnectionState#AUTHENTICATING} step (PLAINTEXT and SSL); {@link SaslAuthenticator} runs a
 * SaslHandshake then SaslAuthenticate rounds (SASL_PLAINTEXT and SASL_SSL).
 *
 * <p>Called on the sender thread; must not block.
 */
@FunctionalInterface
public interface Authenticator {

    /** Plain connections: nothing to do, the connection is ready once versions are agreed. */
    Authenticator NONE = (node, versions) -> null;

    /**
     * Starts authenticating a connection to {@code node}: a new connection, or a ready one whose session
     * is about to expire (each call a fresh exchange).
     *
     * @return the exchange to run, or {@code null} if this connection needs none
     */
    AuthenticationExchange begin(Node node, NegotiatedVersions versions);

    /**
     * Starts re-authenticating a ready connection to {@code node} whose session is about to expire
     * (KIP-368); the same as {@link #begin} unless the mechanism words its messages differently.
     */
    default AuthenticationExchange reauthenticate(Node node, NegotiatedVersions versions) {
        return begin(node, versions);
    }
}
