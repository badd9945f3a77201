package io.sluice.bench.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.ByteBufferOutputStream;

/**
 * The official client's compression path (kafka-clients 4.4.0) over a whole records section: the
 * stream {@link Compression#wrapForOutput} gives the producer's {@code MemoryRecordsBuilder}, and
 * {@link Compression#wrapForInput} the consumer's batch reader, with a reused {@link BufferSupplier}
 * as a consumer keeps one.
 *
 * <p>Thread-confined: the buffer supplier caches buffers for one thread.
 */
final class KafkaCodec {

    private static final byte MAGIC_V2 = 2;

    private final Compression compression;
    private final BufferSupplier buffers = BufferSupplier.create();

    KafkaCodec(Compression compression) {
        this.compression = compression;
    }

    /** Compresses {@code plain} into {@code target} (cleared first; it must be large enough); returns the size. */
    int compress(byte[] plain, ByteBuffer target) {
        target.clear();
        ByteBufferOutputStream out = new ByteBufferOutputStream(target);
        try (OutputStream stream = compression.wrapForOutput(out, MAGIC_V2)) {
            stream.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.buffer() != target) {
            throw new IllegalStateException("The target buffer was too small: Kafka's stream grew it");
        }
        return out.position();
    }

    /**
     * Decompresses {@code frame[0, length)} into {@code plain}, reading the stream to its end (give
     * {@code plain} a byte more than the records); returns the size.
     */
    int decompress(byte[] frame, int length, byte[] plain) {
        try (InputStream in = compression.wrapForInput(ByteBuffer.wrap(frame, 0, length), MAGIC_V2, buffers)) {
            int n = 0;
            for (int read = in.read(plain, 0, plain.length); read > 0; read = in.read(plain, n, plain.length - n)) {
                n += read;
            }
            if (n == plain.length) {
                throw new IllegalStateException("The plain buffer was too small: give it a byte more than the records");
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
