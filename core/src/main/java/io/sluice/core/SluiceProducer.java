package io.sluice.core;

import io.sluice.api.Callback;
import io.sluice.api.DeliveryListener;
import io.sluice.api.Metric;
import io.sluice.api.MetricName;
import io.sluice.api.PartitionInfo;
import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordHeaders;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.api.errors.ApiException;
import io.sluice.api.errors.InterruptException;
import io.sluice.api.errors.RecordTooLargeException;
import io.sluice.api.errors.SerializationException;
import io.sluice.api.errors.SluiceException;
import io.sluice.api.errors.WouldBlockException;
import io.sluice.api.spi.Serializer;
import io.sluice.api.spi.TopicLayout;
import io.sluice.core.accumulate.RecordAccumulator;
import io.sluice.core.intercept.Interceptors;
import io.sluice.core.metadata.Metadata;
import io.sluice.core.partition.PartitionChooser;
import io.sluice.core.record.RecordSizes;
import io.sluice.core.send.Sender;
import io.sluice.core.send.SenderMetrics;
import io.sluice.core.time.Time;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Producer}: wires the five stations and runs the user-thread half of a record's way
 * (interceptors, metadata wait, serializers, size check, partitioner, accumulator). The other half
 * runs on the {@link Sender}'s thread.
 *
 * <p>Thread-safe: its collaborators are; its own state is the closed flag, the sender thread and the
 * per-topic {@link SendTopic} handles (a concurrent map, entries never replaced).
 */
final class SluiceProducer<K, V> implements Producer<K, V> {

    private static final Logger log = LoggerFactory.getLogger(SluiceProducer.class);

    private final ProducerParts parts;
    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private final Interceptors<K, V> interceptors;
    private final PartitionChooser chooser;
    private final RecordAccumulator accumulator;
    private final Metadata metadata;
    private final Sender sender;
    private final Thread senderThread;
    private final Time time;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Per topic, what the send path needs of it (see {@link SendTopic}); made once the metadata knows the topic. */
    private final ConcurrentHashMap<String, SendTopic> sendTopics = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    SluiceProducer(ProducerParts parts) {
        this.parts = parts;
        this.keySerializer = (Serializer<K>) parts.plugins().keySerializer();
        this.valueSerializer = (Serializer<V>) parts.plugins().valueSerializer();
        this.interceptors = (Interceptors<K, V>) parts.interceptors();
        this.chooser = parts.chooser();
        this.accumulator = parts.accumulator();
        this.metadata = parts.metadata();
        this.sender = parts.sender();
        this.time = parts.time();
        this.senderThread = new Thread(sender, "sluice-producer-network-thread-" + parts.clientId());
        this.senderThread.setDaemon(true);
        this.senderThread.start();
        log.info("Sluice producer {} started", parts.clientId());
    }

