package io.sluice.core.accumulate;

import io.sluice.api.Callback;
import io.sluice.api.Headers;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * What each record of a batch needs when the batch completes: its future, its callback, its
 * timestamp, serialized sizes and (only if interceptors run) its headers. Kept in parallel arrays
 * that grow by doubling, so a record costs no object of its own here.
 *
 * <p>Filled by user threads under the partition's deque lock, read by the sender thread after the
 * batch left the deque (the deque lock hands it over).
 */
final class RecordCompletions {

    private static final int INITIAL = 16;

    private final boolean keepHeaders;
    private CompletableFuture<RecordMetadata>[] futures;
    private Callback[] callbacks;
    private long[] timestamps;
    private int[] keySizes;
    private int[] valueSizes;
    private Headers[] headers;
    private int count;

    @SuppressWarnings("unchecked")
    RecordCompletions(boolean keepHeaders) {
        this.keepHeaders = keepHeaders;
        this.futures = new CompletableFuture[INITIAL];
        this.callbacks = new Callback[INITIAL];
        this.timestamps = new long[INITIAL];
        this.keySizes = new int[INITIAL];
        this.valueSizes = new int[INITIAL];
        this.headers = keepHeaders ? new Headers[INITIAL] : null;
    }

    /** Adds the next record; its index is its offset delta in the batch. */
    void add(CompletableFuture<RecordMetadata> future, Callback callback, long timestamp, int keySize, int valueSize,
             Headers recordHeaders) {
        if (count == futures.length) {
            grow();
        }
        futures[count] = future;
        callbacks[count] = callback;
        timestamps[count] = timestamp;
        keySizes[count] = keySize;
        valueSizes[count] = valueSize;
        if (keepHeaders) {
            headers[count] = recordHeaders;
        }
        count++;
    }

    int count() {
        return count;
    }

    CompletableFuture<RecordMetadata> future(int i) {
        return futures[i];
    }

    Callback callback(int i) {
        return callbacks[i];
    }

    Headers headers(int i) {
        return keepHeaders ? headers[i] : null;
    }

    long timestamp(int i) {
        return timestamps[i];
    }

    int keySize(int i) {
        return keySizes[i];
    }

    int valueSize(int i) {
        return valueSizes[i];
    }

    /** The metadata of record {@code i}: offset {@code baseOffset + i}, or -1 if unknown. */
    RecordMetadata metadata(int i, TopicPartition tp, long baseOffset, long logAppendTimeMs) {
        long offset = baseOffset < 0 ? RecordMetadata.UNKNOWN_OFFSET : baseOffset + i;
        long timestamp = logAppendTimeMs >= 0 ? logAppendTimeMs : timestamps[i];
        return new RecordMetadata(tp, offset, timestamp, keySizes[i], valueSizes[i]);
    }

    private void grow() {
        int n = futures.length * 2;
        futures = Arrays.copyOf(futures, n);
        callbacks = Arrays.copyOf(callbacks, n);
        timestamps = Arrays.copyOf(timestamps, n);
        keySizes = Arrays.copyOf(keySizes, n);
        valueSizes = Arrays.copyOf(valueSizes, n);
        if (keepHeaders) {
            headers = Arrays.copyOf(headers, n);
        }
    }
}
