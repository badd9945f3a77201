package io.sluice.codec.gzip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import io.sluice.api.spi.Compressor;

/**
 * The ways a batch goes through a {@link Compressor}: its streams (bulk or byte-by-byte writes)
 * and its ByteBuffer methods over heap, direct and offset buffers. Each path returns plain arrays
 * so tests compare paths with each other and with Kafka.
 */
enum CodecPaths {
    STREAM_BULK_WRITE,
    STREAM_SMALL_WRITES,
    HEAP_TO_HEAP,
    DIRECT_TO_DIRECT,
    HEAP_TO_DIRECT,
    DIRECT_TO_HEAP,
    OFFSET_SLICES;

    byte[] compress(Compressor codec, byte[] input, int level) throws IOException {
        switch (this) {
            case STREAM_BULK_WRITE:
            case STREAM_SMALL_WRITES:
                return compressStream(codec, input, level, this == STREAM_SMALL_WRITES);
            default:
                ByteBuffer source = buffer(input, sourceKind());
                int bound = codec.maxCompressedLength(input.length);
                ByteBuffer target = allocate(bound, targetKind());
                int startPosition = target.position();
                int written = codec.compress(source, target, level);
                assertThat(source.hasRemaining()).as("source fully consumed").isFalse();
                assertThat(target.position() - startPosition).as("target advanced by the return value").isEqualTo(written);
                assertThat(written).as("within maxCompressedLength").isLessThanOrEqualTo(bound);
                target.flip().position(startPosition);
                return toArray(target);
        }
    }

    byte[] decompress(Compressor codec, byte[] compressed) throws IOException {
        switch (this) {
            case STREAM_BULK_WRITE:
                try (InputStream in = codec.decompress(new ByteArrayInputStream(compressed))) {
                    return in.readAllBytes();
                }
            case STREAM_SMALL_WRITES:
                try (InputStream in = codec.decompress(new ByteArrayInputStream(compressed))) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    for (int b = in.read(); b >= 0; b = in.read()) {
                        out.write(b);
                    }
                    return out.toByteArray();
                }
            default:
                ByteBuffer source = buffer(compressed, sourceKind());
                ByteBuffer result = codec.decompress(source);
                assertThat(source.hasRemaining()).as("source fully consumed").isFalse();
                assertThat(result.position()).as("result positioned at 0").isZero();
                return toArray(result);
        }
    }

    private static byte[] compressStream(Compressor codec, byte[] input, int level, boolean small) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = codec.compress(sink, level)) {
            if (small) {
                // single bytes, then odd-sized pieces: exercises every buffering branch
                int i = 0;
                for (; i < Math.min(input.length, 1000); i++) {
                    out.write(input[i]);
                }
                while (i < input.length) {
                    int n = Math.min(input.length - i, 1 + (i % 7919));
                    out.write(input, i, n);
                    i += n;
                }
            } else {
                out.write(input);
            }
        }
        return sink.toByteArray();
    }

    private enum Kind { HEAP, DIRECT, HEAP_OFFSET, DIRECT_OFFSET }

    private Kind sourceKind() {
        switch (this) {
            case DIRECT_TO_DIRECT:
            case DIRECT_TO_HEAP:
                return Kind.DIRECT;
            case OFFSET_SLICES:
                return Kind.HEAP_OFFSET;
            default:
                return Kind.HEAP;
        }
    }

    private Kind targetKind() {
        switch (this) {
            case DIRECT_TO_DIRECT:
            case HEAP_TO_DIRECT:
                return Kind.DIRECT;
            case OFFSET_SLICES:
                return Kind.DIRECT_OFFSET;
            default:
                return Kind.HEAP;
        }
    }

    /** The bytes as the remaining part of a buffer of the given kind (offset kinds: non-zero position and array offset). */
    static ByteBuffer buffer(byte[] bytes, Kind kind) {
        ByteBuffer buffer = allocate(bytes.length, kind);
        int position = buffer.position();
        buffer.put(bytes).position(position);
        buffer.limit(position + bytes.length);
        return buffer;
    }

    private static ByteBuffer allocate(int length, Kind kind) {
        switch (kind) {
            case HEAP:
                return ByteBuffer.allocate(length);
            case DIRECT:
                return ByteBuffer.allocateDirect(length);
            case HEAP_OFFSET:
                return ByteBuffer.allocate(length + 20).position(3).slice().position(5).limit(5 + length);
            default:
                return ByteBuffer.allocateDirect(length + 20).position(7).limit(7 + length);
        }
    }

    static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
