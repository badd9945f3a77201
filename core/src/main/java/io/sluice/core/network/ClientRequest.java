package io.sluice.core.network;

import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.RequestBody;

/**
 * A request to one broker, built for the version negotiated with it (see
 * {@link KafkaClient#apiVersion}).
 *
 * @param nodeId           the broker
 * @param api              the API
 * @param version          the version the body was built for
 * @param body             the request body
 * @param expectResponse   false for {@code acks=0} produce requests: the broker sends nothing back, so the
 *                         handler is called once the request is written to the socket
 * @param createdMs        when the caller made the request (for latency metrics)
 * @param requestTimeoutMs how long to wait for the response before failing the request and closing
 *                         the connection ({@code request.timeout.ms}, or less for a batch near its
 *                         {@code delivery.timeout.ms})
 * @param handler          told the outcome, once, on the sender thread
 */
public record ClientRequest(int nodeId, ApiKeys api, short version, RequestBody body, boolean expectResponse,
                            long createdMs, int requestTimeoutMs, ResponseHandler handler) {
}
