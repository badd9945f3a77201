package io.sluice.codec.zstd;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/** Named inputs every codec test runs over: edge sizes, incompressible, compressible, realistic. */
final class TestData {

    /** One input with a readable name for parameterized test display. */
    record Payload(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name + " (" + bytes.length + " B)";
        }
    }

    private TestData() {
    }

    static List<Payload> payloads() {
        return List.of(
                new Payload("empty", new byte[0]),
                new Payload("one byte", new byte[] {42}),
                new Payload("random 1 KiB", random(1024, 1)),
                new Payload("random 200 KiB", random(200 * 1024, 2)),
                new Payload("zeros 100 KiB", new byte[100 * 1024]),
                new Payload("repeated text 70 KiB", repeatedText(70 * 1024)),
                new Payload("json records 100x100", jsonRecords(100, 3)),
                new Payload("json records 1000x100", jsonRecords(1000, 4)),
                new Payload("mixed 3 MiB", mixed(3 * 1024 * 1024, 5)));
    }

    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] repeatedText(int length) {
        byte[] line = "the quick brown fox jumps over the lazy dog, again and again; ".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = line[i % line.length];
        }
        return bytes;
    }

    /** {@code count} JSON-ish records of exactly 100 bytes each, concatenated, like a batch's values. */
    static byte[] jsonRecords(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = {"alice", "bob", "carol", "dave", "erin", "frank"};
        String[] events = {"click", "view", "purchase", "login", "logout"};
        StringBuilder all = new StringBuilder(count * 100);
        for (int i = 0; i < count; i++) {
            String record = String.format("{\"id\":%d,\"user\":\"%s\",\"event\":\"%s\",\"ts\":%d,\"v\":%d.%02d",
                    i, names[random.nextInt(names.length)], events[random.nextInt(events.length)],
                    1_700_000_000_000L + random.nextInt(1_000_000), random.nextInt(1000), random.nextInt(100));
            StringBuilder padded = new StringBuilder(record).append(",\"p\":\"");
            while (padded.length() < 98) {
                padded.append((char) ('a' + random.nextInt(26)));
            }
            all.append(padded, 0, 98).append("\"}");
        }
        return all.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Several megabytes alternating JSON, random and zero stretches (crosses many block sizes). */
    static byte[] mixed(int length, long seed) {
        byte[] json = jsonRecords(2000, seed);
        byte[] noise = random(50_000, seed + 1);
        byte[] out = new byte[length];
        int pos = 0;
        int turn = 0;
        while (pos < length) {
            byte[] part = switch (turn++ % 3) {
                case 0 -> json;
                case 1 -> noise;
                default -> new byte[30_000];
            };
            int n = Math.min(part.length, length - pos);
            System.arraycopy(part, 0, out, pos, n);
            pos += n;
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int pos = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, pos, part.length);
            pos += part.length;
        }
        return out;
    }
}
