package io.sluice.core.send;

import io.sluice.api.TopicPartition;
import io.sluice.api.errors.ApiException;
import io.sluice.api.errors.BrokerException;
import io.sluice.api.errors.InvalidMetadataException;
import io.sluice.api.errors.InvalidRecordException;
import io.sluice.api.errors.NetworkException;
import io.sluice.api.errors.SluiceException;
import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.network.ClientResponse;
import io.sluice.core.network.ResponseHandler;
import io.sluice.core.protocol.Errors;
import io.sluice.core.protocol.ProduceResponse;
import io.sluice.core.protocol.ProduceResponse.PartitionResponse;
import io.sluice.core.protocol.ProduceResponse.TopicResponse;
import io.sluice.core.time.Time;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns the answer to one produce request into the fate of each of its batches: acknowledged,
 * retried (refreshing metadata where the error says the leader moved), split (MESSAGE_TOO_LARGE),
 * or failed with an exception that names the partition, the broker and the error.
 * Runs on the sender thread, as the request's {@link ResponseHandler}.
 */
final class ProduceResponseHandler implements ResponseHandler {

    private final Map<TopicPartition, ProducerBatch> batches;
    /** Topic ids of the request, for v13+ responses that name topics by id only. */
    private final Map<UUID, String> topicNames;
    private final BatchCompletion completion;
    private final DeliveryGuarantee delivery;
    private final BatchSplitter splitter;
    private final SenderMetrics metrics;
    private final Runnable requestMetadataUpdate;
    private final Time time;

    ProduceResponseHandler(Map<TopicPartition, ProducerBatch> batches, Map<UUID, String> topicNames,
                           BatchCompletion completion, DeliveryGuarantee delivery,
                           BatchSplitter splitter, SenderMetrics metrics, Runnable requestMetadataUpdate, Time time) {
        this.batches = batches;
        this.topicNames = topicNames;
        this.completion = completion;
        this.delivery = delivery;
        this.splitter = splitter;
        this.metrics = metrics;
        this.requestMetadataUpdate = requestMetadataUpdate;
        this.time = time;
    }

    @Override
    public void onComplete(ClientResponse response) {
        try {
            handle(response);
        } catch (RuntimeException e) {
            // A bug here must not leave records waiting forever: fail whatever is not done yet.
            long nowMs = time.monotonicMs();
            for (ProducerBatch batch : batches.values()) {
                if (!batch.isDone() && !batch.inRetry()) {
                    completion.fail(batch, new SluiceException("Internal error handling the produce response for "
                            + batch.topicPartition() + ": " + e, e), nowMs);
                }
            }
            throw e;
        } finally {
            // the request is finished with: the bytes of completed batches may be reused now
            for (ProducerBatch batch : batches.values()) {
                completion.release(batch);
            }
        }
    }

    private void handle(ClientResponse response) {
        long nowMs = time.monotonicMs();
        if (response.failed()) {
            // No answer (disconnect, timeout, undecodable frame): every batch may be retried.
            RuntimeException cause = response.failure();
            for (ProducerBatch batch : batches.values()) {
                onBatchError(batch, Errors.NETWORK_EXCEPTION, asApiException(cause, batch, response.nodeId()), -1, nowMs);
            }
            requestMetadataUpdate.run();
            return;
        }
        if (response.body() == null) {
            // acks=0: the broker sends nothing back; the records count as sent once written.
            for (ProducerBatch batch : batches.values()) {
                completion.succeed(batch, -1, -1);
            }
            return;
        }
        ProduceResponse produce = (ProduceResponse) response.body();
        metrics.response(response.nodeId(), response.latencyMs(), produce.throttleTimeMs(), nowMs);
        Set<ProducerBatch> answered = new HashSet<>();
        for (TopicResponse topic : produce.topics()) {
            for (PartitionResponse p : topic.partitions()) {
                String name = topic.name() != null ? topic.name() : topicNames.get(topic.topicId());
                ProducerBatch batch = name == null ? null : batches.get(new TopicPartition(name, p.index()));
                if (batch != null && answered.add(batch)) {
                    onPartitionResponse(batch, p, response.nodeId(), nowMs);
                }
            }
        }
        // A partition the broker did not answer for is a broker bug; don't leave its batch hanging.
        for (ProducerBatch batch : batches.values()) {
            if (!answered.contains(batch)) {
                completion.fail(batch, new BrokerException("Broker " + response.nodeId()
                        + " answered the produce request without a result for " + batch.topicPartition()), nowMs);
            }
        }
    }

    private void onPartitionResponse(ProducerBatch batch, PartitionResponse p, int nodeId, long nowMs) {
        Errors error = Errors.forCode(p.errorCode());
        if (error == Errors.NONE) {
            completion.succeed(batch, p.baseOffset(), p.logAppendTimeMs());
            return;
        }
        ApiException exception = error == null
                ? Errors.exceptionFor(p.errorCode(), describe(batch, nodeId, p.errorMessage()))
                : error.exception(describe(batch, nodeId, p.errorMessage()));
        if (!p.recordErrors().isEmpty()) {
            exception = new InvalidRecordException(exception.getMessage() + "; records refused: " + p.recordErrors().stream()
                    .map(r -> "#" + r.batchIndex() + (r.errorMessage() == null ? "" : " (" + r.errorMessage() + ")"))
                    .collect(Collectors.joining(", ")), exception);
        }
        onBatchError(batch, error, exception, p.logStartOffset(), nowMs);
    }

    private void onBatchError(ProducerBatch batch, Errors error, ApiException exception, long logStartOffset, long nowMs) {
        if (batch.isDone()) {
            return; // expired meanwhile; its records were told already
        }
        if (error == Errors.MESSAGE_TOO_LARGE && batch.recordCount() > 1 && completion.attemptsLeft(batch, nowMs)) {
            completion.split(batch, splitter, nowMs);
            return;
        }
        DeliveryGuarantee.Verdict verdict = error == null ? DeliveryGuarantee.Verdict.DEFAULT
                : delivery.onError(batch, error, logStartOffset);
        switch (verdict) {
            case SUCCEED -> completion.succeed(batch, -1, -1);
            case FAIL -> completion.fail(batch, exception, nowMs);
            case RETRY -> retryOrFail(batch, exception, completion.attemptsLeft(batch, nowMs), nowMs);
            case DEFAULT -> retryOrFail(batch, exception, completion.canRetry(batch, exception, nowMs), nowMs);
            default -> throw new IllegalStateException("Unknown verdict " + verdict);
        }
    }

    private void retryOrFail(ProducerBatch batch, ApiException exception, boolean retry, long nowMs) {
        if (exception instanceof InvalidMetadataException) {
            requestMetadataUpdate.run(); // the leader moved or the topic changed: look again before retrying
        }
        if (retry) {
            completion.retry(batch, nowMs);
        } else {
            completion.fail(batch, exception, nowMs);
        }
    }

    private static String describe(ProducerBatch batch, int nodeId, String brokerMessage) {
        return "Produce of " + batch.recordCount() + " record(s) to " + batch.topicPartition() + " on broker " + nodeId
                + (brokerMessage == null || brokerMessage.isEmpty() ? "" : " failed: " + brokerMessage);
    }

    private static ApiException asApiException(RuntimeException cause, ProducerBatch batch, int nodeId) {
        if (cause instanceof ApiException api) {
            return api;
        }
        return new NetworkException("Produce of " + batch.recordCount() + " record(s) to "
                + batch.topicPartition() + " on broker " + nodeId + " got no response: " + cause.getMessage(), cause);
    }
}
