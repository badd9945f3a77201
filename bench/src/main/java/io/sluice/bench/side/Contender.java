package io.sluice.bench.side;

/** The producers compared side by side. */
enum Contender {
    SLUICE("Sluice"),
    OFFICIAL("official Java (kafka-clients 4.4.0)"),
    LIBRDKAFKA("librdkafka (kcat)");

    private final String label;

    Contender(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean isJava() {
        return this != LIBRDKAFKA;
    }
}
