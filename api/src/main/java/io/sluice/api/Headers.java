package io.sluice.api;

/**
 * The headers of one record, in insertion order; a key may occur more than once.
 *
 * <p>Not thread-safe. Once the record is handed to {@link Producer#send}, the producer makes
 * its headers read-only: later changes throw {@link IllegalStateException}, because the bytes
 * may already be in a batch.
 */
public interface Headers extends Iterable<Header> {

    /**
     * Adds a header after the existing ones; a header with the same key stays.
     *
     * @param header the header, not {@code null}
     * @return these headers, for chaining
     * @throws IllegalStateException if the headers are read-only
     * @throws NullPointerException if {@code header} is null
     */
    Headers add(Header header);

    /**
     * Adds a header after the existing ones; a header with the same key stays.
     *
     * @param key   the key, not {@code null}
     * @param value the value, or {@code null}; not copied, so do not modify it afterwards
     * @return these headers, for chaining
     * @throws IllegalStateException if the headers are read-only
     * @throws NullPointerException if {@code key} is null
     */
    Headers add(String key, byte[] value);

    /**
     * Removes every header with this key; does nothing if there is none.
     *
     * @param key the key to remove
     * @return these headers, for chaining
     * @throws IllegalStateException if the headers are read-only
     */
    Headers remove(String key);

    /**
     * {@return the last header with this key (the one added most recently), or {@code null} if there is none}
     *
     * @param key the key to look up
     */
    Header lastHeader(String key);

    /**
     * {@return every header with this key, in insertion order; empty if there is none}
     *
     * @param key the key to look up
     */
    Iterable<Header> headers(String key);

    /** {@return a copy of all headers, in insertion order; changing the array does not change the headers} */
    Header[] toArray();

    /** {@return the number of headers, duplicates of a key counted one by one} */
    int size();
}
