package io.sluice.core.send;

import static io.sluice.core.send.SenderHarness.BROKER_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.record.BatchCompression;
import io.sluice.core.time.ManualTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sender's wait for a lingering batch ends when the millisecond clock reaches
 * {@code createdMs + linger.ms}, not up to a millisecond later, and never lets a batch go before.
 * The clock is stepped by hand: the parker moves it instead of sleeping.
 */
class SenderLingerWakeUpTest {

    private static final long LINGER_MS = 5;

    /** What each park asked for, in nanoseconds. */
    private final List<Long> parks = new ArrayList<>();
    /** How much of a park's request the clock moves (1.0: the whole of it; less: an early return). */
    private double parkFraction = 1.0;
    private final SenderHarness h = new SenderHarness((short) 1, 3, 120_000, new PlainDelivery(), BatchCompression.NONE,
            LINGER_MS, nanos -> {
                parks.add(nanos);
                harnessTime().advanceNanos((long) (nanos * parkFraction));
            });

    private ManualTime harnessTime() {
        return h.time;
    }

    @Test
    void shouldPollForTheWholeMillisecondsBeforeTheLingerEndsThenParkTheFractionAndSendExactlyWhenItEnds() {
        h.lead(BROKER_1, "t", 0);
        h.time.advanceNanos(300_000); // 0.3 ms into a millisecond: polling for "5 ms" would end 0.3 ms late
        long createdMs = h.time.monotonicMs();
        h.send("t", 0, "v");

        h.sender.runOnce();
        assertThat(h.client.all).as("nothing goes before linger.ms").isEmpty();
        assertThat(h.client.pollTimeouts).containsExactly(4L); // 4.7 ms left: the 4 whole ones
        assertThat(parks).isEmpty();

        h.time.sleep(4); // the poll ran its course: 0.7 ms left
        h.sender.runOnce();
        assertThat(h.client.all).isEmpty();
        assertThat(h.client.pollTimeouts).containsExactly(4L, 0L); // I/O first, without waiting
        assertThat(parks).containsExactly(700_000L);
        assertThat(h.time.monotonicMs()).isEqualTo(createdMs + LINGER_MS);

        h.sender.runOnce();
        assertThat(h.client.all).as("sent on the turn the millisecond clock reached the end of linger.ms").hasSize(1);
    }

    @Test
    void shouldNotSendABatchWhenAParkReturnsEarly() {
        h.lead(BROKER_1, "t", 0);
        long createdMs = h.time.monotonicMs();
        h.send("t", 0, "v");
        h.time.advanceNanos(4_200_000); // 0.8 ms before the batch may go
        parkFraction = 0.5; // a spurious wake-up (or a wakeup() for another reason) half way

        h.sender.runOnce();
        assertThat(parks).containsExactly(800_000L);
        assertThat(h.time.monotonicMs()).isEqualTo(createdMs + LINGER_MS - 1);
        assertThat(h.client.all).isEmpty();

        h.sender.runOnce(); // still before the end of linger.ms: parks the rest again
        assertThat(h.client.all).isEmpty();
        assertThat(parks).containsExactly(800_000L, 400_000L);

        parkFraction = 1.0;
        h.sender.runOnce();
        assertThat(h.client.all).isEmpty();
        h.sender.runOnce();
        assertThat(h.client.all).hasSize(1);
        assertThat(h.time.monotonicMs()).isEqualTo(createdMs + LINGER_MS);
    }

    @Test
    void shouldPollWithoutParkingWhenNoBatchIsWaitingForItsLinger() {
        h.lead(BROKER_1, "t", 0);
        h.sender.runOnce(); // nothing buffered

        assertThat(h.client.pollTimeouts).containsExactly(Long.MAX_VALUE);
        assertThat(parks).isEmpty();
    }

    @Test
    void shouldSendAFullBatchAtOnceWithoutWaiting() {
        h.lead(BROKER_1, "t", 0);
        h.time.advanceNanos(300_000);
        h.send("t", 0, "first");
        h.send("t", 0, "x".repeat(16 * 1024)); // does not fit: the first batch is full, a second one starts

        h.sender.runOnce();
        assertThat(h.client.all).hasSize(1);
        assertThat(h.client.pollTimeouts).containsExactly(0L); // more may be sendable at once
        assertThat(parks).isEmpty();
    }

    @Test
    void shouldMapEveryMillisecondToTheFirstNanosecondTheClockReadsIt() {
        for (long ms : new long[] {-3, -1, 0, 1, 7}) {
            long first = SubMillisecondWait.firstNanosOf(ms);
            assertThat(first / SubMillisecondWait.NANOS_PER_MS).as("ms %d at its first nanosecond", ms).isEqualTo(ms);
            assertThat((first - 1) / SubMillisecondWait.NANOS_PER_MS).as("ms %d one nanosecond before", ms).isEqualTo(ms - 1);
        }
    }
}
