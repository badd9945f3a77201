package io.sluice.it.modules;

import io.sluice.api.spi.Compressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Run by {@link PluginDiscoveryTest} in a child JVM, from the class path, with Sluice's modules on the
 * module path: finds each codec named on the command line through {@link ServiceLoader} (so through the
 * codec module's {@code provides}) and makes it compress and decompress 64 KiB of JSON through both its
 * ByteBuffer API (heap and direct, what batches are sealed with) and its streams (what batches are read
 * with). The codec's code and its library then run as named modules, not merely get instantiated.
 * Prints one line per codec; exits with 1 if a codec is missing or a round trip fails.
 */
public final class CodecRoundTripProbe {

    private CodecRoundTripProbe() {
    }

    public static void main(String[] args) throws Exception {
        byte[] plain = json(64 * 1024);
        System.out.println("named modules: " + ModuleLayer.boot().modules().stream().map(Module::getName)
                .filter(n -> !n.startsWith("java.") && !n.startsWith("jdk.")).sorted().toList());
        boolean failed = false;
        for (String name : args) {
            Optional<Compressor> found = ServiceLoader.load(Compressor.class).stream()
                    .map(ServiceLoader.Provider::get).filter(c -> c.name().equals(name)).findFirst();
            if (found.isEmpty()) {
                System.out.println(name + ": NOT FOUND");
                failed = true;
                continue;
            }
            try (Compressor codec = found.get()) {
                codec.configure(java.util.Map.of());
                String result = roundTrip(codec, plain);
                System.out.println(name + ": " + result + " in module " + codec.getClass().getModule().getName());
                failed |= !result.startsWith("round trip OK");
            }
        }
        System.exit(failed ? 1 : 0);
    }

    private static String roundTrip(Compressor codec, byte[] plain) throws IOException {
        int level = codec.defaultLevel();
        ByteBuffer heap = ByteBuffer.allocate(codec.maxCompressedLength(plain.length));
        int heapSize = codec.compress(ByteBuffer.wrap(plain), heap, level);
        ByteBuffer direct = ByteBuffer.allocateDirect(codec.maxCompressedLength(plain.length));
        ByteBuffer directSource = ByteBuffer.allocateDirect(plain.length).put(plain).flip();
        int directSize = codec.compress(directSource, direct, level);
        heap.flip();
        direct.flip();
        if (!heap.equals(direct)) {
            return "MISMATCH: heap and direct compression differ (" + heapSize + " vs " + directSize + " bytes)";
        }
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (InputStream in = codec.decompress(new Compressor.ByteBufferInputStream(heap.duplicate()))) {
            in.transferTo(streamed);
        }
        if (!ByteBuffer.wrap(streamed.toByteArray()).equals(ByteBuffer.wrap(plain))) {
            return "MISMATCH: the stream decompressed " + streamed.size() + " bytes, not the " + plain.length + " sent";
        }
        if (!codec.decompress(direct.duplicate()).equals(ByteBuffer.wrap(plain))) {
            return "MISMATCH: ByteBuffer decompression differs from the input";
        }
        return "round trip OK (" + plain.length + " -> " + heapSize + " bytes)";
    }

    private static byte[] json(int size) {
        StringBuilder sb = new StringBuilder(size + 128);
        for (int i = 0; sb.length() < size; i++) {
            sb.append("{\"id\":").append(i).append(",\"user\":\"u-").append(i * 7919 % 10_000)
                    .append("\",\"event\":\"click\",\"page\":\"/products/").append(i % 97).append("\"}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
