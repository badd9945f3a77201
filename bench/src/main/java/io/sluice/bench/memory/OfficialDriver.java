package io.sluice.bench.memory;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Apache Kafka's producer (kafka-clients 4.4.0) as a {@link MemoryDriver}. Thread use as the interface says. */
final class OfficialDriver implements MemoryDriver {

    private final KafkaProducer<byte[], byte[]> producer;

    OfficialDriver(Map<String, Object> config) {
        Properties p = new Properties();
        p.putAll(config);
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
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
        throw new IllegalStateException("Kafka's producer has no metric " + name + " in group producer-metrics");
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
