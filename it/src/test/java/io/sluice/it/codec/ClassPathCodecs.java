package io.sluice.it.codec;

import io.sluice.api.spi.Compressor;
import io.sluice.core.record.CompressorLookup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The four codec modules' {@link Compressor}s, found as users' class-path producers find them: through
 * {@link ServiceLoader} and {@code META-INF/services}. Helpers to decompress and recompress a stored
 * batch's records section with them. Immutable after construction; the compressors are thread-safe.
 */
final class ClassPathCodecs implements AutoCloseable {

    private final List<Compressor> compressors = new ArrayList<>();
    private final CompressorLookup lookup;

    ClassPathCodecs() {
        ServiceLoader.load(Compressor.class).forEach(compressors::add);
        lookup = CompressorLookup.of(compressors.toArray(Compressor[]::new));
        for (int id = 1; id <= 4; id++) {
            if (lookup.forId(id) == null) {
                throw new IllegalStateException("No Compressor for codec id " + id + " (" + CompressorLookup.kafkaName(id)
                        + ") on the test class path; found " + compressors + ". Is sluice-codec-"
                        + CompressorLookup.kafkaName(id) + " a test dependency of sluice-it?");
            }
        }
    }

    CompressorLookup lookup() {
        return lookup;
    }

    Compressor forId(int codecId) {
        return lookup.forId(codecId);
    }

    /** The records section decompressed through the codec's stream API. */
    static byte[] decompressStream(Compressor codec, ByteBuffer section) {
        try (InputStream in = codec.decompress(new Compressor.ByteBufferInputStream(section.duplicate()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(codec.name() + " could not decompress a stored records section", e);
        }
    }

    /** The records section decompressed through the codec's {@code ByteBuffer} API. */
    static byte[] decompressBuffer(Compressor codec, ByteBuffer section) {
        ByteBuffer plain = codec.decompress(section.duplicate());
        byte[] bytes = new byte[plain.remaining()];
        plain.get(bytes);
        return bytes;
    }

    /** What the codec's {@code ByteBuffer} API (the one Sluice seals batches with) makes of {@code plain} at {@code level}. */
    static ByteBuffer compress(Compressor codec, byte[] plain, int level) {
        ByteBuffer target = ByteBuffer.allocate(codec.maxCompressedLength(plain.length));
        codec.compress(ByteBuffer.wrap(plain), target, level);
        return target.flip();
    }

    @Override
    public void close() {
        compressors.forEach(Compressor::close);
    }
}
