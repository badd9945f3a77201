package io.sluice.core.time;

import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand; both clocks advance together. Thread-safe. */
public final class ManualTime implements Time {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong wallMs = new AtomicLong(1_700_000_000_000L);

    @Override
    public long milliseconds() {
        return wallMs.get();
    }

    @Override
    public long nanoseconds() {
        return nanos.get();
    }

    public void sleep(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
        wallMs.addAndGet(ms);
    }

    /** Moves the monotonic clock by {@code n} nanoseconds (the wall clock by the whole milliseconds crossed). */
    public void advanceNanos(long n) {
        long before = nanos.getAndAdd(n);
        wallMs.addAndGet((before + n) / 1_000_000L - before / 1_000_000L);
    }
}
