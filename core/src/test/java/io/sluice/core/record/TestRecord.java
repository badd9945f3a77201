package io.sluice.core.record;

import io.sluice.api.Header;
import io.sluice.api.RecordHeader;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One record's content as tests compare it: timestamp, key, value, headers. Immutable. */
final class TestRecord {

    final long timestamp;
    final byte[] key;
    final byte[] value;
    final List<Header> headers;

    TestRecord(long timestamp, byte[] key, byte[] value, List<Header> headers) {
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.headers = List.copyOf(headers);
    }

    static TestRecord of(long timestamp, String key, String value, Header... headers) {
        return new TestRecord(timestamp, bytes(key), bytes(value), List.of(headers));
    }

    static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    Header[] headerArray() {
        return headers.toArray(new Header[0]);
    }

    org.apache.kafka.common.header.Header[] kafkaHeaders() {
        return headers.stream()
                .map(h -> new org.apache.kafka.common.header.internals.RecordHeader(h.key(), h.value()))
                .toArray(org.apache.kafka.common.header.Header[]::new);
    }

    int keySize() {
        return key == null ? -1 : key.length;
    }

    int valueSize() {
        return value == null ? -1 : value.length;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TestRecord)) {
            return false;
        }
        TestRecord other = (TestRecord) o;
        return timestamp == other.timestamp && Arrays.equals(key, other.key) && Arrays.equals(value, other.value)
                && headers.size() == other.headers.size() && sameHeaders(other.headers);
    }

    private boolean sameHeaders(List<Header> others) {
        for (int i = 0; i < headers.size(); i++) {
            if (!new RecordHeader(headers.get(i).key(), headers.get(i).value()).equals(others.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, Arrays.hashCode(key), Arrays.hashCode(value), headers.size());
    }

    @Override
    public String toString() {
        return "TestRecord(ts=" + timestamp + ", key=" + describe(key) + ", value=" + describe(value) + ", headers="
                + headers.stream().map(h -> h.key() + "=" + describe(h.value())).collect(Collectors.joining(",", "[", "]"))
                + ")";
    }

    private static String describe(byte[] bytes) {
        return bytes == null ? "null" : bytes.length + "B";
    }
}
