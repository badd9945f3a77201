package io.sluice.core.metrics;

/** The sum of everything recorded since the producer started (Kafka's {@code *-total} metrics). Guarded by the sensor's lock. */
final class CumulativeSum implements Stat {

    private double total;

    @Override
    public void record(double value, long nowMs) {
        total += value;
    }

    @Override
    public double measure(long nowMs) {
        return total;
    }
}
