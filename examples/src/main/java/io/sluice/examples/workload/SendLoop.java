package io.sluice.examples.workload;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Sends the records of {@link DemoRecords} {@code 0 .. count-1} to one topic as fast as the producer takes them,
 * then flushes. It stops early at the first failure (a send that threw, or a callback with an error), since the
 * demo and the tuner are meant to show a healthy pipeline, and waiting out {@code max.block.ms} for each of a
 * million records of an unreachable cluster helps no one. Used by one thread, the sending thread.
 */
public final class SendLoop {

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final DemoRecords records;
    /** Records per second to aim at; 0 or less: as fast as possible. */
    private double throughput;

    public SendLoop(Producer<byte[], byte[]> producer, String topic, DemoRecords records) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.records = Objects.requireNonNull(records, "records");
    }

    /**
     * Holds the sending to about {@code recordsPerSecond} (sleeping once it is 2 ms ahead); 0 or less sends as fast
     * as the producer takes records.
     */
    public SendLoop throughput(double recordsPerSecond) {
        this.throughput = recordsPerSecond;
        return this;
    }

    /**
     * Sends, then flushes, so that every callback has run when it returns.
     *
     * @param sentSoFar told the number of records handed to {@code send} every 1024 records (for progress)
     * @return how many records were handed to {@code send} (fewer than {@code count} if it stopped on a failure)
     */
    public long run(long count, RunStats stats, LongConsumer sentSoFar) {
        long sent = 0;
        long start = System.nanoTime();
        for (long i = 0; i < count && stats.failed() == 0; i++) {
            byte[] key = records.key(i);
            byte[] value = records.value(i, key);
            int bytes = value.length + (key == null ? 0 : key.length);
            try {
                producer.send(new ProducerRecord<>(topic, null, key, value), stats.completion(System.nanoTime(), bytes));
            } catch (RuntimeException e) {
                stats.failed(e); // refused before it was buffered; the callback may not run
            }
            sent++;
            if (throughput > 0) {
                pace(start, sent);
            }
            if ((sent & 1023) == 0) {
                sentSoFar.accept(sent);
            }
        }
        sentSoFar.accept(sent);
        producer.flush();
        return sent;
    }

    private void pace(long start, long sent) {
        long due = start + (long) (sent * 1e9 / throughput);
        long ahead = due - System.nanoTime();
        if (ahead > 2_000_000) {
            LockSupport.parkNanos(ahead);
        }
    }
}
