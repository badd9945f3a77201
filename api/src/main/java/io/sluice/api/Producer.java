package io.sluice.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A Kafka producer: sends records to a Kafka cluster with Apache Kafka's semantics.
 *
 * <p>Thread-safe: many threads may call {@code send} at once. One producer per application is
 * usually faster than several, because records of many threads share batches and requests.
 *
 * <h2>What happens on {@code send}</h2>
 * The calling thread runs the interceptors' {@code onSend}, serializes key and value, chooses the
 * partition, and appends the record to the open batch of that partition. A sender thread,
 * one per producer, sends ready batches (full, or {@code linger.ms} old) to the partition
 * leaders, one request per broker, and completes the returned futures.
 *
 * <h2>When {@code send} blocks</h2>
 * Only for two reasons, together at most {@code max.block.ms}: the topic's metadata is not yet
 * known, or {@code buffer.memory} is used up. After that it fails with
 * {@link io.sluice.api.errors.TimeoutException} (metadata) or
 * {@link io.sluice.api.errors.BufferExhaustedException} (memory). {@link #trySend} never blocks.
 *
 * <h2>How failures are reported</h2>
 * Errors found before the record is buffered (bad record, serialization, partitioning,
 * {@code max.request.size}) are thrown from {@code send} as unchecked exceptions and also
 * given to the callback. Errors found later (broker errors after retries, delivery timeout,
 * close) complete the future exceptionally and reach the callback. Every record reaches
 * exactly one of its callback's completions.
 *
 * <h2>Callbacks and futures</h2>
 * Callbacks and the non-async dependents of the returned {@link CompletableFuture} run on the
 * sender thread, in send order for records of one partition. Keep them short. A {@code send}
 * from a callback works (it never waits for metadata or memory there; it fails at once with
 * an explanation instead); a {@code flush} from a callback fails at once, because it would wait
 * for the very thread it runs on.
 *
 * <h2>Sending without a future</h2>
 * {@link #send(ProducerRecord, long, DeliveryListener)} reports the outcome to a
 * {@link DeliveryListener} as primitives, with a tag of the caller's choosing, instead of returning
 * a future and making a {@link RecordMetadata}: no object per record, for producers that send
 * millions of records a second and feel every byte of garbage.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface Producer<K, V> extends AutoCloseable {

    /**
     * Same as {@code send(record, null)}: sends a record asynchronously, without a callback.
     *
     * @param record the record, not {@code null}
     * @return a future completed on the sender thread with the record's metadata, or exceptionally
     * @see #send(ProducerRecord, Callback)
     */
    CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record);

    /**
     * Sends a record asynchronously.
     *
     * @param record   the record, not {@code null}
     * @param callback told once when the record is acknowledged or has failed; may be null
     * @return a future completed on the sender thread with the record's metadata, or exceptionally
     * @throws IllegalStateException after {@link #close()}
     * @throws io.sluice.api.errors.SerializationException if the key or value cannot be serialized
     * @throws io.sluice.api.errors.TimeoutException if metadata does not arrive within {@code max.block.ms}
     * @throws io.sluice.api.errors.BufferExhaustedException if no buffer memory frees up within {@code max.block.ms}
     * @throws io.sluice.api.errors.RecordTooLargeException if the record exceeds {@code max.request.size}
     *         or {@code buffer.memory}
     * @throws io.sluice.api.errors.InterruptException if the calling thread is interrupted while blocked
     */
    CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback);

    /**
     * Sends a record without ever blocking: where {@link #send} would wait for metadata or
     * buffer memory, this fails at once with {@link io.sluice.api.errors.WouldBlockException}
     * (given to the callback and thrown), naming what was missing. Meant for event loops.
     *
     * @param record   the record, not {@code null}
     * @param callback told once when the record is acknowledged or has failed; may be null
     * @return a future completed on the sender thread with the record's metadata, or exceptionally
     * @throws io.sluice.api.errors.WouldBlockException if the topic's metadata is not known yet or
     *         {@code buffer.memory} is used up; nothing was sent
     * @see #send(ProducerRecord, Callback)
     */
    CompletableFuture<RecordMetadata> trySend(ProducerRecord<K, V> record, Callback callback);

    /**
     * Sends a record asynchronously without making any object for it: no future is returned and the
     * outcome goes to {@code listener} as primitives, with {@code tag} naming the record (see
     * {@link DeliveryListener}). Otherwise the same as {@link #send(ProducerRecord, Callback)}: the same
     * blocking, batching, ordering and delivery guarantees, and the same errors, which reach
     * {@link DeliveryListener#onFailed} where that method would complete its future exceptionally, and
     * are thrown where it would throw. Interceptors still see every record; for them a
     * {@link RecordMetadata} is made, as usual.
     *
     * <p>The default implementation adapts to {@link #send(ProducerRecord, Callback)}, so it allocates
     * like that method; Sluice's producer implements it without any allocation per record.
     *
     * @param record   the record, not {@code null}
     * @param tag      any value of the caller's; given back to {@code listener} with the outcome
     * @param listener told once when the record is acknowledged or has failed; not {@code null}
     * @throws NullPointerException if {@code record} or {@code listener} is {@code null}
     * @throws IllegalStateException after {@link #close()}
     * @throws io.sluice.api.errors.InterruptException if the calling thread is interrupted while blocked
     * @see #send(ProducerRecord, Callback)
     */
    default void send(ProducerRecord<K, V> record, long tag, DeliveryListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        send(record, (metadata, exception) -> {
            if (exception == null) {
                listener.onAcknowledged(tag, metadata.topicPartition(), metadata.offset(), metadata.timestamp());
            } else {
                listener.onFailed(tag, metadata == null ? new TopicPartition(record.topic(), -1) : metadata.topicPartition(),
                        exception);
            }
        });
    }

    /**
     * Makes every buffered record ready to send at once and blocks until all records sent before
     * this call have completed (acknowledged or failed). Other threads may keep sending meanwhile.
     *
     * @throws IllegalStateException when called from a callback (it would wait for itself)
     * @throws io.sluice.api.errors.InterruptException if interrupted while waiting
     */
    void flush();

    /**
     * The partitions of a topic, fetching metadata if needed (blocking up to {@code max.block.ms}).
     * Also a way to warm up: once it returns, a {@code send} to the topic does not wait for metadata.
     *
     * @param topic the topic, not {@code null}
     * @return the topic's partitions as the latest metadata describes them, in partition order;
     *         unmodifiable
     * @throws io.sluice.api.errors.TimeoutException if the metadata does not arrive in time, e.g.
     *         because the topic does not exist and is not created automatically
     * @throws io.sluice.api.errors.TopicAuthorizationException if the broker refuses this client the topic
     * @throws io.sluice.api.errors.InvalidTopicException if the topic name is not valid
     * @throws IllegalStateException after {@link #close()}
     * @throws io.sluice.api.errors.InterruptException if interrupted while waiting
     */
    List<PartitionInfo> partitionsFor(String topic);

    /**
     * The producer's metrics, with Apache Kafka's names. Safe to call from any thread.
     *
     * @return an unmodifiable, live view: metrics added later (e.g. a broker's request latency, from
     *         its first response on) appear in it, and each value is computed when read
     */
    Map<MetricName, ? extends Metric> metrics();

    /**
     * Stops accepting records, delivers everything buffered and waits for it, then releases all
     * resources. Same as {@code close(Duration.ofMillis(Long.MAX_VALUE))}.
     */
    @Override
    void close();

    /**
     * Stops accepting records and waits up to {@code timeout} for buffered records to be delivered;
     * what is still pending then fails with {@link io.sluice.api.errors.ProducerClosedException}.
     * {@code Duration.ZERO} fails pending records at once. Called from a callback, it does not
     * wait (the sender thread cannot wait for itself) and behaves like {@code Duration.ZERO}.
     * Closing a closed producer does nothing.
     *
     * @param timeout how long to wait for buffered records; not negative
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws io.sluice.api.errors.InterruptException if interrupted while waiting; pending records
     *         are then failed and the resources released in the background
     */
    void close(Duration timeout);
}
