package io.sluice.core.network;

/**
 * One request written to (or queued on) a connection and not yet finished: the caller's request,
 * the correlation id it went out with, and when it was handed to the transport.
 *
 * <p>Owned by the sender thread; immutable but for {@link #markSent()}.
 */
final class InFlightRequest {

    final ClientRequest request;
    final int correlationId;
    final long sendMs;
    /** True for requests the client makes itself (ApiVersions, authentication, metadata). */
    final boolean internal;
    private boolean sent;

    InFlightRequest(ClientRequest request, int correlationId, long sendMs, boolean internal) {
        this.request = request;
        this.correlationId = correlationId;
        this.sendMs = sendMs;
        this.internal = internal;
    }

    /** When this request has waited too long for its response. */
    long deadlineMs() {
        long deadline = sendMs + request.requestTimeoutMs();
        return deadline < sendMs ? Long.MAX_VALUE : deadline;
    }

    boolean isSent() {
        return sent;
    }

    void markSent() {
        sent = true;
    }

    /** E.g. {@code Produce v9 (correlation id 12)}, for messages. */
    String describe() {
        return request.api() + " v" + request.version() + " (correlation id " + correlationId + ")";
    }

    @Override
    public String toString() {
        return describe() + " to node " + request.nodeId();
    }
}
