package io.sluice.core.metrics;

/**
 * One statistic of a {@link Sensor}: it takes recorded values and yields a metric value.
 * Implementations are guarded by their sensor's lock.
 */
interface Stat {

    void record(double value, long nowMs);

    double measure(long nowMs);
}
