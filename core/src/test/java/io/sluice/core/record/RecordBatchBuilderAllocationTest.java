package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Header;
import io.sluice.api.RecordHeader;
import io.sluice.api.RecordHeaders;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The append path allocates nothing per record (the hot-path budget is 8 bytes per record in
 * steady state). Measured with the JVM's per-thread allocation counter, not with time.
 */
class RecordBatchBuilderAllocationTest {

    private static final int RECORDS = 200_000;

    @Test
    void shouldAllocateLessThanEightBytesPerAppendedRecordInSteadyState() throws Exception {
        ThreadAllocation allocation = ThreadAllocation.ofCurrentThread();
        assertThat(allocation.isSupported())
                .as("this JVM must count allocation per thread (com.sun.management.ThreadMXBean), or this test measures nothing")
                .isTrue();
        byte[] key = "some-key".getBytes();
        ByteBuffer value = ByteBuffer.allocateDirect(100);
        RecordHeaders headers = new RecordHeaders(new Header[] {new RecordHeader("trace-id", "abc".getBytes())});
        ByteBuffer heap = ByteBuffer.allocate(16 * 1024);
        ByteBuffer direct = ByteBuffer.allocateDirect(16 * 1024);

        appendAll(heap, direct, key, value, headers); // warm-up: let the JIT compile the path
        long before = allocation.bytes();
        int appended = appendAll(heap, direct, key, value, headers);
        long allocated = allocation.bytes() - before;

        System.out.printf("allocated %d bytes for %d appended records (%.3f per record)%n", allocated, appended,
                (double) allocated / appended);
        assertThat(appended).isEqualTo(RECORDS);
        assertThat((double) allocated / appended).as("bytes allocated per record (%d in total)", allocated)
                .isLessThan(8.0);
    }

    /**
     * Fills batches of 16 KiB (a new builder per batch, as the accumulator does) with RECORDS
     * records, through each append path in turn: arrays, buffers, and a claim filled in place.
     */
    private static int appendAll(ByteBuffer heap, ByteBuffer direct, byte[] key, ByteBuffer value, RecordHeaders headers) {
        int appended = 0;
        long timestamp = 1_700_000_000_000L;
        byte[] valueBytes = new byte[value.remaining()];
        ByteBuffer keyBuffer = ByteBuffer.wrap(key);
        RecordBatchBuilder builder = new RecordBatchBuilder(heap, heap.capacity());
        while (appended < RECORDS) {
            int delta;
            switch (appended % 3) {
                case 0:
                    delta = builder.tryAppend(timestamp + appended, key, valueBytes, headers);
                    break;
                case 1:
                    delta = builder.tryAppend(timestamp + appended, keyBuffer, value, headers);
                    break;
                default:
                    delta = builder.tryClaim(timestamp + appended, key.length, value.remaining(), headers);
                    if (delta != RecordBatchBuilder.NO_ROOM) {
                        builder.keyTarget().put(key);
                        builder.valueTarget().put(valueBytes);
                        builder.commitClaim();
                    }
            }
            if (delta == RecordBatchBuilder.NO_ROOM) {
                builder = new RecordBatchBuilder(appended % 2 == 0 ? heap : direct, heap.capacity());
            } else {
                appended++;
            }
        }
        return appended;
    }
}
