package io.sluice.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The standard {@link Headers}: an array list of {@link Header}s.
 *
 * <p>Not thread-safe: the thread that builds a record owns its headers until it calls
 * {@code send}; from then on they are read-only and may be read by any thread.
 */
public final class RecordHeaders implements Headers {

    /**
     * Most records carry no headers, so the list is made on the first {@link #add}: until then this
     * is the shared immutable empty list, and a record without headers costs no list of its own.
     */
    private static final List<Header> NONE = List.of();

    private List<Header> headers = NONE;
    private volatile boolean readOnly;

    /** Empty, writable headers. */
    public RecordHeaders() {
    }

    /**
     * Writable headers holding the given ones, in iteration order. The {@link Header} objects are
     * shared, not copied; the iterable is not kept.
     *
     * @param headers the headers to start with, or {@code null} for none
     * @throws NullPointerException if {@code headers} yields a null header
     */
    public RecordHeaders(Iterable<Header> headers) {
        this();
        if (headers != null) {
            for (Header h : headers) {
                writableList().add(Objects.requireNonNull(h, "header"));
            }
        }
    }

    /**
     * Writable headers holding the given ones, in array order. The {@link Header} objects are
     * shared, not copied; the array is not kept.
     *
     * @param headers the headers to start with, or {@code null} for none
     * @throws NullPointerException if the array holds a null header
     */
    public RecordHeaders(Header[] headers) {
        this(headers == null ? null : Arrays.asList(headers));
    }

    @Override
    public Headers add(Header header) {
        Objects.requireNonNull(header, "header");
        checkWritable();
        writableList().add(header);
        return this;
    }

    @Override
    public Headers add(String key, byte[] value) {
        return add(new RecordHeader(key, value));
    }

    @Override
    public Headers remove(String key) {
        checkWritable();
        if (headers != NONE) { // the shared empty list refuses removeIf
            headers.removeIf(h -> h.key().equals(key));
        }
        return this;
    }

    @Override
    public Header lastHeader(String key) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header h = headers.get(i);
            if (h.key().equals(key)) {
                return h;
            }
        }
        return null;
    }

    @Override
    public Iterable<Header> headers(String key) {
        List<Header> matching = new ArrayList<>();
        for (Header h : headers) {
            if (h.key().equals(key)) {
                matching.add(h);
            }
        }
        return matching;
    }

    @Override
    public Header[] toArray() {
        return headers.toArray(new Header[0]);
    }

    @Override
    public int size() {
        return headers.size();
    }

    /**
     * The header at {@code index}, for allocation-free iteration by the producer.
     *
     * @param index the position in insertion order, {@code 0 <= index < size()}
     * @return the header at that position
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public Header get(int index) {
        return headers.get(index);
    }

    @Override
    public Iterator<Header> iterator() {
        Iterator<Header> it = headers.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Header next() {
                return it.next();
            }
            // no remove(): removal goes through remove(key), which checks read-only
        };
    }

    /** Makes these headers read-only; the producer calls this when the record is sent. */
    public void setReadOnly() {
        readOnly = true;
    }

    /**
     * Whether these headers are read-only, i.e. their record was sent. Safe to call from any thread.
     *
     * @return {@code true} once {@link #setReadOnly()} was called; never {@code false} again after that
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    private List<Header> writableList() {
        if (headers == NONE) {
            headers = new ArrayList<>(4);
        }
        return headers;
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("These headers belong to a record that was already sent; they are read-only");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordHeaders other && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    @Override
    public String toString() {
        return "RecordHeaders(" + headers + ")";
    }
}
