package io.sluice.codec.gzip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.ByteBufferOutputStream;

/**
 * Apache Kafka 4.4's own codec classes, as its producer and broker use them for magic v2 record
 * batches: the reference our bytes are checked against. Test scope only.
 */
final class KafkaOracle {

    private KafkaOracle() {
    }

    /** What Kafka's producer writes for {@code input}, written in one call. */
    static byte[] compress(Compression compression, byte[] input) {
        ByteBufferOutputStream sink = new ByteBufferOutputStream(64);
        try (OutputStream out = compression.wrapForOutput(sink, RecordBatch.MAGIC_VALUE_V2)) {
            out.write(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer written = sink.buffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    /** What Kafka's consumer (and broker) read back from {@code compressed}. */
    static byte[] decompress(Compression compression, byte[] compressed) {
        try (BufferSupplier buffers = BufferSupplier.create();
             InputStream in = compression.wrapForInput(ByteBuffer.wrap(compressed), RecordBatch.MAGIC_VALUE_V2, buffers)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
