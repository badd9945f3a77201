package io.sluice.bench.alloc;

import io.sluice.api.Callback;
import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.core.Producers;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;

/** Sluice's producer sending one reused record with one shared callback. Sending thread only (callback: network thread). */
final class SluiceSender implements AllocationPerRecord.Sender {

    private final Producer<byte[], byte[]> producer;
    private final ProducerRecord<byte[], byte[]> record;
    private final Callback callback;

    SluiceSender(Properties config, String topic, byte[] value, Semaphore inFlight) {
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
    }

    @Override
    public void send() {
        producer.send(record, callback);
    }

    @Override
    public void close() {
        producer.close();
    }
}
