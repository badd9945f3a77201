package io.sluice.core.network;

import io.sluice.core.time.Time;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests step by hand: both clocks move only when {@link #advance} is called. Thread-safe. */
public final class ManualTime implements Time {

    private final AtomicLong nanos;
    private final long wallOffsetMs;

    public ManualTime() {
        this(1_000_000L);
    }

    public ManualTime(long startMs) {
        this.nanos = new AtomicLong(startMs * 1_000_000L);
        this.wallOffsetMs = 1_700_000_000_000L;
    }

    public void advance(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }

    @Override
    public long milliseconds() {
        return wallOffsetMs + nanos.get() / 1_000_000L;
    }

    @Override
    public long nanoseconds() {
        return nanos.get();
    }
}
