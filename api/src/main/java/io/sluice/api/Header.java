package io.sluice.api;

/** One record header: a non-null UTF-8 key and a value that may be {@code null}. */
public interface Header {

    /**
     * {@return the key, never {@code null}} Written as UTF-8; several headers of one record may
     * share a key.
     */
    String key();

    /**
     * The value bytes; {@code null} is allowed and written as length -1. Do not modify.
     *
     * @return the value, or {@code null}; the header's own array, not a copy
     */
    byte[] value();
}
