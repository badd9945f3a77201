package io.sluice.bench.alloc;

import java.util.Properties;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Kafka's producer sending one reused record with one shared callback. Sending thread only (callback: network thread). */
final class OfficialSender implements AllocationPerRecord.Sender {

    private final KafkaProducer<byte[], byte[]> producer;
    private final ProducerRecord<byte[], byte[]> record;
    private final Callback callback;

    OfficialSender(Properties config, String topic, byte[] value, Semaphore inFlight) {
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
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
