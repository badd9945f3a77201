package io.sluice.it.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One record of a {@link RecordMix}, or one record as a reader saw it, in a form every client can be
 * compared with: raw key and value bytes (either may be null), headers in order, the timestamp.
 * Immutable (the arrays are never changed after construction).
 */
record MixRecord(byte[] key, byte[] value, List<Header> headers, long timestamp) {

    /** A header with its raw value (null allowed). */
    record Header(String key, byte[] value) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Header h && h.key.equals(key) && Arrays.equals(h.value, value);
        }

        @Override
        public int hashCode() {
            return 31 * key.hashCode() + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return key + "=" + (value == null ? "null" : new String(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Sluice's headers of this record. */
    List<io.sluice.api.Header> sluiceHeaders() {
        List<io.sluice.api.Header> out = new ArrayList<>(headers.size());
        headers.forEach(h -> out.add(new io.sluice.api.RecordHeader(h.key(), h.value())));
        return out;
    }

    /** The official client's headers of this record. */
    Iterable<org.apache.kafka.common.header.Header> kafkaHeaders() {
        List<org.apache.kafka.common.header.Header> out = new ArrayList<>(headers.size());
        headers.forEach(h -> out.add(new org.apache.kafka.common.header.internals.RecordHeader(h.key(), h.value())));
        return out;
    }

    /** What the official consumer returned, in this form. */
    static MixRecord of(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> r) {
        List<Header> headers = new ArrayList<>();
        r.headers().forEach(h -> headers.add(new Header(h.key(), h.value())));
        return new MixRecord(r.key(), r.value(), headers, r.timestamp());
    }

    /**
     * Asserts that {@code actual} equals this record field by field; {@code where} names the record
     * (e.g. partition and offset) in the failure message. Values are compared by length first so a
     * mismatch of a 60 KiB value does not flood the report.
     */
    void assertSameAs(MixRecord actual, String where) {
        assertThat(actual.key()).as(where + ": key").isEqualTo(key);
        if (value == null || actual.value() == null) {
            assertThat(actual.value()).as(where + ": value").isEqualTo(value);
        } else {
            assertThat(actual.value().length).as(where + ": value length").isEqualTo(value.length);
            assertThat(Arrays.equals(actual.value(), value)).as(where + ": value bytes equal").isTrue();
        }
        assertThat(actual.headers()).as(where + ": headers").containsExactlyElementsOf(headers);
        assertThat(actual.timestamp()).as(where + ": timestamp").isEqualTo(timestamp);
    }

    @Override
    public String toString() {
        return "MixRecord[key " + (key == null ? "null" : key.length + " bytes") + ", value "
                + (value == null ? "null" : value.length + " bytes") + ", headers " + headers + ", timestamp " + timestamp + "]";
    }
}
