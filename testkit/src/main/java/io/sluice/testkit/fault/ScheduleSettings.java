package io.sluice.testkit.fault;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link FaultSchedule} does, as its builder left it: a value, read by the schedule's thread only.
 *
 * @param seed        seed of the schedule's random draws
 * @param proxies     the proxies network faults hit
 * @param brokers     the cluster broker faults hit, or null for none
 * @param topic       the topic whose partition's leader {@link FaultKind#LEADER_RESTART} stops and whose replicas
 *                    must be in sync again after each broker restart; null for none
 * @param partition   that partition
 * @param weights     how often each kind is picked, relatively; kinds absent are never picked
 * @param pause       shortest and longest pause between two faults
 * @param hold        shortest and longest time a stall, delay, blackhole, refusal or armed cut lasts
 * @param downtime    shortest and longest time a stopped broker stays down
 * @param frameDelay  shortest and longest per-frame delay of a {@link FaultKind#DELAY}
 * @param maxFaults   the schedule ends after this many attempts (Integer.MAX_VALUE: when stopped)
 * @param clock       timestamps of the events
 */
record ScheduleSettings(
        long seed,
        List<FaultProxy> proxies,
        BrokerControl brokers,
        String topic,
        int partition,
        Map<FaultKind, Integer> weights,
        Range pause,
        Range hold,
        Range downtime,
        Range frameDelay,
        int maxFaults,
        Clock clock) {

    /** A closed range of durations to draw from. */
    record Range(Duration min, Duration max) {

        Range {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("Duration range " + min + ".." + max
                        + " is empty or negative; give 0 <= min <= max");
            }
        }

        Duration draw(java.util.Random random) {
            long span = max.toMillis() - min.toMillis();
            return min.plusMillis(span == 0 ? 0 : (long) (random.nextDouble() * (span + 1)));
        }
    }
}
