package io.sluice.core.send;

import io.sluice.api.Node;
import io.sluice.api.TopicPartition;
import io.sluice.api.errors.AuthenticationException;
import io.sluice.api.errors.ProducerClosedException;
import io.sluice.api.errors.SluiceException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.core.accumulate.PartitionLeaders;
import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.accumulate.ProducerBatch.CompletionListener;
import io.sluice.core.accumulate.ReadyResult;
import io.sluice.core.accumulate.RecordAccumulator;
import io.sluice.core.network.ClientRequest;
import io.sluice.core.network.KafkaClient;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.ProduceRequest;
import io.sluice.core.protocol.Uuids;
import io.sluice.core.time.Time;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's sender thread: takes ready batches from the accumulator, groups them by the
 * leader's broker into ONE produce request per broker (across topics and partitions), sends them,
 * and hands each answer to a {@link ProduceResponseHandler}; expires batches past
 * {@code delivery.timeout.ms}; on close, delivers what is buffered (or fails it, when forced).
 *
 * <p>Owns the {@link KafkaClient} and everything in flight; runs on one thread named
 * {@code sluice-producer-network-thread-<client.id>}. Other threads talk to it only through
 * {@link #wakeup()}, {@link #initiateClose()} and {@link #forceClose()}. {@link #runOnce()} is
 * steppable for tests.
 */
public final class Sender implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    private final KafkaClient client;
    private final RecordAccumulator accumulator;
    private final ClusterSource cluster;
    private final DeliveryGuarantee delivery;
    private final SenderConfig config;
    private final SenderMetrics metrics;
    private final Time time;
    private final InFlightBatches inFlight = new InFlightBatches();
    private final BatchCompletion completion;
    private final BatchSplitter splitter;

    /**
     * When the next batch becomes sendable (its linger or retry backoff ends), in monotonic ms, if that
     * is what the last turn's poll timeout waits for; else {@link Long#MAX_VALUE}. Sender thread only.
     */
    private long sendableAtMs = Long.MAX_VALUE;
    private final SubMillisecondWait subMsWait;

    private volatile boolean running = true;
    private volatile boolean forceClose;
    private volatile Thread thread;

    public Sender(KafkaClient client, RecordAccumulator accumulator, ClusterSource cluster, DeliveryGuarantee delivery,
                  SenderConfig config, SenderMetrics metrics, CompletionListener listener, BatchSplitter splitter, Time time) {
        this(client, accumulator, cluster, delivery, config, metrics, listener, splitter, time, SubMillisecondWait.Parker.SYSTEM);
    }

    /** @param parker parks the sender thread for the sub-millisecond rest of a linger wait (tests step a clock) */
    public Sender(KafkaClient client, RecordAccumulator accumulator, ClusterSource cluster, DeliveryGuarantee delivery,
                  SenderConfig config, SenderMetrics metrics, CompletionListener listener, BatchSplitter splitter, Time time,
                  SubMillisecondWait.Parker parker) {
        this.client = client;
        this.subMsWait = new SubMillisecondWait(time, parker);
        this.accumulator = accumulator;
        this.cluster = cluster;
        this.delivery = delivery;
        this.config = config;
        this.metrics = metrics;
        this.time = time;
        this.splitter = splitter;
        this.completion = new BatchCompletion(accumulator, inFlight, metrics, listener, delivery, config);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            runOnceSafely();
        }
        // Close asked: deliver what is buffered and in flight, unless forced.
        while (!forceClose && (accumulator.hasUndrained() || client.hasInFlightRequests() || !inFlight.isEmpty())) {
            runOnceSafely();
        }
        if (forceClose) {
            abortEverything(new ProducerClosedException("The producer was closed before this record was acknowledged "
                    + "(close timeout elapsed, or close(Duration.ZERO)); it may or may not have reached the broker"));
        }
        client.close();
    }

    /** Whether the current thread is this sender's thread (callbacks run there). */
    public boolean isSenderThread() {
        return Thread.currentThread() == thread;
    }

    private void runOnceSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.error("Uncaught error in the producer's sender thread; it keeps running", e);
        }
    }

    /**
     * One turn of the loop: send what is ready, then do network I/O, waiting at most until something
     * may be sent. When that wait is for a batch's {@code linger.ms} (or retry backoff) to end, the
     * turn ends when the millisecond clock reaches that moment ({@link SubMillisecondWait}) rather than
     * up to a millisecond later; whether the batch goes is still decided by the next turn's readiness
     * check on the millisecond clock, so a batch is never sent before its linger is over.
     */
    public void runOnce() {
        long nowMs = time.monotonicMs();
        long pollTimeout = sendProducerData(nowMs);
        if (sendableAtMs != Long.MAX_VALUE) {
            subMsWait.await(client, sendableAtMs, nowMs);
        } else {
            client.poll(pollTimeout, nowMs);
        }
    }

    private long sendProducerData(long nowMs) {
        failExpired(nowMs);
        failQueuedThatCannotAuthenticate(nowMs);
        if (!delivery.prepare(client, nowMs)) {
            RuntimeException fatal = delivery.fatalError();
            if (fatal != null) {
                // Kafka's maybeAbortBatches: nothing buffered can be sent any more
                accumulator.abortUndrained(new SluiceException("Cannot send: the producer failed for good earlier: "
                        + fatal.getMessage(), fatal), completion.listener());
                sendableAtMs = Long.MAX_VALUE;
                return Long.MAX_VALUE;
            }
            sendableAtMs = Long.MAX_VALUE;
            return 50; // waiting for a producer id; its response wakes the loop
        }
        PartitionLeaders leaders = cluster.leaders();
        ReadyResult result = accumulator.ready(leaders, nowMs);
        if (!result.unknownLeaderTopics().isEmpty()) {
            cluster.requestUpdate(result.unknownLeaderTopics());
        }
        List<Node> sendable = new ArrayList<>(result.readyNodes().size());
        long notReadyTimeout = Long.MAX_VALUE;
        for (Node node : result.readyNodes()) {
            if (client.ready(node, nowMs)) {
                sendable.add(node);
            } else {
                notReadyTimeout = Math.min(notReadyTimeout, client.connectionDelay(node, nowMs));
            }
        }
        Map<Integer, List<ProducerBatch>> drained = accumulator.drain(leaders, sendable, config.maxRequestSize(), delivery,
                (batch, cause) -> failUnprepared(batch, cause, nowMs), nowMs);
        for (Map.Entry<Integer, List<ProducerBatch>> e : drained.entrySet()) {
            sendProduceRequest(e.getKey(), e.getValue(), nowMs);
        }
        long timeout = Math.min(result.nextReadyCheckDelayMs(), notReadyTimeout);
        long nextExpiry = inFlight.nextExpiryMs(config.deliveryTimeoutMs());
        if (nextExpiry != Long.MAX_VALUE) {
            timeout = Math.min(timeout, Math.max(0, nextExpiry - nowMs));
        }
        if (!drained.isEmpty()) {
            timeout = 0; // more may be sendable at once
        }
        long readyDelay = result.nextReadyCheckDelayMs();
        sendableAtMs = timeout > 0 && timeout == readyDelay && readyDelay != Long.MAX_VALUE ? nowMs + readyDelay : Long.MAX_VALUE;
        return Math.max(0, timeout);
    }

    private void sendProduceRequest(int nodeId, List<ProducerBatch> batches, long nowMs) {
        Map<TopicPartition, ProducerBatch> byPartition = new LinkedHashMap<>();
        Map<String, List<ProduceRequest.PartitionData>> byTopic = new LinkedHashMap<>();
        int records = 0;
        for (ProducerBatch batch : batches) {
            TopicPartition tp = batch.topicPartition();
            byPartition.put(tp, batch);
            byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(new ProduceRequest.PartitionData(tp.partition(),
                    batch.records()));
            records += batch.recordCount();
            metrics.batchDrained(batch, nowMs);
        }
        inFlight.add(batches);
        try {
            ProduceRequest body = produceRequest(byTopic);
            short version = client.apiVersion(nodeId, ApiKeys.PRODUCE, maxProduceVersion(byTopic));
            Map<UUID, String> topicNames = new HashMap<>();
            for (ProduceRequest.TopicData t : body.topics()) {
                topicNames.put(t.topicId(), t.name());
            }
            ProduceResponseHandler handler = new ProduceResponseHandler(byPartition, topicNames, completion, delivery, splitter,
                    metrics, () -> cluster.requestUpdate(Set.of()), time);
            client.send(new ClientRequest(nodeId, ApiKeys.PRODUCE, version, body, body.expectsResponse(), nowMs,
                    config.requestTimeoutMs(), handler), nowMs);
            metrics.requestSent(records, nowMs);
        } catch (RuntimeException e) {
            // Never lose drained batches silently: a request that cannot even be sent fails its records.
            log.error("Could not send a produce request to broker {}", nodeId, e);
            for (ProducerBatch batch : batches) {
                completion.failAndRelease(batch, new SluiceException("Could not send the produce request for "
                        + batch.topicPartition() + " to broker " + nodeId + ": " + e, e), nowMs);
            }
        }
    }

    /**
     * Fails a batch the drain took out of its queue but could not seal, compress or stamp: never lose it
     * silently (its records' futures would never complete). The other batches of the round still go.
     */
    private void failUnprepared(ProducerBatch batch, Throwable cause, long nowMs) {
        log.error("Could not prepare a batch of {} record(s) for {} for sending; failing it", batch.recordCount(),
                batch.topicPartition(), cause);
        completion.failAndRelease(batch, new SluiceException("Could not prepare the batch of " + batch.recordCount()
                + " record(s) for " + batch.topicPartition() + " for sending (sealing, compressing or stamping it failed: "
                + cause + "); its records were not sent. If the cause names a codec, check its module and native library",
                cause), nowMs);
    }

    private ProduceRequest produceRequest(Map<String, List<ProduceRequest.PartitionData>> byTopic) {
        List<ProduceRequest.TopicData> topics = new ArrayList<>(byTopic.size());
        for (Map.Entry<String, List<ProduceRequest.PartitionData>> t : byTopic.entrySet()) {
            UUID id = cluster.topicId(t.getKey());
            topics.add(new ProduceRequest.TopicData(t.getKey(), id == null ? Uuids.ZERO : id, t.getValue()));
        }
        return new ProduceRequest(null, config.acks(), config.requestTimeoutMs(), topics);
    }

    /** Produce v13 names topics by id: use it only when every topic of the request has one. */
    private short maxProduceVersion(Map<String, List<ProduceRequest.PartitionData>> byTopic) {
        for (String topic : byTopic.keySet()) {
            if (cluster.topicId(topic) == null) {
                return ProduceRequest.LAST_VERSION_WITH_TOPIC_NAMES;
            }
        }
        return ApiKeys.PRODUCE.latestVersion;
    }

    /** Fails batches past {@code delivery.timeout.ms}, queued or in flight. */
    private void failExpired(long nowMs) {
        for (ProducerBatch batch : accumulator.expiredBatches(nowMs)) {
            // never sent (or back from a retry): no request holds its bytes
            completion.failAndRelease(batch, expired(batch, nowMs, "in the producer's buffer"), nowMs);
        }
        for (ProducerBatch batch : inFlight.expired(config.deliveryTimeoutMs(), nowMs)) {
            // released when its request finishes: the transport may still be writing its bytes
            completion.fail(batch, expired(batch, nowMs, "waiting for the broker's answer"), nowMs);
        }
    }

    /**
     * Fails what is queued for a broker whose last connection attempt failed authentication (TLS or
     * SASL), with that {@link AuthenticationException}: it cannot be sent until the configuration (or
     * the broker's) changes, so the records' futures fail now rather than after delivery.timeout.ms.
     * While such a refusal stands for the cluster (no connection authenticated since), batches whose
     * leader is unknown fail too: no metadata can name one. Brokers are still tried every
     * reconnect.backoff.max.ms; records sent meanwhile wait for that attempt and share its outcome.
     */
    private void failQueuedThatCannotAuthenticate(long nowMs) {
        Map<Integer, AuthenticationException> refused = client.authenticationFailures();
        AuthenticationException standing = cluster.authenticationFailure();
        if (refused.isEmpty() && standing == null) {
            return;
        }
        PartitionLeaders leaders = cluster.leaders();
        for (ProducerBatch batch : accumulator.removeQueuedIf(tp -> refusal(leaders, tp, refused, standing) != null)) {
            completion.failAndRelease(batch, refusal(leaders, batch.topicPartition(), refused, standing), nowMs);
        }
    }

    private static AuthenticationException refusal(PartitionLeaders leaders, TopicPartition tp,
                                                   Map<Integer, AuthenticationException> refused,
                                                   AuthenticationException standing) {
        Node leader = leaders.leaderFor(tp.topic(), tp.partition());
        return leader == null ? standing : refused.get(leader.id());
    }

    private TimeoutException expired(ProducerBatch batch, long nowMs, String where) {
        return new TimeoutException("Expiring " + batch.recordCount() + " record(s) for " + batch.topicPartition() + ": "
                + (nowMs - batch.createdMs()) + " ms has passed since batch creation (delivery.timeout.ms="
                + config.deliveryTimeoutMs() + "), " + where + " after " + batch.attempts() + " attempt(s)");
    }

    private void abortEverything(RuntimeException error) {
        for (ProducerBatch batch : inFlight.all()) {
            completion.fail(batch, error, time.monotonicMs());
        }
        accumulator.abortUndrained(error, completionListenerForAbort());
    }

    private CompletionListener completionListenerForAbort() {
        return completion.listener();
    }

    /** Makes the loop look at the accumulator now. Any thread. */
    public void wakeup() {
        client.wakeup();
        Thread sender = thread;
        if (sender != null) {
            subMsWait.wakeup(sender);
        }
    }

    /** Stops taking new work; buffered records are still delivered. Any thread. */
    public void initiateClose() {
        accumulator.close();
        running = false;
        wakeup();
    }

    /** Stops at once: everything pending fails with {@link ProducerClosedException}. Any thread. */
    public void forceClose() {
        forceClose = true;
        initiateClose();
    }

    public boolean isRunning() {
        return running;
    }
}
