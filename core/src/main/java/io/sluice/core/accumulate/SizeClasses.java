package io.sluice.core.accumulate;

import java.util.Arrays;

/**
 * The buffer sizes the {@link BufferPool} recycles: powers of two from {@link #SMALLEST} up to, and
 * always ending with, {@code batch.size}. A request is rounded up to the next class; a request
 * larger than {@code batch.size} (a record that gets a batch of its own) is not rounded or pooled.
 * Immutable.
 */
public final class SizeClasses {

    /** The smallest pooled buffer: room for a batch header and a few small records. */
    public static final int SMALLEST = 1024;

    private final int[] sizes;

    public SizeClasses(int batchSize) {
        if (batchSize <= 0) {
            sizes = new int[0]; // batch.size=0: every batch is exactly one record, nothing is pooled
            return;
        }
        int count = 0;
        for (int s = SMALLEST; s < batchSize; s <<= 1) {
            count++;
        }
        sizes = new int[count + 1];
        int s = SMALLEST;
        for (int i = 0; i < count; i++, s <<= 1) {
            sizes[i] = s;
        }
        sizes[count] = batchSize;
    }

    /** The number of classes. */
    public int count() {
        return sizes.length;
    }

    /** {@code batch.size}, the largest class (0 if nothing is pooled). */
    public int largest() {
        return sizes.length == 0 ? 0 : sizes[sizes.length - 1];
    }

    /** The size of the buffer handed out for a request of {@code size} bytes. */
    public int bufferSize(int size) {
        for (int s : sizes) {
            if (s >= size) {
                return s;
            }
        }
        return size;
    }

    /** The next class above {@code capacity}, or -1 if {@code capacity} is already the largest or beyond. */
    public int nextLarger(int capacity) {
        for (int s : sizes) {
            if (s > capacity) {
                return s;
            }
        }
        return -1;
    }

    /** The index of the class whose size is exactly {@code capacity}, or -1. */
    public int classOfCapacity(int capacity) {
        int i = Arrays.binarySearch(sizes, capacity);
        return i >= 0 ? i : -1;
    }
}
