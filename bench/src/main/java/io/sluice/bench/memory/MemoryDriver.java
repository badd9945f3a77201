package io.sluice.bench.memory;

/**
 * One producer under the many-partitions memory benchmark: sends keyed byte records and tells how much buffer
 * memory its pool has handed to batches right now ({@code buffer-total-bytes - buffer-available-bytes}, Kafka's
 * metric names, which both producers publish with the same meaning). Used by the benchmark's sending thread;
 * {@link #heldBytes} also by its sampling thread (both producers' metrics are thread-safe).
 */
interface MemoryDriver extends AutoCloseable {

    /** Sends one record; {@code done} gets null once the record succeeded, or its error. */
    void send(String topic, byte[] key, byte[] value, java.util.function.Consumer<Exception> done);

    /** Bytes of buffer memory held by batches now: total minus available, from the producer's metrics. */
    long heldBytes();

    /** The producer's {@code bufferpool-wait-ratio}, or NaN if it has none. */
    double bufferWaitRatio();

    /** Kafka's names of the metrics {@link #diagnostics} prints (both producers have them). */
    java.util.List<String> DIAGNOSTIC_METRICS = java.util.List.of("record-queue-time-avg", "record-queue-time-max",
            "request-latency-avg", "records-per-request-avg", "batch-size-avg", "request-rate", "record-send-rate", "record-retry-total");

    /** The {@link #DIAGNOSTIC_METRICS} now, as name=value pairs, for the console. */
    String diagnostics();

    /** Waits for every record sent to complete. */
    void flush();

    @Override
    void close();
}
