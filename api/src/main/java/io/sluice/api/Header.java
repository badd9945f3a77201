package io.sluice.api;

/** One record header: a non-null UTF-8 key and a value that may be {@code null}. */
public interface Header {

    String key();

    /** The value bytes; {@code null} is allowed and written as length -1. Do not modify. */
    byte[] value();
}
