package io.sluice.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** An immutable {@link Header}. */
public final class RecordHeader implements Header {

    private final String key;
    private final byte[] value;

    /**
     * @param key   non-null header key
     * @param value the value; {@code null} is allowed. The array is not copied: do not modify it.
     * @throws NullPointerException if {@code key} is null
     */
    public RecordHeader(String key, byte[] value) {
        this.key = Objects.requireNonNull(key, "Header key cannot be null");
        this.value = value;
    }

    /**
     * A header whose value is the UTF-8 encoding of {@code value}.
     *
     * @param key   non-null header key
     * @param value the value as text, or {@code null} for a null value
     * @return a new header
     * @throws NullPointerException if {@code key} is null
     */
    public static RecordHeader ofString(String key, String value) {
        return new RecordHeader(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public byte[] value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Header h && key.equals(h.key()) && Arrays.equals(value, h.value());
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RecordHeader(key=" + key + ", value=" + (value == null ? "null" : value.length + " bytes") + ")";
    }
}
