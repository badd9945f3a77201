package io.sluice.core.accumulate;

import io.sluice.api.Callback;
import io.sluice.api.DeliveryListener;
import io.sluice.api.Headers;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * What each record of a batch needs when the batch completes: its future and callback, or its
 * {@link DeliveryListener} and tag (a send without a future), its timestamp, serialized sizes and
 * (only if interceptors run) its headers. Kept in parallel arrays that grow by doubling, so a record
 * costs no object of its own here.
 *
 * <p>Filled by user threads under the partition's deque lock, read by the sender thread after the
 * batch left the deque (the deque lock hands it over). Recycled through a {@link Pool} once its batch
 * is released, so steady-state sending allocates no arrays here.
 */
final class RecordCompletions {

    private static final int INITIAL = 16;

    private final boolean keepHeaders;
    private CompletableFuture<RecordMetadata>[] futures;
    private Callback[] callbacks;
    private DeliveryListener[] deliveries;
    private long[] tags;
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
        this.deliveries = new DeliveryListener[INITIAL];
        this.tags = new long[INITIAL];
        this.timestamps = new long[INITIAL];
        this.keySizes = new int[INITIAL];
        this.valueSizes = new int[INITIAL];
        this.headers = keepHeaders ? new Headers[INITIAL] : null;
    }

    /**
     * Adds the next record; its index is its offset delta in the batch. A record has either a
     * {@code future} (and maybe a {@code callback}) or a {@code delivery} listener with its {@code tag}.
     */
    void add(CompletableFuture<RecordMetadata> future, Callback callback, DeliveryListener delivery, long tag,
             long timestamp, int keySize, int valueSize, Headers recordHeaders) {
        if (count == futures.length) {
            grow();
        }
        futures[count] = future;
        callbacks[count] = callback;
        deliveries[count] = delivery;
        tags[count] = tag;
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

    /** The listener of a record sent without a future, or {@code null} for a record with a future. */
    DeliveryListener delivery(int i) {
        return deliveries[i];
    }

    long tag(int i) {
        return tags[i];
    }

    /** Adds record {@code i} of {@code from} as the next record here (a split batch taking over a record). */
    void addFrom(RecordCompletions from, int i) {
        add(from.futures[i], from.callbacks[i], from.deliveries[i], from.tags[i], from.timestamps[i], from.keySizes[i],
                from.valueSizes[i], from.headers(i));
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
        return new RecordMetadata(tp, offset(i, baseOffset), timestamp(i, logAppendTimeMs), keySizes[i], valueSizes[i]);
    }

    /** Record {@code i}'s offset in a batch stored at {@code baseOffset}, or -1 if that is unknown. */
    static long offset(int i, long baseOffset) {
        return baseOffset < 0 ? RecordMetadata.UNKNOWN_OFFSET : baseOffset + i;
    }

    /** Record {@code i}'s timestamp as stored: the broker's log-append time if it gave one, else its own. */
    long timestamp(int i, long logAppendTimeMs) {
        return logAppendTimeMs >= 0 ? logAppendTimeMs : timestamps[i];
    }

    /** Forgets every record (drops references for the GC), keeping the arrays for the next batch. */
    void clear() {
        java.util.Arrays.fill(futures, 0, count, null);
        java.util.Arrays.fill(callbacks, 0, count, null);
        java.util.Arrays.fill(deliveries, 0, count, null);
        if (keepHeaders) {
            java.util.Arrays.fill(headers, 0, count, null);
        }
        count = 0;
    }

    /**
     * Free {@link RecordCompletions} of one producer. Thread-safe: batches take one on user threads and
     * give it back on the sender thread. Bounded, so a burst of many small batches does not pin memory.
     */
    static final class Pool {
        private static final int MAX_POOLED = 1024;

        private final boolean keepHeaders;
        private final java.util.concurrent.ConcurrentLinkedQueue<RecordCompletions> free =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.atomic.AtomicInteger size = new java.util.concurrent.atomic.AtomicInteger();

        Pool(boolean keepHeaders) {
            this.keepHeaders = keepHeaders;
        }

        RecordCompletions take() {
            RecordCompletions c = free.poll();
            if (c == null) {
                return new RecordCompletions(keepHeaders);
            }
            size.decrementAndGet();
            return c;
        }

        void give(RecordCompletions c) {
            if (size.incrementAndGet() <= MAX_POOLED) {
                c.clear();
                free.offer(c);
            } else {
                size.decrementAndGet();
            }
        }
    }

    private void grow() {
        int n = futures.length * 2;
        futures = Arrays.copyOf(futures, n);
        callbacks = Arrays.copyOf(callbacks, n);
        deliveries = Arrays.copyOf(deliveries, n);
        tags = Arrays.copyOf(tags, n);
        timestamps = Arrays.copyOf(timestamps, n);
        keySizes = Arrays.copyOf(keySizes, n);
        valueSizes = Arrays.copyOf(valueSizes, n);
        if (keepHeaders) {
            headers = Arrays.copyOf(headers, n);
        }
    }
}
