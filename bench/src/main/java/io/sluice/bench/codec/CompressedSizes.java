package io.sluice.bench.codec;

import io.sluice.api.spi.Compressor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

/**
 * Prints, as a Markdown table, the compressed size of the benchmarks' records sections for every
 * codec and level of {@link CompressBenchmark}: Sluice's frame, the official client's, the library's
 * unframed output, and whether Sluice's and Kafka's bytes are identical. Not a benchmark: sizes are
 * deterministic.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.sluice.bench.codec.CompressedSizes</pre>
 */
public final class CompressedSizes {

    private static final List<String> CODECS = List.of("gzip:-1", "gzip:1", "gzip:9", "snappy", "lz4:1", "lz4:9",
            "lz4:17", "zstd:1", "zstd:3", "zstd:9");

    private CompressedSizes() {
    }

    public static void main(String[] args) {
        System.out.println("| codec:level | batch | uncompressed | Sluice | Kafka | raw library | Sluice/plain | Sluice bytes == Kafka bytes |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        for (int size : new int[] {16384, 1048576}) {
            byte[] plain = JsonRecords.ofSize(size).section();
            for (String name : CODECS) {
                System.out.println(row(CodecSpec.parse(name), size, plain));
            }
        }
    }

    private static String row(CodecSpec spec, int size, byte[] plain) {
        ByteBuffer ours;
        try (Compressor sluice = spec.sluice()) {
            ByteBuffer target = ByteBuffer.allocate(sluice.maxCompressedLength(plain.length));
            sluice.compress(ByteBuffer.wrap(plain), target, spec.sluiceLevel(sluice));
            ours = target.flip();
        }
        ByteBuffer kafkaTarget = ByteBuffer.allocate(plain.length * 2 + 1024);
        int kafkaSize = new KafkaCodec(spec.kafka()).compress(plain, kafkaTarget);
        ByteBuffer theirs = kafkaTarget.flip();
        int rawSize;
        try (RawCodec raw = spec.raw()) {
            rawSize = raw.compress(plain, plain.length, new byte[raw.maxCompressedLength(plain.length)]);
        }
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.3f | %s |", spec, size == 16384 ? "16 KiB" : "1 MiB",
                plain.length, ours.remaining(), kafkaSize, rawSize, (double) ours.remaining() / plain.length,
                ours.equals(theirs) ? "yes" : "no");
    }
}
