package io.sluice.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdleTrackerTest {

    private final IdleTracker<String> tracker = new IdleTracker<>(100);
    private final IdleTracker.Entry<String> a = new IdleTracker.Entry<>("a");
    private final IdleTracker.Entry<String> b = new IdleTracker.Entry<>("b");
    private final IdleTracker.Entry<String> c = new IdleTracker.Entry<>("c");

    @Test
    void shouldExpireOnlyAfterMoreThanTheLimitWithoutActivity() {
        tracker.touch(a, 1000);

        assertThat(tracker.nextExpired(1100)).isNull();
        assertThat(tracker.msUntilNextExpiry(1100)).isEqualTo(1);
        assertThat(tracker.nextExpired(1101)).isEqualTo("a");
        assertThat(tracker.msUntilNextExpiry(1101)).isZero();
    }

    @Test
    void shouldExpireTheLeastRecentlyActiveFirstAndMoveTouchedEntriesBack() {
        tracker.touch(a, 0);
        tracker.touch(b, 10);
        tracker.touch(c, 20);
        tracker.touch(a, 30);

        assertThat(tracker.nextExpired(200)).isEqualTo("b");
        tracker.remove(b);
        assertThat(tracker.nextExpired(200)).isEqualTo("c");
        tracker.remove(c);
        assertThat(tracker.nextExpired(200)).isEqualTo("a");
        tracker.remove(a);
        assertThat(tracker.nextExpired(200)).isNull();
        assertThat(tracker.msUntilNextExpiry(200)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldKeepOrderWhenTheTailOrAMiddleEntryIsTouchedOrRemoved() {
        tracker.touch(a, 0);
        tracker.touch(b, 10);
        tracker.touch(c, 20);
        tracker.touch(c, 25);
        tracker.remove(b);
        tracker.remove(b);
        tracker.touch(b, 40);

        assertThat(tracker.msUntilNextExpiry(50)).isEqualTo(51);
        tracker.remove(a);
        assertThat(tracker.msUntilNextExpiry(50)).isEqualTo(76);
        tracker.remove(c);
        assertThat(tracker.msUntilNextExpiry(50)).isEqualTo(91);
    }

    @Test
    void shouldTrackNothingWhenIdleExpiryIsOff() {
        IdleTracker<String> never = new IdleTracker<>(-1);

        never.touch(a, 0);

        assertThat(never.nextExpired(Long.MAX_VALUE)).isNull();
        assertThat(never.msUntilNextExpiry(0)).isEqualTo(Long.MAX_VALUE);
    }
}
