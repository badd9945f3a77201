package io.sluice.core.protocol;

import java.util.Random;
import java.util.UUID;

/** Seeded random values for codec tests: strings with multi-byte UTF-8, ids, counts. */
final class TestData {

    private static final String[] WORDS = {"orders", "payments", "__consumer_offsets", "événements", "注文", "emoji-\uD83D\uDE80", "a.b_c-d", "x"};

    private final Random random;

    TestData(long seed) {
        this.random = new Random(seed);
    }

    String name() {
        return WORDS[random.nextInt(WORDS.length)] + "-" + random.nextInt(1000);
    }

    String nullableName() {
        return random.nextInt(4) == 0 ? null : name();
    }

    UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong() | 1L);
    }

    int count(int max) {
        return random.nextInt(max + 1);
    }

    int nextInt() {
        return random.nextInt();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    long nextLong() {
        return random.nextLong();
    }

    short errorCode() {
        return (short) (random.nextInt(3) == 0 ? random.nextInt(137) - 1 : 0);
    }

    boolean nextBoolean() {
        return random.nextBoolean();
    }
}
