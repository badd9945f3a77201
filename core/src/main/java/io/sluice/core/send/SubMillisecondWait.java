package io.sluice.core.send;

import io.sluice.core.network.KafkaClient;
import io.sluice.core.time.Time;
import java.util.concurrent.locks.LockSupport;

/**
 * How the sender waits for a batch's {@code linger.ms} (or retry backoff) to end without waking up
 * late. Readiness is judged on the millisecond clock ({@link Time#monotonicMs()}), as in Kafka, so a
 * batch becomes sendable at the instant that clock ticks to {@code createdMs + linger.ms}. The network
 * poll's timeout counts whole milliseconds from whenever it is called, though, so polling for "the
 * milliseconds left" wakes up as much as 1 ms after that instant (0.5 ms on average): every
 * lingering batch would wait that much longer than {@code linger.ms} asks.
 *
 * <p>So the wait is split: a poll for the whole milliseconds that end before the instant (network
 * events and {@code wakeup()} end it early, as always), then, once less than a millisecond is left, a
 * non-blocking poll and a park for the rest. The park only decides when the sender looks again: the
 * next turn's readiness check still decides on the millisecond clock, so nothing is sent early.
 * While parked (under 1 ms, only just before a batch is due) the sender does no network I/O;
 * {@link #wakeup} ends the park for a user thread that made a batch ready.
 *
 * <p>Owned by the sender thread, except {@link #wakeup}, which any thread may call.
 */
public final class SubMillisecondWait {

    /** Parks the calling thread for up to the given nanoseconds; may return early. */
    @FunctionalInterface
    public interface Parker {
        Parker SYSTEM = LockSupport::parkNanos;

        void parkNanos(long nanos);
    }

    static final long NANOS_PER_MS = 1_000_000L;

    private final Time time;
    private final Parker parker;

    SubMillisecondWait(Time time, Parker parker) {
        this.time = time;
        this.parker = parker;
    }

    /**
     * Polls {@code client} until the millisecond clock reads {@code deadlineMs} (or something happens
     * sooner); returns at most a millisecond early and then expects to be called again.
     *
     * @param nowMs the millisecond clock when the turn began (what the poll is told)
     */
    void await(KafkaClient client, long deadlineMs, long nowMs) {
        long leftNanos = firstNanosOf(deadlineMs) - time.nanoseconds();
        long wholeMs = leftNanos / NANOS_PER_MS;
        if (wholeMs > 0) {
            client.poll(wholeMs, nowMs); // ends up to 1 ms before the deadline; the next turn parks the rest
            return;
        }
        client.poll(0, nowMs); // what the network has now, without waiting
        leftNanos = firstNanosOf(deadlineMs) - time.nanoseconds();
        if (leftNanos <= 0) {
            if (time.monotonicMs() < deadlineMs) {
                // a clock whose milliseconds do not follow its nanoseconds: wait the coarse way, never spin
                client.poll(1, nowMs);
            }
            return;
        }
        parker.parkNanos(leftNanos);
    }

    /**
     * Ends a park under way, or the next one (any thread); the sender then looks at the accumulator at
     * once. Unconditional on purpose: a wakeup that lands just before the sender starts to park leaves
     * a permit that makes that park return at once, where checking a "parked" flag first could miss it
     * and let a ready batch wait out the rest of the millisecond. A stale permit costs one extra turn.
     * Wakeups come when a batch fills or opens, not per record.
     */
    void wakeup(Thread senderThread) {
        LockSupport.unpark(senderThread);
    }

    /**
     * The first value of {@link Time#nanoseconds()} at which {@link Time#monotonicMs()} (nanoseconds
     * divided by a million, rounded toward zero) reads {@code ms}.
     */
    static long firstNanosOf(long ms) {
        return ms > 0 ? ms * NANOS_PER_MS : (ms - 1) * NANOS_PER_MS + 1;
    }
}
