package io.sluice.core.network;

import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.ResponseBody;

/**
 * The outcome of a {@link ClientRequest}: a decoded response, or why there is none.
 *
 * @param request      the request
 * @param receivedMs   when the outcome was known
 * @param body         the decoded response; {@code null} if {@link #failure} is set or no response
 *                     was expected ({@code acks=0})
 * @param failure      {@code null} on a response; otherwise a {@link io.sluice.api.errors.NetworkException}
 *                     (disconnect, undecodable frame), a {@link io.sluice.api.errors.TimeoutException}
 *                     (no response within the request timeout), or another {@code SluiceException}
 *                     (e.g. an authentication failure) saying what happened
 */
public record ClientResponse(ClientRequest request, long receivedMs, ResponseBody body, RuntimeException failure) {

    public ApiKeys api() {
        return request.api();
    }

    public int nodeId() {
        return request.nodeId();
    }

    /** Whether the request failed without a response. */
    public boolean failed() {
        return failure != null;
    }

    /** The time from creating the request to knowing its outcome. */
    public long latencyMs() {
        return receivedMs - request.createdMs();
    }
}
