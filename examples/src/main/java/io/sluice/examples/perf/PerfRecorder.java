package io.sluice.examples.perf;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where completions land: successes go into the whole-run {@link PerfStats} (and the steady-state ones
 * after {@code --warmup-records}); failures are counted and the first few are printed to standard error
 * with the reason (Kafka's tool prints a stack trace for each one, which buries the summary).
 *
 * <p>Successes arrive on the producer's sender thread only, so the stats need no lock. Failures may also
 * arrive on the sending thread (when {@code send} itself fails), hence the atomic counters.
 */
final class PerfRecorder {

    private static final int PRINTED_FAILURES = 5;

    private final PerfStats total;
    private final PerfStats steadyState;
    private final PrintStream err;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong doubleCompletions = new AtomicLong();

    /** @param steadyState null without {@code --warmup-records} */
    PerfRecorder(PerfStats total, PerfStats steadyState, PrintStream err) {
        this.total = total;
        this.steadyState = steadyState;
        this.err = err;
    }

    void succeeded(long latencyNanos, int bytes, boolean inSteadyState, long nowNanos) {
        total.record(latencyNanos, bytes, nowNanos);
        if (inSteadyState) {
            steadyState.record(latencyNanos, bytes, nowNanos);
        }
    }

    void failed(Exception e) {
        long n = failures.incrementAndGet();
        if (n <= PRINTED_FAILURES) {
            err.println("Record failed: " + e);
        } else if (n == PRINTED_FAILURES + 1) {
            err.println("More records failed; only the first " + PRINTED_FAILURES + " are printed.");
        }
    }

    void completedTwice(String record, Exception exception) {
        doubleCompletions.incrementAndGet();
        err.println("The producer told one record's outcome twice (" + record + ", " + exception + "): it broke "
                + "its exactly-once completion contract");
    }

    long failures() {
        return failures.get();
    }

    long doubleCompletions() {
        return doubleCompletions.get();
    }

    PerfStats total() {
        return total;
    }

    PerfStats steadyState() {
        return steadyState;
    }
}
