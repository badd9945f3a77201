package io.sluice.examples.perf;

import io.sluice.examples.perf.PerfOptions.KeyDistribution;
import io.sluice.examples.perf.PerfOptions.KeySpec;
import io.sluice.examples.perf.PerfOptions.PayloadSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.SplittableRandom;

/**
 * Makes the keys and values of a perf run as Kafka's {@code kafka-producer-perf-test} makes them, from one
 * {@link SplittableRandom} seeded with {@code --random-seed} (value first, then key, for each record), so
 * both tools send the same bytes for the same seed:
 * <ul>
 *   <li>{@code --record-size n}: n random upper-case letters ({@code 'A' + nextInt(26)}), written into one
 *       array that is refilled for every record. The producer copies a record's bytes during {@code send},
 *       so reusing the array is safe, and it keeps the tool's own allocation out of the measurement.</li>
 *   <li>{@code --payload-file}: the file split at the delimiter (a regular expression, as Kafka's
 *       {@code Scanner}); each record picks one payload at random.</li>
 *   <li>{@code --payload-monotonic}: the record's index in decimal.</li>
 *   <li>keys: none, {@code index % range} or {@code nextInt(range)} in decimal. Keys are made once per
 *       distinct value and reused (Kafka's tool makes a new array each time; the bytes are the same).</li>
 * </ul>
 * Owned by the sending thread: call {@link #nextValue} then {@link #nextKey} for each record, in order.
 */
final class RecordSource {

    private static final int CACHED_KEYS_MAX = 1 << 20;

    private final SplittableRandom random;
    private final PayloadSpec payload;
    private final KeySpec keys;
    private final byte[] letters;
    private final List<byte[]> filePayloads;
    private final byte[][] cachedKeys;

    private RecordSource(PayloadSpec payload, KeySpec keys, long seed, List<byte[]> filePayloads) {
        this.random = new SplittableRandom(seed);
        this.payload = payload;
        this.keys = keys;
        this.letters = payload instanceof PayloadSpec.RandomLetters r ? new byte[r.recordSize()] : null;
        this.filePayloads = filePayloads;
        this.cachedKeys = keys.distribution() != KeyDistribution.NONE && keys.range() <= CACHED_KEYS_MAX
                ? new byte[keys.range()][] : null;
    }

    /**
     * Reads a payload file if the options name one, printing what Kafka's tool prints about it.
     *
     * @throws PerfArguments.UsageException if the payload file is missing, empty or unreadable
     */
    static RecordSource of(PerfOptions options, PrintStream out) {
        List<byte[]> filePayloads = List.of();
        if (options.payload() instanceof PayloadSpec.FromFile file) {
            filePayloads = readPayloads(Path.of(file.path()), file.delimiter(), out);
        }
        return new RecordSource(options.payload(), options.keys(), options.randomSeed(), filePayloads);
    }

    byte[] nextValue(long index) {
        if (letters != null) {
            for (int i = 0; i < letters.length; i++) {
                letters[i] = (byte) ('A' + random.nextInt(26));
            }
            return letters;
        }
        if (payload instanceof PayloadSpec.FromFile) {
            return filePayloads.get(random.nextInt(filePayloads.size()));
        }
        return Long.toString(index).getBytes(StandardCharsets.UTF_8);
    }

    /** The key of the record whose value was just made, or null. */
    byte[] nextKey(long index) {
        int k;
        switch (keys.distribution()) {
            case RANGE:
                k = (int) (index % keys.range());
                break;
            case RANDOM:
                k = random.nextInt(keys.range());
                break;
            default:
                return null;
        }
        if (cachedKeys == null) {
            return Integer.toString(k).getBytes(StandardCharsets.UTF_8);
        }
        byte[] key = cachedKeys[k];
        if (key == null) {
            key = Integer.toString(k).getBytes(StandardCharsets.UTF_8);
            cachedKeys[k] = key;
        }
        return key;
    }

    private static List<byte[]> readPayloads(Path path, String delimiter, PrintStream out) {
        out.println("Reading payloads from: " + path.toAbsolutePath());
        List<byte[]> payloads = new ArrayList<>();
        try {
            if (Files.notExists(path) || Files.size(path) == 0) {
                throw new PerfArguments.UsageException("File does not exist or empty file provided: "
                        + path.toAbsolutePath() + " (--payload-file)");
            }
            try (Scanner scanner = new Scanner(path, StandardCharsets.UTF_8)) {
                scanner.useDelimiter(delimiter);
                while (scanner.hasNext()) {
                    payloads.add(scanner.next().getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new PerfArguments.UsageException("Cannot read --payload-file " + path.toAbsolutePath() + ": " + e);
        }
        if (payloads.isEmpty()) {
            throw new PerfArguments.UsageException("--payload-file " + path.toAbsolutePath()
                    + " holds no payload between the delimiters " + printable(delimiter));
        }
        out.println("Number of records read: " + payloads.size());
        return payloads;
    }

    private static String printable(String delimiter) {
        return "'" + delimiter.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
    }
}
