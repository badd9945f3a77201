package io.sluice.api.spi;

import io.sluice.api.Headers;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;

/**
 * Sees, and may change, records before they are serialized, and sees their acknowledgements, as
 * Apache Kafka's {@code ProducerInterceptor}. Selected with {@code interceptor.classes}; several run
 * in the configured order.
 *
 * <p>Threads: {@link #onSend} runs on the thread that calls {@code send}; {@link #onAcknowledgement}
 * runs on the sender thread and must be quick. An exception thrown by an interceptor is logged
 * and ignored (as in Kafka): the record goes on unchanged.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface ProducerInterceptor<K, V> extends Plugin {

    /**
     * Called before the key and value are serialized and the partition is chosen.
     *
     * @param record the record given to {@code send}, or the one the previous interceptor returned
     * @return the record to send: this one, or a replacement
     */
    ProducerRecord<K, V> onSend(ProducerRecord<K, V> record);

    /**
     * Called once per record when it is acknowledged or fails, before the user's callback.
     *
     * @param metadata  the record's metadata (offset -1 on failure)
     * @param exception null on success
     */
    void onAcknowledgement(RecordMetadata metadata, Exception exception);

    /**
     * Like {@link #onAcknowledgement(RecordMetadata, Exception)}, with the record's headers. The
     * default calls the two-argument method; override this one to read headers.
     *
     * @param metadata  the record's metadata (offset -1 on failure)
     * @param exception null on success
     * @param headers   the record's headers, read-only; may be {@code null} when the producer did not
     *                  keep them
     */
    default void onAcknowledgement(RecordMetadata metadata, Exception exception, Headers headers) {
        onAcknowledgement(metadata, exception);
    }
}
