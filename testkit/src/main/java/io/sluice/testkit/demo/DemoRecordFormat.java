package io.sluice.testkit.demo;

import java.util.zip.CRC32;
import org.apache.kafka.common.utils.Utils;

/**
 * The reading side of the demo's record layout (see {@code io.sluice.examples.workload.DemoRecords}): a value
 * starts with {@code %010d:%08x:}, the record's index and the CRC32 of the key's bytes followed by the rest of the
 * value. Stateless.
 */
final class DemoRecordFormat {

    static final int HEADER_BYTES = 20;

    private DemoRecordFormat() {
    }

    /** The record's index, or -1 if the value is not a demo record or its checksum does not match. */
    static long index(byte[] key, byte[] value) {
        if (value == null || value.length < HEADER_BYTES || value[10] != ':' || value[19] != ':') {
            return -1;
        }
        long index = 0;
        for (int i = 0; i < 10; i++) {
            int d = value[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            index = index * 10 + d;
        }
        long sum = 0;
        for (int i = 11; i < 19; i++) {
            int h = Character.digit(value[i], 16);
            if (h < 0) {
                return -1;
            }
            sum = sum << 4 | h;
        }
        CRC32 crc = new CRC32();
        if (key != null) {
            crc.update(key);
        }
        crc.update(value, HEADER_BYTES, value.length - HEADER_BYTES);
        return crc.getValue() == sum ? index : -1;
    }

    /** The partition Kafka's default partitioner gives a keyed record. */
    static int murmur2Partition(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
