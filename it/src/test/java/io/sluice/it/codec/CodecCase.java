package io.sluice.it.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A {@code compression.type} with an optional {@code compression.<type>.level}, and the codec id
 * Kafka writes into batch attributes for it. The same keys and values configure Sluice and the
 * official producer (KIP-390). Immutable.
 *
 * @param type    Kafka's codec name: none, gzip, snappy, lz4, zstd
 * @param codecId the id in bits 0-2 of the batch attributes
 * @param level   the configured level, or null for the codec's default
 */
record CodecCase(String type, int codecId, Integer level) {

    /** Every codec at its default level, plus a non-default level for each codec that has levels. */
    static Stream<CodecCase> all() {
        return Stream.of(
                new CodecCase("none", 0, null),
                new CodecCase("gzip", 1, null),
                new CodecCase("gzip", 1, 1),
                new CodecCase("gzip", 1, 9),
                new CodecCase("snappy", 2, null),
                new CodecCase("lz4", 3, null),
                new CodecCase("lz4", 3, 1),
                new CodecCase("lz4", 3, 17),
                new CodecCase("zstd", 4, null),
                new CodecCase("zstd", 4, -5),
                new CodecCase("zstd", 4, 12));
    }

    /** {@code compression.type} and, if set, the level key, for either client. */
    Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("compression.type", type);
        if (level != null) {
            config.put("compression." + type + ".level", level);
        }
        return config;
    }

    /** A topic-name fragment: {@code gzip}, {@code gzip-l9}, {@code zstd-l-5}. */
    String slug() {
        return level == null ? type : type + "-l" + level;
    }

    @Override
    public String toString() {
        return level == null ? "compression.type=" + type : "compression.type=" + type + ", level " + level;
    }
}
