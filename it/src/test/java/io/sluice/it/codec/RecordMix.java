package io.sluice.it.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, realistic mix of records for the codec end-to-end tests: about 100-byte JSON-ish
 * event values, keys from a few hundred users (one in five null: sticky partitioning), zero to three
 * headers (one with a null value now and then), timestamps that mostly rise but sometimes step back,
 * one tombstone (null value), and every 200th record a larger value (8 to 64 KiB of JSON lines) so a
 * batch also holds records bigger than its {@code batch.size}-sized neighbours. Stateless.
 */
final class RecordMix {

    /** First timestamp of the mix: 2020-09-13T12:26:40Z. */
    static final long BASE_TIMESTAMP = 1_600_000_000_000L;

    private static final String[] EVENTS = {"click", "view", "add_to_cart", "purchase", "search", "logout"};
    private static final String[] PAGES = {"/", "/products", "/products/17", "/cart", "/checkout", "/search?q=kafka"};

    private RecordMix() {
    }

    /** {@code count} records from a generator seeded with {@code seed}: equal arguments, equal records. */
    static List<MixRecord> generate(int count, long seed) {
        Random random = new Random(seed);
        List<MixRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] key = random.nextInt(5) == 0 ? null : utf8("user-" + random.nextInt(300));
            byte[] value;
            if (i == count / 2) {
                value = null; // a tombstone
                key = utf8("user-deleted-" + i);
            } else if (i % 200 == 199) {
                value = largeValue(random, 8 * 1024 + random.nextInt(56 * 1024));
            } else {
                value = utf8(event(random, i));
            }
            long timestamp = BASE_TIMESTAMP + i * 3L - (random.nextInt(10) == 0 ? random.nextInt(500) : 0);
            records.add(new MixRecord(key, value, headers(random, i), timestamp));
        }
        return List.copyOf(records);
    }

    /** About 100 bytes of one event in JSON, like what many producers send. */
    static String event(Random random, int sequence) {
        return "{\"id\":" + sequence
                + ",\"user\":\"u-" + random.nextInt(10_000)
                + "\",\"event\":\"" + EVENTS[random.nextInt(EVENTS.length)]
                + "\",\"page\":\"" + PAGES[random.nextInt(PAGES.length)]
                + "\",\"amount\":" + random.nextInt(1000) + "." + (10 + random.nextInt(90))
                + ",\"ok\":" + random.nextBoolean() + "}";
    }

    private static byte[] largeValue(Random random, int approximateBytes) {
        StringBuilder json = new StringBuilder(approximateBytes + 128).append("[\n");
        int n = 0;
        while (json.length() < approximateBytes) {
            json.append(event(random, n++)).append(",\n");
        }
        return utf8(json.append("{}]").toString());
    }

    private static List<MixRecord.Header> headers(Random random, int sequence) {
        int count = random.nextInt(4);
        List<MixRecord.Header> headers = new ArrayList<>(count);
        if (count >= 1) {
            byte[] trace = new byte[8];
            random.nextBytes(trace);
            headers.add(new MixRecord.Header("trace-id", utf8(HexFormat.of().formatHex(trace))));
        }
        if (count >= 2) {
            headers.add(new MixRecord.Header("content-type", utf8("application/json")));
        }
        if (count >= 3) {
            headers.add(new MixRecord.Header("retry-of", sequence % 7 == 0 ? null : utf8(Integer.toString(sequence))));
        }
        return List.copyOf(headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
