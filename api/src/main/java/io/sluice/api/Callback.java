package io.sluice.api;

/**
 * Told once when a record sent with {@link Producer#send(ProducerRecord, Callback)} is
 * acknowledged by the broker or has failed for good.
 *
 * <p>Callbacks run on the producer's sender thread, in send order for records of the same
 * partition (as in Apache Kafka). Keep them short: while a callback runs, no other record of
 * this producer is completed and no request is sent. Hand heavy work to your own executor.
 */
@FunctionalInterface
public interface Callback {

    /**
     * @param metadata  where the record was written; on failure it still carries the topic and
     *                  partition (when known), with offset {@code -1}
     * @param exception {@code null} on success, otherwise why the record was not written
     */
    void onCompletion(RecordMetadata metadata, Exception exception);
}
