package io.sluice.testkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class DemoRecordFormatTest {

    /** A value as io.sluice.examples.workload.DemoRecords lays it out. */
    private static byte[] value(long index, byte[] key, String filler) {
        byte[] rest = filler.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        if (key != null) {
            crc.update(key);
        }
        crc.update(rest);
        return (String.format("%010d:%08x:", index, crc.getValue()) + filler).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void shouldReadTheIndexOfAnIntactRecordWithOrWithoutKey() {
        byte[] key = "user-7".getBytes(StandardCharsets.UTF_8);

        assertThat(DemoRecordFormat.index(key, value(14, key, "sluice-demo-run:ABCD"))).isEqualTo(14);
        assertThat(DemoRecordFormat.index(null, value(15, null, "sluice-demo-run:ABCD"))).isEqualTo(15);
    }

    @Test
    void shouldRejectAChangedValueAChangedOrLostKeyAndForeignRecords() {
        byte[] key = "user-7".getBytes(StandardCharsets.UTF_8);
        byte[] value = value(14, key, "sluice-demo-run:ABCD");
        byte[] flipped = value.clone();
        flipped[value.length - 1] = 'E';

        assertThat(DemoRecordFormat.index(key, flipped)).isEqualTo(-1);
        assertThat(DemoRecordFormat.index("user-8".getBytes(StandardCharsets.UTF_8), value)).isEqualTo(-1);
        assertThat(DemoRecordFormat.index(null, value)).isEqualTo(-1);
        assertThat(DemoRecordFormat.index(null, "hello".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(DemoRecordFormat.index(null, null)).isEqualTo(-1);
    }

    @Test
    void shouldPlaceKeyedRecordsWhereKafkasProducerDoes() {
        for (int n = 0; n < 200; n++) {
            byte[] key = ("user-" + n).getBytes(StandardCharsets.UTF_8);
            assertThat(DemoRecordFormat.murmur2Partition(key, 6)).isEqualTo(BuiltInPartitioner.partitionForKey(key, 6));
        }
    }
}
