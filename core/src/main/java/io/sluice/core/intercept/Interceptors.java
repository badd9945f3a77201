package io.sluice.core.intercept;

import io.sluice.api.Callback;
import io.sluice.api.DeliveryListener;
import io.sluice.api.Headers;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.api.spi.ProducerInterceptor;
import io.sluice.core.accumulate.ProducerBatch;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured {@link ProducerInterceptor}s in order, with Kafka's rules: an exception from an
 * interceptor is logged and ignored, the record goes on unchanged. Also the place where a record's
 * completion reaches the user: interceptors' {@code onAcknowledgement}, then the callback, each
 * guarded so that a throwing callback cannot break the sender thread or other records' callbacks.
 *
 * <p>Immutable; the interceptors themselves must be thread-safe ({@link #onSend} runs on user
 * threads, completions on the sender thread).
 */
public final class Interceptors<K, V> implements ProducerBatch.CompletionListener {

    private static final Logger log = LoggerFactory.getLogger(Interceptors.class);

    // an array, not a List: the loops below run per record and must not allocate an iterator each time
    private final ProducerInterceptor<K, V>[] interceptors;

    @SuppressWarnings("unchecked")
    public Interceptors(List<ProducerInterceptor<K, V>> interceptors) {
        this.interceptors = (ProducerInterceptor<K, V>[]) List.copyOf(interceptors).toArray(new ProducerInterceptor<?, ?>[0]);
    }

    public boolean isEmpty() {
        return interceptors.length == 0;
    }

    /** Each interceptor's {@code onSend} in turn; a failing one is skipped. */
    public ProducerRecord<K, V> onSend(ProducerRecord<K, V> record) {
        ProducerRecord<K, V> current = record;
        for (int i = 0; i < interceptors.length; i++) {
            ProducerInterceptor<K, V> interceptor = interceptors[i];
            try {
                ProducerRecord<K, V> next = interceptor.onSend(current);
                if (next != null) {
                    current = next;
                }
            } catch (RuntimeException e) {
                log.warn("Interceptor {} failed in onSend for a record to topic {}; the record goes on unchanged",
                        interceptor.name(), current.topic(), e);
            }
        }
        return current;
    }

    /** Tells interceptors and the callback that a record completed, or failed before it was buffered. */
    @Override
    public void onRecordComplete(RecordMetadata metadata, RuntimeException error, Headers headers, Callback callback) {
        acknowledge(metadata, error, headers);
        if (callback != null) {
            try {
                callback.onCompletion(metadata, error);
            } catch (RuntimeException e) {
                log.error("A send callback threw an exception for a record to {}; ignored so that other records' callbacks "
                        + "still run. Catch exceptions in callbacks.", metadata == null ? "?" : metadata.topicPartition(), e);
            }
        }
    }

    /**
     * Tells interceptors and the listener that a record sent without a future completed, or failed
     * before it was buffered. Allocates nothing unless interceptors are configured (they get a
     * {@link RecordMetadata}, as always).
     */
    @Override
    public void onRecordDelivered(DeliveryListener delivery, long tag, TopicPartition partition, long offset, long timestamp,
                                  int keySize, int valueSize, RuntimeException error, Headers headers) {
        if (interceptors.length > 0) {
            acknowledge(new RecordMetadata(partition, offset, timestamp, keySize, valueSize), error, headers);
        }
        try {
            if (error == null) {
                delivery.onAcknowledged(tag, partition, offset, timestamp);
            } else {
                delivery.onFailed(tag, partition, error);
            }
        } catch (RuntimeException e) {
            log.error("A delivery listener threw an exception for a record to {}; ignored so that other records' listeners "
                    + "still run. Catch exceptions in listeners.", partition, e);
        }
    }

    private void acknowledge(RecordMetadata metadata, RuntimeException error, Headers headers) {
        for (int i = 0; i < interceptors.length; i++) {
            ProducerInterceptor<K, V> interceptor = interceptors[i];
            try {
                interceptor.onAcknowledgement(metadata, error, headers);
            } catch (RuntimeException e) {
                log.warn("Interceptor {} failed in onAcknowledgement; ignored", interceptor.name(), e);
            }
        }
    }
}
