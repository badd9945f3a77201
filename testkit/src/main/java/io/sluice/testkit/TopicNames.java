package io.sluice.testkit;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Topic names that do not collide between the tests sharing one cluster, nor between two runs on a kept data
 * directory.
 *
 * <p>Thread-safe: one atomic counter.
 */
public final class TopicNames {

    private static final int MAX_HINT_LENGTH = 100;
    private static final String RUN_ID = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
    private static final AtomicLong COUNTER = new AtomicLong();

    private TopicNames() {
    }

    /**
     * A new name built from {@code hint}, e.g. {@code unique("orders")} gives {@code orders-3-k2x9}: characters
     * Kafka does not allow in topic names become {@code _}, then a counter for this JVM and a random id for this
     * run.
     */
    public static String unique(String hint) {
        String cleaned = hint == null || hint.isEmpty() ? "topic" : hint.replaceAll("[^a-zA-Z0-9._-]", "_");
        if (cleaned.length() > MAX_HINT_LENGTH) {
            cleaned = cleaned.substring(0, MAX_HINT_LENGTH);
        }
        return cleaned + "-" + COUNTER.incrementAndGet() + "-" + RUN_ID.toLowerCase(Locale.ROOT);
    }
}
