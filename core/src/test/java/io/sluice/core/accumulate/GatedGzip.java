package io.sluice.core.accumulate;

import io.sluice.core.record.GzipTestCompressor;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * gzip whose compression, once a frame starts, waits at a gate until the test opens it, so a test can
 * hold a batch in the SEALING state. Thread-safe: latches and an atomic.
 */
final class GatedGzip extends GzipTestCompressor {

    /** Counted down when a frame starts. */
    final CountDownLatch entered = new CountDownLatch(1);
    /** The test counts it down to let the frame go on. */
    final CountDownLatch gate = new CountDownLatch(1);
    /** Frames started. */
    final AtomicInteger streams = new AtomicInteger();

    @Override
    protected void beforeFrame() throws IOException {
        streams.incrementAndGet();
        entered.countDown();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IOException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted at the test's gate", e);
        }
    }
}
