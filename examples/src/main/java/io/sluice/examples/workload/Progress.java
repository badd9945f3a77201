package io.sluice.examples.workload;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints a progress line every interval while a run goes on:
 * {@code progress  41% |########............| 412000 of 1000000 acknowledged, 398765 records/s (38.0 MB/s)}.
 * The rate is that of the last interval; the last line, printed by {@link #close}, has the rate of the whole run.
 * Its own daemon thread prints; {@link #sent} is called by the sending
 * thread, the figures are read from {@link RunStats} (thread-safe).
 */
public final class Progress implements AutoCloseable {

    private static final int BAR = 20;

    private final long total;
    private final RunStats stats;
    private final PrintStream out;
    private final ScheduledExecutorService timer;
    private final AtomicLong sent = new AtomicLong();
    private final long startNanos = System.nanoTime();
    /** Timer thread only, then the closing thread once the timer has stopped. */
    private long lastAcked;
    private long lastBytes;
    private long lastNanos;

    private Progress(long total, RunStats stats, PrintStream out) {
        this.total = total;
        this.stats = stats;
        this.out = out;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-demo-progress");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts printing every {@code intervalMs}. */
    public static Progress start(long total, RunStats stats, PrintStream out, long intervalMs) {
        Progress p = new Progress(total, stats, out);
        p.lastNanos = p.startNanos;
        p.timer.scheduleAtFixedRate(p::print, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        return p;
    }

    /** The sending thread's count of records handed to {@code send}. */
    public void sent(long count) {
        sent.set(count);
    }

    private void print() {
        long now = System.nanoTime();
        long acked = stats.acknowledged();
        long bytes = stats.acknowledgedBytes();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        int filled = (int) (BAR * acked / Math.max(1, total));
        out.println(String.format(Locale.ROOT, "progress %3d%% |%s%s| %d of %d acknowledged (%d sent), %.0f records/s (%.1f MB/s)",
                100 * acked / Math.max(1, total), "#".repeat(filled), ".".repeat(BAR - filled), acked, total, sent.get(),
                (acked - lastAcked) / seconds, (bytes - lastBytes) / seconds / 1e6));
        out.flush();
        lastAcked = acked;
        lastBytes = bytes;
        lastNanos = now;
    }

    /**
     * Stops the timer and prints a last line with the run's figures so far (once; later calls do nothing), so that
     * every run shows at least one progress line, however short it was.
     */
    @Override
    public void close() {
        if (timer.isShutdown()) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS); // a print under way finishes before the last line
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lastAcked = 0;
        lastBytes = 0;
        lastNanos = startNanos;
        print();
    }
}
