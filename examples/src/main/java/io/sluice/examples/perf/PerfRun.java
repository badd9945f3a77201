package io.sluice.examples.perf;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import java.io.PrintStream;
import java.util.Objects;

/**
 * One perf run: sends {@code --num-records} records through a producer as fast as allowed, then closes
 * the producer (or, with {@code --print-metrics}, flushes it, prints, and closes it), and prints Kafka's
 * summary. The loop allocates only the {@link ProducerRecord} per record (a user object); values, keys and
 * callbacks are reused, so an allocation profile of a run shows the producer's own allocation.
 *
 * <p>Used by one thread, the sending thread; the producer's sender thread runs the callbacks.
 */
public final class PerfRun {

    /** Slots for in-flight records: 32 MB of {@code buffer.memory} holds about 300,000 records of 100 bytes. */
    private static final int MAX_SLOTS = 1 << 19;
    /** After close()/flush() returned every callback has run; this is only slack for a flush's last callbacks. */
    private static final long LOST_AFTER_NANOS = 10_000_000_000L;

    private final PerfOptions options;
    private final RecordSource records;
    private final PrintStream out;
    private final PrintStream err;

    private PerfRun(PerfOptions options, RecordSource records, PrintStream out, PrintStream err) {
        this.options = options;
        this.records = records;
        this.out = out;
        this.err = err;
    }

    /**
     * Checks what the run needs before a producer is made: HdrHistogram readable, the payload file read.
     *
     * @throws IllegalStateException if HdrHistogram is missing (the message says how to add it)
     * @throws IllegalArgumentException if the payload file is missing, empty or unreadable
     */
    public static PerfRun prepare(PerfOptions options, PrintStream out, PrintStream err) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        LatencyHistogram.checkAvailable();
        return new PerfRun(options, RecordSource.of(options, out), out, err);
    }

    /**
     * Runs the records through the producer and closes it.
     *
     * @return how many records failed (0 for success)
     */
    public long execute(Producer<byte[], byte[]> producer) {
        PerfStats total = new PerfStats(false, options.reportingIntervalMs(), out);
        PerfStats steady = options.warmupRecords() > 0 ? new PerfStats(true, options.reportingIntervalMs(), out) : null;
        PerfRecorder recorder = new PerfRecorder(total, steady, err);
        CompletionSlots slots = new CompletionSlots((int) Math.min(MAX_SLOTS, options.numRecords()), recorder);
        if (options.warmupRecords() > 0) {
            out.println("Warmup first " + options.warmupRecords() + " records. Steady state results will print after "
                    + "the complete test summary.");
        }
        long start = System.nanoTime();
        total.start(start);
        sendAll(producer, slots, recorder, new Throttler(options.throughput(), start));
        if (options.printMetrics()) {
            producer.flush();
        } else {
            producer.close();
        }
        int lost = slots.awaitAllCompleted(LOST_AFTER_NANOS);
        long end = System.nanoTime();
        total.printTotal(end);
        if (steady != null) {
            steady.printTotal(end);
        }
        if (options.printMetrics()) {
            MetricsPrinter.print(producer.metrics(), out);
            producer.close();
        }
        return report(recorder, lost);
    }

    private void sendAll(Producer<byte[], byte[]> producer, CompletionSlots slots,
                         PerfRecorder recorder, Throttler throttler) {
        String topic = options.topic();
        long n = options.numRecords();
        long warmup = options.warmupRecords();
        for (long i = 0; i < n; i++) {
            byte[] value = records.nextValue(i);
            byte[] key = records.nextKey(i);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, key, value);
            boolean steadyState = warmup > 0 && i >= warmup;
            if (steadyState && i == warmup) {
                recorder.steadyState().start(System.nanoTime());
                recorder.total().stopPrinting();
            }
            CompletionSlots.Slot slot = slots.acquire(i);
            long now = System.nanoTime();
            slot.start(i, now, value.length, steadyState);
            try {
                producer.send(record, i, slot);
            } catch (RuntimeException e) {
                // the record was refused before buffering; the callback may or may not have been told
                slot.failIfPending(e);
            }
            if (throttler.shouldThrottle(i, now)) {
                throttler.throttle();
            }
        }
    }

    private long report(PerfRecorder recorder, int lost) {
        if (lost > 0) {
            err.println(lost + " records never completed: their callbacks had not run " + LOST_AFTER_NANOS / 1_000_000_000
                    + " s after " + (options.printMetrics() ? "flush()" : "close()") + " returned, so the producer "
                    + "lost them (a bug: every record must complete exactly once). They count as failed.");
        }
        long failed = recorder.failures() + lost;
        if (failed > 0) {
            err.println(failed + " of " + options.numRecords() + " records failed (" + recorder.total().count()
                    + " acknowledged); see the reasons above.");
        }
        if (recorder.doubleCompletions() > 0) {
            err.println(recorder.doubleCompletions() + " records completed more than once.");
            return failed + recorder.doubleCompletions();
        }
        return failed;
    }
}