    @Override
    public CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record) {
        return send(record, null);
    }

    @Override
    public CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
        return doSend(record, callback, null, 0, true);
    }

    @Override
    public CompletableFuture<RecordMetadata> trySend(ProducerRecord<K, V> record, Callback callback) {
        return doSend(record, callback, null, 0, false);
    }

    @Override
    public void send(ProducerRecord<K, V> record, long tag, DeliveryListener listener) {
        Objects.requireNonNull(listener, "listener");
        doSend(record, null, listener, tag, true);
    }

    /**
     * Both kinds of send: with a future (and maybe a {@code callback}), returned; or, when
     * {@code delivery} is given, without one (returns {@code null}; the listener gets the outcome with {@code tag}).
     */
    private CompletableFuture<RecordMetadata> doSend(ProducerRecord<K, V> original, Callback callback,
                                                     DeliveryListener delivery, long tag, boolean mayBlock) {
        Objects.requireNonNull(original, "record");
        ProducerRecord<K, V> record = interceptors.onSend(original);
        String topic = record.topic();
        // the partition, once chosen; a TopicPartition is made only for a failure's metadata (no allocation per send)
        int partition = record.partition() == null ? -1 : record.partition();
        try {
            throwIfClosed();
            // A callback runs on the sender thread: waiting there for metadata or memory would wait for itself.
            boolean onSenderThread = sender.isSenderThread();
            boolean block = mayBlock && !onSenderThread;
            // The one clock read of a send whose topic is known (a read costs ~25 ns; there were four): the wall
            // clock, for the record's timestamp and the topic's last use, as Kafka's one read per send.
            long wallClockMs = time.milliseconds();
            long remainingMs = parts.maxBlockMs();
            // Looked up afresh on every send: partition count changes and re-created topics show at once.
            TopicLayout topicMetadata = metadata.knownLayout(topic, record.partition(), wallClockMs);
            if (topicMetadata == null) {
                long startMs = time.monotonicMs();
                topicMetadata = block
                        ? metadata.awaitLayout(topic, record.partition(), parts.maxBlockMs())
                        : metadata.tryLayout(topic, record.partition());
                if (topicMetadata == null) {
                    throw wouldBlock(onSenderThread, "metadata for topic " + topic + " is not known yet");
                }
                remainingMs = Math.max(0, remainingMs - (time.monotonicMs() - startMs));
                wallClockMs = time.milliseconds(); // as Kafka: the timestamp of a record that waited is after the wait
            }
            SendTopic sendTopic = sendTopic(topic);
            byte[] key = serialize(keySerializer, topic, record, record.key(), "key", parts.keySerializerKey());
            byte[] value = serialize(valueSerializer, topic, record, record.value(), "value", parts.valueSerializerKey());
            ensureValidSize(key, value, record);
            TopicLayout layout = accumulator.layout(sendTopic.queues, topicMetadata);
            RecordView view = new RecordView(topic, record.key(), key, record.value(), value, record.headers());
            if (record.headers() instanceof RecordHeaders rh) {
                rh.setReadOnly();
            }
            long timestamp = record.timestamp() == null ? wallClockMs : record.timestamp();
            while (true) {
                long choice = chooser.choose(record.partition(), view, layout, sendTopic.sticky);
                partition = PartitionChooser.partitionOf(choice);
                long maxWaitMs = block ? remainingMs : -1;
                try {
                    if (delivery != null) {
                        if (accumulator.append(sendTopic.queues, partition, timestamp, key, value, record.headers(),
                                delivery, tag, maxWaitMs, sendTopic, choice, RecordAccumulator.READ_CLOCK_FOR_NEW_BATCH)) {
                            return null;
                        }
                    } else {
                        CompletableFuture<RecordMetadata> future = accumulator.append(sendTopic.queues, partition,
                                timestamp, key, value, record.headers(), callback, maxWaitMs, sendTopic, choice,
                                RecordAccumulator.READ_CLOCK_FOR_NEW_BATCH);
                        if (future != null) {
                            return future;
                        }
                    }
                } catch (WouldBlockException e) {
                    throw wouldBlock(onSenderThread, e.getMessage());
                }
                // uniform sticky switched partitions at a batch boundary: choose again (KIP-794)
            }
        } catch (ApiException e) {
            countSendError();
            // As Kafka: errors the broker side could also report go to the callback and the future, not thrown.
            if (delivery != null) {
                interceptors.onRecordDelivered(delivery, tag, new TopicPartition(topic, partition),
                        RecordMetadata.UNKNOWN_OFFSET, RecordMetadata.NO_TIMESTAMP, RecordMetadata.NULL_SIZE,
                        RecordMetadata.NULL_SIZE, e, record.headers());
                return null;
            }
            interceptors.onRecordComplete(failedMetadata(topic, partition), e, record.headers(), callback);
            CompletableFuture<RecordMetadata> failed = new CompletableFuture<>();
            failed.completeExceptionally(e);
            return failed;
        } catch (InterruptException e) {
            countSendError();
            interceptors.onRecordComplete(failedMetadata(topic, partition), e, record.headers(), null);
            throw e;
        } catch (RuntimeException e) {
            if (e instanceof SluiceException) {
                countSendError(); // as Kafka counts a KafkaException; not misuse such as a send after close
            }
            interceptors.onRecordComplete(failedMetadata(topic, partition), e, record.headers(), null);
            throw e;
        }
    }

    /** One lookup per send for what every station needs of the topic (was one per station). */
    private SendTopic sendTopic(String topic) {
        SendTopic handle = sendTopics.get(topic);
        return handle != null ? handle : sendTopics.computeIfAbsent(topic, t -> new SendTopic(t, accumulator, chooser));
    }

    /** Kafka's {@code record-error-*} counts sends that failed before buffering too. */
    private void countSendError() {
        SenderMetrics.recordSendError(parts.metrics(), time.monotonicMs());
    }

    private static RecordMetadata failedMetadata(String topic, int partition) {
        return new RecordMetadata(new TopicPartition(topic, partition), RecordMetadata.UNKNOWN_OFFSET, RecordMetadata.NO_TIMESTAMP,
                RecordMetadata.NULL_SIZE, RecordMetadata.NULL_SIZE);
    }

    private static WouldBlockException wouldBlock(boolean onSenderThread, String what) {
        if (onSenderThread) {
            return new WouldBlockException("send() was called from a callback, which runs on the producer's sender thread, "
                    + "and it would have to wait: " + what + ". The sender thread cannot wait for itself; send from "
                    + "another thread, or retry later");
        }
        return new WouldBlockException("trySend would block: " + what + "; nothing was sent");
    }

    private <T> byte[] serialize(Serializer<T> serializer, String topic, ProducerRecord<K, V> record, T data, String what,
                                 String configKey) {
        try {
            return serializer.serialize(topic, record.headers(), data);
        } catch (RuntimeException e) {
            throw new SerializationException("Can't serialize " + what + " of class "
                    + (data == null ? "null" : data.getClass().getName()) + " for topic " + topic + " with "
                    + serializer.getClass().getName() + " (" + configKey + "): " + e.getMessage(), e);
        }
    }

    private void ensureValidSize(byte[] key, byte[] value, ProducerRecord<K, V> record) {
        int size = RecordSizes.estimateBatchSizeUpperBound(key == null ? -1 : key.length, value == null ? -1 : value.length,
                RecordSizes.sizeOfHeaders(record.headers()));
        if (size > parts.maxRequestSize()) {
            throw new RecordTooLargeException("The message is " + size + " bytes when serialized which is larger than "
                    + parts.maxRequestSize() + ", which is the value of the max.request.size configuration. Raise "
                    + "max.request.size (and the topic's max.message.bytes) or send a smaller record.");
        }
        if (size > accumulator.pool().totalMemory()) {
            throw new RecordTooLargeException("The message is " + size + " bytes when serialized which is larger than the "
                    + "total memory buffer you have configured with the buffer.memory configuration ("
                    + accumulator.pool().totalMemory() + " bytes). Raise buffer.memory.");
        }
    }

    @Override
    public void flush() {
        if (sender.isSenderThread()) {
            throw new IllegalStateException("flush() was called from a send callback, which runs on the producer's sender "
                    + "thread: it would wait for the thread it runs on. Call flush() from another thread.");
        }
        accumulator.beginFlush();
        sender.wakeup();
        try {
            accumulator.awaitFlushCompletion();
        } catch (InterruptedException e) {
            throw new InterruptException("Interrupted while flushing", e);
        }
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        Objects.requireNonNull(topic, "topic");
        throwIfClosed();
        return metadata.awaitTopic(topic, null, parts.maxBlockMs()).partitionsForTopic(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return parts.metrics().all();
    }

    @Override
    public void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    @Override
    public void close(Duration timeout) {
        long timeoutMs = timeout.toMillis();
        if (timeoutMs < 0) {
            throw new IllegalArgumentException("The timeout cannot be negative: " + timeout);
        }
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean fromCallback = sender.isSenderThread();
        if (fromCallback && timeoutMs > 0) {
            log.warn("close() called from a send callback: the sender thread cannot wait for itself, so pending records "
                    + "are failed at once (as with close(Duration.ZERO))");
        }
        if (fromCallback || timeoutMs == 0) {
            sender.forceClose();
        } else {
            sender.initiateClose();
        }
        if (!fromCallback) {
            try {
                senderThread.join(timeoutMs == Long.MAX_VALUE ? 0 : timeoutMs);
                if (senderThread.isAlive()) {
                    log.info("Producer {}: close timeout of {} ms elapsed; failing what is still pending", parts.clientId(), timeoutMs);
                    sender.forceClose();
                    senderThread.join(TimeUnit.SECONDS.toMillis(30));
                }
                parts.closeResources();
            } catch (InterruptedException e) {
                sender.forceClose();
                parts.closeResourcesLater(senderThread);
                throw new InterruptException("Interrupted while closing the producer", e);
            }
        } else {
            parts.closeResourcesLater(senderThread);
        }
        log.info("Sluice producer {} closed", parts.clientId());
    }

    int batchSizeConfig() {
        return parts.batchSize();
    }

    long lingerMsConfig() {
        return parts.lingerMs();
    }

    private void throwIfClosed() {
        if (closed.get()) {
            throw new IllegalStateException("Cannot send after the producer is closed.");
        }
        RuntimeException fatal = parts.delivery().fatalError();
        if (fatal != null) {
            throw new SluiceException("Cannot perform send because an earlier idempotent request failed for good: "
                    + fatal.getMessage() + " Close this producer and create a new one once the cause is fixed.", fatal);
        }
    }
}
