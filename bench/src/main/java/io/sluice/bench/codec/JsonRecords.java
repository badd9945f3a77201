package io.sluice.bench.codec;

import io.sluice.core.record.RecordBatchBuilder;
import io.sluice.core.record.RecordBatchDescriptor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The benchmark input: records of realistic JSON events (values about 100 bytes, four in five keyed,
 * one in four with a trace header), and the records section of a v2 batch holding them, which is
 * exactly what a producer hands to its codec. Seeded: every run and every fork compresses the same
 * bytes. Immutable.
 */
public final class JsonRecords {

    private static final String[] EVENTS = {"click", "view", "add_to_cart", "purchase", "search", "logout"};
    private static final String[] PAGES = {"/", "/products", "/products/17", "/cart", "/checkout", "/search?q=kafka"};
    private static final long BASE_TIMESTAMP = 1_700_000_000_000L;

    /** One record's parts. Arrays are not copied: never change them. */
    public record Record(long timestamp, byte[] key, byte[] value, String headerKey, byte[] headerValue) {
        public boolean hasHeader() {
            return headerKey != null;
        }
    }

    private final List<Record> records;
    private final byte[] section;

    private JsonRecords(List<Record> records, byte[] section) {
        this.records = records;
        this.section = section;
    }

    /**
     * As many records as fill a records section of {@code targetBytes} (the uncompressed batch size).
     *
     * @param targetBytes e.g. 16 KiB or 1 MiB
     */
    public static JsonRecords ofSize(int targetBytes) {
        Random random = new Random(20_250_101L);
        List<Record> records = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(targetBytes + 64 * 1024);
        RecordBatchBuilder builder = new RecordBatchBuilder(buffer, RecordBatchDescriptor.RECORDS_OFFSET + targetBytes);
        while (true) {
            Record r = next(random, records.size());
            int delta = builder.tryAppend(r.timestamp(), r.key(), r.value(), headersOf(r));
            if (delta == RecordBatchBuilder.NO_ROOM) {
                break;
            }
            records.add(r);
        }
        ByteBuffer batch = builder.close(null);
        byte[] section = new byte[batch.remaining() - RecordBatchDescriptor.RECORDS_OFFSET];
        batch.get(RecordBatchDescriptor.RECORDS_OFFSET, section);
        return new JsonRecords(List.copyOf(records), section);
    }

    /** The uncompressed records section: the codecs' input. */
    public byte[] section() {
        return section.clone();
    }

    public int sectionSize() {
        return section.length;
    }

    public List<Record> records() {
        return records;
    }

    /** Sluice's headers of a record (none or one). */
    public static io.sluice.api.Header[] headersOf(Record r) {
        return r.hasHeader()
                ? new io.sluice.api.Header[] {new io.sluice.api.RecordHeader(r.headerKey(), r.headerValue())}
                : new io.sluice.api.Header[0];
    }

    private static Record next(Random random, int sequence) {
        byte[] key = random.nextInt(5) == 0 ? null : utf8("user-" + random.nextInt(5000));
        String value = "{\"id\":" + sequence
                + ",\"user\":\"u-" + random.nextInt(10_000)
                + "\",\"event\":\"" + EVENTS[random.nextInt(EVENTS.length)]
                + "\",\"page\":\"" + PAGES[random.nextInt(PAGES.length)]
                + "\",\"amount\":" + random.nextInt(1000) + "." + (10 + random.nextInt(90))
                + ",\"ok\":" + random.nextBoolean() + "}";
        String headerKey = null;
        byte[] headerValue = null;
        if (random.nextInt(4) == 0) {
            byte[] trace = new byte[8];
            random.nextBytes(trace);
            headerKey = "trace-id";
            headerValue = utf8(HexFormat.of().formatHex(trace));
        }
        return new Record(BASE_TIMESTAMP + sequence, key, utf8(value), headerKey, headerValue);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
