package io.sluice.api;

/**
 * The headers of one record, in insertion order; a key may occur more than once.
 *
 * <p>Not thread-safe. Once the record is handed to {@link Producer#send}, the producer makes
 * its headers read-only: later changes throw {@link IllegalStateException}, because the bytes
 * may already be in a batch.
 */
public interface Headers extends Iterable<Header> {

    /** Adds a header. @throws IllegalStateException if the headers are read-only */
    Headers add(Header header);

    /** Adds a header. @throws IllegalStateException if the headers are read-only */
    Headers add(String key, byte[] value);

    /** Removes every header with this key. @throws IllegalStateException if read-only */
    Headers remove(String key);

    /** The last header with this key, or {@code null}. */
    Header lastHeader(String key);

    /** Every header with this key, in insertion order. */
    Iterable<Header> headers(String key);

    /** A copy of all headers, in insertion order. */
    Header[] toArray();

    /** The number of headers. */
    int size();
}
