package io.sluice.core.network;

import io.sluice.api.Node;
import io.sluice.core.protocol.NegotiatedVersions;

/**
 * The seam for authenticating a new connection once its versions are agreed (SASL later: a
 * SaslHandshake then SaslAuthenticate rounds). {@link #NONE} skips the
 * {@link ConnectionState#AUTHENTICATING} step; it is the only implementation so far.
 *
 * <p>Called on the sender thread; must not block.
 */
@FunctionalInterface
public interface Authenticator {

    /** Plain connections: nothing to do, the connection is ready once versions are agreed. */
    Authenticator NONE = (node, versions) -> null;

    /**
     * Starts authenticating a connection to {@code node}.
     *
     * @return the exchange to run, or {@code null} if this connection needs none
     */
    AuthenticationExchange begin(Node node, NegotiatedVersions versions);
}
