package io.sluice.bench.alloc;

import io.sluice.api.Callback;
import io.sluice.api.DeliveryListener;
import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.TopicPartition;
import io.sluice.core.Producers;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;

/**
 * Sluice's producer sending one reused record with one shared callback ({@code send(record, callback)}, which
 * returns a future), or with one shared {@link DeliveryListener} ({@code send(record, tag, listener)}, no future).
 * Sending thread only (callback and listener: network thread).
 */
final class SluiceSender implements AllocationPerRecord.Sender {

    private final Producer<byte[], byte[]> producer;
    private final ProducerRecord<byte[], byte[]> record;
    private final Callback callback;
    private final DeliveryListener listener;
    private long sent;

    SluiceSender(Properties config, String topic, byte[] value, Semaphore inFlight, boolean withListener) {
        Map<String, Object> c = new HashMap<>();
        config.forEach((k, v) -> c.put((String) k, v));
        c.put("key.serializer", "bytearray");
        c.put("value.serializer", "bytearray");
        this.producer = Producers.create(c);
        this.record = new ProducerRecord<>(topic, null, value);
        this.callback = (metadata, error) -> {
            if (error != null) {
                throw new IllegalStateException("A record failed; the measurement is void", error);
            }
            inFlight.release();
        };
        this.listener = !withListener ? null : new DeliveryListener() {
            @Override
            public void onAcknowledged(long tag, TopicPartition partition, long offset, long timestamp) {
                inFlight.release();
            }

            @Override
            public void onFailed(long tag, TopicPartition partition, Exception exception) {
                throw new IllegalStateException("Record " + tag + " failed; the measurement is void", exception);
            }
        };
    }

    @Override
    public void send() {
        if (listener != null) {
            producer.send(record, sent++, listener);
        } else {
            producer.send(record, callback);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
