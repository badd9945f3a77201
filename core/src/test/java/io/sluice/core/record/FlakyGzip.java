package io.sluice.core.record;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * gzip that refuses to start a frame while {@code failures} is positive (counting it down) and counts
 * every frame it is asked for. Thread-safe: atomics.
 */
public final class FlakyGzip extends GzipTestCompressor {

    /** Frames still to refuse; a test may raise it at any time. */
    public final AtomicInteger failures;
    /** Frames asked for, refused or not. */
    public final AtomicInteger calls = new AtomicInteger();

    public FlakyGzip(int failures) {
        this.failures = new AtomicInteger(failures);
    }

    @Override
    protected void beforeFrame() throws IOException {
        calls.incrementAndGet();
        if (failures.getAndDecrement() > 0) {
            throw new IOException("codec refused for the test");
        }
    }
}
