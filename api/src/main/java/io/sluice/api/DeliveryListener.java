package io.sluice.api;

/**
 * Told the outcome of records sent with {@link Producer#send(ProducerRecord, long, DeliveryListener)}:
 * the way to send without the producer making any object per record. {@link Callback} gets a
 * {@link RecordMetadata} and {@code send} returns a future, two objects per record that a producer
 * sending millions of records a second pays for in garbage; here the outcome arrives as primitives
 * and the record is named by a {@code tag}, a {@code long} the caller chose when sending.
 *
 * <p>One listener usually serves every record: the tag tells which record an outcome is for, for
 * example an index into the caller's own table of pending work, a sequence number, or a
 * {@link System#nanoTime()} taken at send to measure latency.
 *
 * <p>Exactly one of the two methods is called once per record, on the producer's sender thread,
 * in send order for records of the same partition, as callbacks are (see {@link Callback}: keep it
 * short, hand heavy work to your own executor). A record that fails before it is buffered is told on
 * the thread that called {@code send}, before {@code send} returns. An exception thrown by a
 * listener is logged and ignored; other records are still told.
 */
public interface DeliveryListener {

    /**
     * The broker has the record at the requested {@code acks}.
     *
     * @param tag       the tag given to {@code send}
     * @param partition where the record was written (one object per batch, shared by its records)
     * @param offset    the record's offset, or {@link RecordMetadata#UNKNOWN_OFFSET} with {@code acks=0}
     * @param timestamp the record's timestamp: the broker's log-append time if the topic uses it,
     *                  otherwise the record's create time
     */
    void onAcknowledged(long tag, TopicPartition partition, long offset, long timestamp);

    /**
     * The record was not written and will not be retried.
     *
     * @param tag       the tag given to {@code send}
     * @param partition the record's topic and partition; the partition is {@code -1} if the record
     *                  failed before one was chosen
     * @param exception why, as {@link Callback} would have been told
     */
    void onFailed(long tag, TopicPartition partition, Exception exception);
}
