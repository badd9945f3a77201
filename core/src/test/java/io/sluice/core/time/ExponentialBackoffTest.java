package io.sluice.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    private static Random fixed(double value) {
        return new Random() {
            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void shouldDoubleFromTheInitialValueToTheMaxWithoutJitterAtTheMiddle() {
        ExponentialBackoff backoff = ExponentialBackoff.doubling(50, 1000, fixed(0.5));
        assertThat(new long[] {backoff.backoff(0), backoff.backoff(1), backoff.backoff(2), backoff.backoff(3), backoff.backoff(4),
                backoff.backoff(5), backoff.backoff(50)}).containsExactly(50, 100, 200, 400, 800, 1000, 1000);
    }

    @Test
    void shouldBeConstantWhenTheMaxIsNotAboveTheInitialValue() {
        ExponentialBackoff backoff = ExponentialBackoff.doubling(500, 200, fixed(0.0));
        assertThat(backoff.backoff(0)).isEqualTo(200);
        assertThat(backoff.backoff(7)).isEqualTo(200);
    }

    @Test
    void shouldMatchKafkasExponentialBackoffWithoutJitter() {
        org.apache.kafka.common.utils.internals.ExponentialBackoff kafka = new org.apache.kafka.common.utils.internals.ExponentialBackoff(100, 2, 1000, 0);
        ExponentialBackoff ours = new ExponentialBackoff(100, 2, 1000, 0, new Random(1));
        for (int attempts = 0; attempts < 12; attempts++) {
            assertThat(ours.backoff(attempts)).as("attempt %d", attempts).isEqualTo(kafka.backoff(attempts));
        }
    }

    @Property(tries = 300)
    void shouldStayWithinTwentyPercentOfTheTermAndNeverAboveTheMax(@ForAll @LongRange(min = 1, max = 10_000) long initial,
                                                                  @ForAll @LongRange(min = 1, max = 100_000) long max,
                                                                  @ForAll @IntRange(min = 0, max = 40) int attempts,
                                                                  @ForAll long seed) {
        ExponentialBackoff backoff = ExponentialBackoff.doubling(initial, max, new Random(seed));
        long first = Math.min(initial, max);
        double term = Math.min(first * Math.pow(2, attempts), Math.max(max, first));
        long value = backoff.backoff(attempts);
        assertThat(value).isLessThanOrEqualTo(max);
        if (max > first) {
            assertThat(value).isGreaterThanOrEqualTo((long) (0.8 * term) - 1).isLessThanOrEqualTo((long) Math.ceil(1.2 * term));
        } else {
            assertThat(value).isEqualTo(max);
        }
    }

    @Test
    void shouldRefuseNonsense() {
        assertThatThrownBy(() -> new ExponentialBackoff(-1, 2, 10, 0.2, new Random())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExponentialBackoff(1, 1, 10, 0.2, new Random())).hasMessage("Backoff multiplier must be >= 2, got 1");
        assertThatThrownBy(() -> new ExponentialBackoff(1, 2, 10, 1.5, new Random())).hasMessage("Backoff jitter must be within [0, 1], got 1.5");
    }
}
