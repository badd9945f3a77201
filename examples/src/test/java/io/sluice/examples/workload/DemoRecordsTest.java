package io.sluice.examples.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class DemoRecordsTest {

    @Test
    void shouldKeyEvenRecordsAndLeaveOddRecordsKeyless() {
        DemoRecords records = new DemoRecords(100);

        assertThat(records.key(0)).asString(StandardCharsets.UTF_8).isEqualTo("user-0");
        assertThat(records.key(1)).isNull();
        assertThat(records.key(14)).asString(StandardCharsets.UTF_8).isEqualTo("user-7");
        assertThat(records.key(2 * 5000 + 6)).asString(StandardCharsets.UTF_8).isEqualTo("user-3");
    }

    @Test
    void shouldStartEachValueWithItsIndexAndTheCrc32OfKeyAndFiller() {
        DemoRecords records = new DemoRecords(64);
        byte[] key = records.key(42);

        byte[] value = records.value(42, key).clone();

        assertThat(value).hasSize(64);
        String header = new String(value, 0, DemoRecords.HEADER_BYTES, StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(key);
        crc.update(value, DemoRecords.HEADER_BYTES, value.length - DemoRecords.HEADER_BYTES);
        assertThat(header).isEqualTo(String.format("%010d:%08x:", 42, crc.getValue()));
        assertThat(new String(value, 20, 16, StandardCharsets.US_ASCII)).isEqualTo("sluice-demo-run:");
        assertThat(new String(value, 36, 16, StandardCharsets.US_ASCII)).matches("[A-Z]{16}");
    }

    @Test
    void shouldMakeTheSameValueForTheSameIndexAndDifferentOnesForOthers() {
        DemoRecords a = new DemoRecords(100);
        DemoRecords b = new DemoRecords(100);

        byte[] first = a.value(7, null).clone();

        assertThat(b.value(7, null)).isEqualTo(first);
        assertThat(b.value(9, null)).isNotEqualTo(first);
    }

    @Test
    void shouldRefuseARecordSizeWithoutRoomForTheHeader() {
        assertThatThrownBy(() -> new DemoRecords(DemoRecords.MIN_RECORD_SIZE - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--record-size 23 is too small").hasMessageContaining("use at least 24");
    }
}
