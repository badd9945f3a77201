package io.sluice.examples.workload;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * The records of the demo and the tuner: self-checking, so that whoever reads them back can tell a record
 * that arrived intact from one that did not without knowing how they were made.
 *
 * <p>Record {@code i} (counting from 0) has
 * <ul>
 *   <li>a key {@code user-<n>} ({@code n = (i / 2) % 5000}, UTF-8) when {@code i} is even, no key when it is odd:
 *       half the records are placed by the key's murmur2 hash, half by uniform sticky partitioning;</li>
 *   <li>a value of exactly {@code recordSize} bytes: the ASCII header {@code %010d:%08x:} (the index, then the
 *       CRC32 of the key's bytes followed by the filler, in hex), then the filler: 16-byte runs alternating
 *       between a fixed phrase and random upper-case letters, so codecs find something but not everything to
 *       compress.</li>
 * </ul>
 * This layout is a contract with {@code io.sluice.testkit.DemoTopic verify}, which checks it on the other side.
 *
 * <p>Owned by the sending thread: {@link #value} refills one array that is reused for every record (the producer
 * copies a record's bytes during {@code send}).
 */
public final class DemoRecords {

    /** {@code %010d:%08x:} */
    public static final int HEADER_BYTES = 20;
    /** A header and at least a few bytes of filler. */
    public static final int MIN_RECORD_SIZE = HEADER_BYTES + 4;
    /** Distinct keys. */
    public static final int KEYS = 5000;

    private static final byte[] PHRASE = "sluice-demo-run:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final int recordSize;
    private final byte[] value;
    private final byte[][] keys = new byte[KEYS][];
    private final CRC32 crc = new CRC32();

    /**
     * @throws IllegalArgumentException if {@code recordSize} is below {@link #MIN_RECORD_SIZE}
     */
    public DemoRecords(int recordSize) {
        if (recordSize < MIN_RECORD_SIZE) {
            throw new IllegalArgumentException("--record-size " + recordSize + " is too small: each value carries a "
                    + HEADER_BYTES + "-byte header (index and checksum) to be checked on read-back; use at least "
                    + MIN_RECORD_SIZE);
        }
        this.recordSize = recordSize;
        this.value = new byte[recordSize];
    }

    public int recordSize() {
        return recordSize;
    }

    /** Whether record {@code index} has a key. */
    public static boolean keyed(long index) {
        return (index & 1) == 0;
    }

    /** The key of record {@code index}, or null; one shared array per distinct key. */
    public byte[] key(long index) {
        if (!keyed(index)) {
            return null;
        }
        int n = (int) ((index / 2) % KEYS);
        byte[] key = keys[n];
        if (key == null) {
            key = ("user-" + n).getBytes(StandardCharsets.UTF_8);
            keys[n] = key;
        }
        return key;
    }

    /** The value of record {@code index}, written into the one reused array; call after {@link #key}. */
    public byte[] value(long index, byte[] key) {
        SplittableRandom random = new SplittableRandom(index);
        for (int j = HEADER_BYTES; j < recordSize; j++) {
            int offset = j - HEADER_BYTES;
            value[j] = (offset / 16) % 2 == 0 ? PHRASE[offset % PHRASE.length] : (byte) ('A' + random.nextInt(26));
        }
        crc.reset();
        if (key != null) {
            crc.update(key);
        }
        crc.update(value, HEADER_BYTES, recordSize - HEADER_BYTES);
        writeDecimal(index, 0, 10);
        value[10] = ':';
        long sum = crc.getValue();
        for (int d = 0; d < 8; d++) {
            value[18 - d] = HEX[(int) (sum >>> (4 * d)) & 0xf];
        }
        value[19] = ':';
        return value;
    }

    private void writeDecimal(long n, int from, int width) {
        long rest = n;
        for (int i = from + width - 1; i >= from; i--) {
            value[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
