package io.sluice.transport.nio;

import java.util.Objects;

/**
 * A password or private key from the configuration. Its {@link #toString()} never shows the value,
 * so it can sit in records, messages and logs without leaking. Immutable.
 */
final class Secret {

    private final String value;

    Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A fresh copy of the characters, for the JDK APIs that take a {@code char[]}. */
    char[] chars() {
        return value.toCharArray();
    }

    /** The value itself, for parsing (PEM text). Never put it in a message. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "[hidden]";
    }
}
