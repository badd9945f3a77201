package io.sluice.bench.memory;

import io.sluice.api.Metric;
import io.sluice.api.MetricName;
import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.core.Producers;
import java.util.Map;

/** Sluice's producer as a {@link MemoryDriver}. Thread use as the interface says. */
final class SluiceDriver implements MemoryDriver {

    private final Producer<byte[], byte[]> producer;

    SluiceDriver(Map<String, Object> config) {
        Map<String, Object> c = new java.util.HashMap<>(config);
        c.put("key.serializer", "bytearray");
        c.put("value.serializer", "bytearray");
        this.producer = Producers.create(c);
    }

    @Override
    public void send(String topic, byte[] key, byte[] value, java.util.function.Consumer<Exception> done) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> done.accept(error));
    }

    @Override
    public long heldBytes() {
        return (long) (metric("buffer-total-bytes") - metric("buffer-available-bytes"));
    }

    @Override
    public double bufferWaitRatio() {
        return metric("bufferpool-wait-ratio");
    }

    @Override
    public String diagnostics() {
        StringBuilder b = new StringBuilder();
        for (String name : DIAGNOSTIC_METRICS) {
            b.append(name).append('=').append(String.format(java.util.Locale.ROOT, "%.1f", metric(name))).append(' ');
        }
        return b.toString().trim();
    }

    private double metric(String name) {
        for (Map.Entry<MetricName, ? extends Metric> e : producer.metrics().entrySet()) {
            if (e.getKey().name().equals(name) && e.getKey().group().equals("producer-metrics")) {
                return ((Number) e.getValue().metricValue()).doubleValue();
            }
        }
        throw new IllegalStateException("Sluice's producer has no metric " + name + " in group producer-metrics");
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
