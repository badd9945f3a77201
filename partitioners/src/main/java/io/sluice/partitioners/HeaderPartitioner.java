package io.sluice.partitioners;

import io.sluice.api.Header;
import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.api.spi.TopicLayout;
import java.util.Locale;
import java.util.Map;

/**
 * {@code partitioner.class=header}: partitions by the value of one record header instead of the key,
 * hashed exactly as the default partitioner hashes keys ({@code toPositive(murmur2(value)) % partitionCount},
 * over all partitions), so a header value {@code v} lands where a record with key bytes {@code v} would.
 * If the header occurs more than once, the last one counts.
 *
 * <p><b>When to use it:</b> when records must be grouped by something that is not their key, e.g. keep
 * a tenant's records in one partition (and in order) while the key stays the entity id that a compacted
 * topic or downstream consumers need.
 *
 * <p>Configuration (Sluice's own keys, so they start with {@code sluice.} and can never collide with a
 * key a later Kafka release adds under {@code partitioner.*}):
 * <ul>
 *   <li>{@value #HEADER_NAME_CONFIG} (required): the header's name, e.g. {@code tenant}.</li>
 *   <li>{@value #FALLBACK_CONFIG}: what a record without that header (or with a {@code null} value) gets:
 *       {@code defer} (default) the built-in sticky partitioning, {@code key} the default's murmur2 of its key
 *       (deferred if it has no key either), {@code fail} an error for that record.</li>
 * </ul>
 *
 * <p>Thread-safety: immutable after {@link #configure}, which the producer calls once before
 * publishing the instance to the sending threads.
 */
public final class HeaderPartitioner implements Partitioner {

    /** The header whose value picks the partition. */
    public static final String HEADER_NAME_CONFIG = "sluice.partitioner.header.name";
    /** What to do when the header is missing: {@code defer}, {@code key} or {@code fail}. */
    public static final String FALLBACK_CONFIG = "sluice.partitioner.header.fallback";

    /** What a record without the header gets. */
    enum Fallback { DEFER, KEY, FAIL }

    /** Written once in {@link #configure}, read by every sending thread afterwards. */
    private String headerName;
    private Fallback fallback = Fallback.DEFER;

    @Override
    public String name() {
        return "header";
    }

    /**
     * @throws ConfigException if {@value #HEADER_NAME_CONFIG} is missing or blank, or
     *                         {@value #FALLBACK_CONFIG} is not one of {@code defer}, {@code key}, {@code fail}
     */
    @Override
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(HEADER_NAME_CONFIG);
        if (name == null || name.toString().isBlank()) {
            throw new ConfigException(HEADER_NAME_CONFIG, "partitioner.class=header needs " + HEADER_NAME_CONFIG
                    + ", the name of the header whose value picks the partition, e.g. " + HEADER_NAME_CONFIG + "=tenant");
        }
        headerName = name.toString().trim();
        Object value = configs.get(FALLBACK_CONFIG);
        fallback = value == null ? Fallback.DEFER : parseFallback(value.toString());
    }

    @Override
    public int partition(PartitionerRecord record, TopicLayout topic) {
        if (headerName == null) {
            throw new IllegalStateException("HeaderPartitioner used before configure(): " + HEADER_NAME_CONFIG + " is not set");
        }
        Header header = record.headers().lastHeader(headerName);
        if (header != null && header.value() != null) {
            return KeyHash.partitionFor(header.value(), topic.partitionCount());
        }
        switch (fallback) {
            case KEY:
                byte[] keyBytes = record.keyBytes();
                return keyBytes == null ? DEFER : KeyHash.partitionFor(keyBytes, topic.partitionCount());
            case FAIL:
                throw new IllegalArgumentException("The record has no header \"" + headerName + "\" (or its value is null), "
                        + "and " + FALLBACK_CONFIG + "=fail; add the header, or set " + FALLBACK_CONFIG + " to defer or key");
            default:
                return DEFER;
        }
    }

    private static Fallback parseFallback(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "defer":
                return Fallback.DEFER;
            case "key":
                return Fallback.KEY;
            case "fail":
                return Fallback.FAIL;
            default:
                throw new ConfigException(FALLBACK_CONFIG, FALLBACK_CONFIG + "=\"" + value + "\" is not valid: expected defer "
                        + "(built-in sticky partitioning), key (murmur2 of the record's key) or fail (an error for that record)");
        }
    }

    @Override
    public String toString() {
        return "HeaderPartitioner{header=" + headerName + ", fallback=" + fallback + "}";
    }
}
