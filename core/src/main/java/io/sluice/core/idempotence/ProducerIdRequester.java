package io.sluice.core.idempotence;

import io.sluice.api.Node;
import io.sluice.api.errors.ApiException;
import io.sluice.api.errors.ClusterAuthorizationException;
import io.sluice.core.network.ClientRequest;
import io.sluice.core.network.ClientResponse;
import io.sluice.core.network.KafkaClient;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.Errors;
import io.sluice.core.protocol.InitProducerIdRequest;
import io.sluice.core.protocol.InitProducerIdResponse;
import io.sluice.core.time.ExponentialBackoff;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a producer id and epoch with {@code InitProducerId} (no transactional id: any broker answers),
 * retrying retriable failures with backoff; a refusal the producer cannot get past (no
 * IdempotentWrite permission) is reported as fatal. Sender thread only.
 */
final class ProducerIdRequester {

    private static final Logger log = LoggerFactory.getLogger(ProducerIdRequester.class);

    private final int requestTimeoutMs;
    private final ExponentialBackoff backoff;
    private final Consumer<ProducerIdAndEpoch> onGranted;
    private final Consumer<RuntimeException> onFatal;
    private boolean inFlight;
    private int failures;
    private long nextAttemptMs;

    ProducerIdRequester(int requestTimeoutMs, ExponentialBackoff backoff, Consumer<ProducerIdAndEpoch> onGranted,
                        Consumer<RuntimeException> onFatal) {
        this.requestTimeoutMs = requestTimeoutMs;
        this.backoff = backoff;
        this.onGranted = onGranted;
        this.onFatal = onFatal;
    }

    /** Sends the request if none is in flight, the backoff allows and a broker is ready. */
    void maybeSend(KafkaClient client, long nowMs) {
        if (inFlight || nowMs < nextAttemptMs) {
            return;
        }
        Node node = client.leastLoadedNode(nowMs);
        if (node == null || !client.ready(node, nowMs)) {
            return; // connecting; the next loop looks again
        }
        short version = client.apiVersion(node.id(), ApiKeys.INIT_PRODUCER_ID, ApiKeys.INIT_PRODUCER_ID.latestVersion);
        if (version < 0) {
            return;
        }
        inFlight = true;
        client.send(new ClientRequest(node.id(), ApiKeys.INIT_PRODUCER_ID, version,
                InitProducerIdRequest.idempotent(Integer.MAX_VALUE), true, nowMs, requestTimeoutMs, this::onResponse), nowMs);
    }

    private void onResponse(ClientResponse response) {
        inFlight = false;
        if (response.failed()) {
            retryLater(response.receivedMs(), response.failure().getMessage());
            return;
        }
        InitProducerIdResponse body = (InitProducerIdResponse) response.body();
        Errors error = Errors.forCode(body.errorCode());
        if (error == Errors.NONE) {
            failures = 0;
            ProducerIdAndEpoch granted = new ProducerIdAndEpoch(body.producerId(), body.producerEpoch());
            log.info("Producer id {} and epoch {} granted by broker {}", granted.producerId(), granted.epoch(), response.nodeId());
            onGranted.accept(granted);
            return;
        }
        ApiException exception = Errors.exceptionFor(body.errorCode(), "InitProducerId on broker " + response.nodeId());
        if (exception instanceof ClusterAuthorizationException) {
            onFatal.accept(new ClusterAuthorizationException("The broker refused to give this producer a producer id: "
                    + exception.getMessage() + ". An idempotent producer needs the IdempotentWrite permission on the "
                    + "cluster; grant it, or set enable.idempotence=false.", exception));
        } else if (error != null && error.retriable()) {
            retryLater(response.receivedMs(), exception.getMessage());
        } else {
            onFatal.accept(exception);
        }
    }

    private void retryLater(long nowMs, String why) {
        long wait = backoff.backoff(failures++);
        nextAttemptMs = nowMs + wait;
        log.debug("InitProducerId failed ({}); retrying in {} ms", why, wait);
    }
}
