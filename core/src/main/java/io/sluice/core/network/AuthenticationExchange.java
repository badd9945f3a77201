package io.sluice.core.network;

import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.RequestBody;
import io.sluice.core.protocol.ResponseBody;

/**
 * One connection's authentication, step by step: {@link NetworkClient} sends each {@link #next()}
 * request on the connection and hands back its response, until {@code next()} says it is done.
 * A failure closes the connection and backs off fully before the next attempt; an
 * {@link io.sluice.api.errors.AuthenticationException} is fatal for the sends waiting on that broker.
 *
 * <p>Used by the sender thread only.
 */
public interface AuthenticationExchange {

    /** One request of the exchange. */
    record Step(ApiKeys api, short version, RequestBody body) {
    }

    /** The next request to send, or {@code null} once authenticated. */
    Step next();

    /**
     * The broker's answer to the last step.
     *
     * @throws io.sluice.api.errors.AuthenticationException if the broker refused; the connection is closed
     */
    void onResponse(ResponseBody response);

    /**
     * Once authenticated: how long (ms) the broker keeps the session, after which the connection must
     * re-authenticate (KIP-368; the broker's {@code connections.max.reauth.ms}), or 0 for no limit.
     */
    default long sessionLifetimeMs() {
        return 0;
    }
}
