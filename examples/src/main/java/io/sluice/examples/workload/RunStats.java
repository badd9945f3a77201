package io.sluice.examples.workload;

import io.sluice.api.Callback;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * What one run's acknowledgements say: how many records were acknowledged or failed, and each acknowledged
 * record's latency from {@code send} to acknowledgement in an HdrHistogram (microseconds, 3 significant digits).
 *
 * <p>Threads: successes are recorded by the producer's sender thread only (it runs the callbacks), so the
 * histogram has one writer. Failures may also come from the sending thread, hence atomics. Readers on other
 * threads read {@link #acknowledged()} (a volatile read) before the histogram: the sender thread records into the
 * histogram before it increments the counter, so a reader that sees the last count sees every latency.
 */
public final class RunStats {

    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong ackedBytes = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /** A callback for one record sent at {@code sendNanos} (one small object per record, as any user's callback). */
    Callback completion(long sendNanos, int bytes) {
        return (metadata, exception) -> {
            if (exception != null) {
                failed(exception);
                return;
            }
            long micros = (System.nanoTime() - sendNanos) / 1000;
            latencies.recordValue(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
            ackedBytes.addAndGet(bytes);
            acknowledged.incrementAndGet();
        };
    }

    void failed(Exception e) {
        firstFailure.compareAndSet(null, e);
        failed.incrementAndGet();
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Key and value bytes of the acknowledged records. */
    public long acknowledgedBytes() {
        return ackedBytes.get();
    }

    /** The first failure's exception, or null. */
    public Exception firstFailure() {
        return firstFailure.get();
    }

    /**
     * Latency in milliseconds at {@code percentile} (0..100) of the acknowledged records; read it once every
     * record has completed.
     */
    public double latencyMs(double percentile) {
        acknowledged(); // the volatile read that makes the sender thread's histogram writes visible
        return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxLatencyMs() {
        acknowledged();
        return latencies.getTotalCount() == 0 ? 0 : latencies.getMaxValue() / 1000.0;
    }
}
