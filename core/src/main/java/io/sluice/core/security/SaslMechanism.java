package io.sluice.core.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The SASL mechanisms Sluice speaks, by their names in {@code sasl.mechanism}. */
public enum SaslMechanism {
    PLAIN("PLAIN"),
    SCRAM_SHA_256("SCRAM-SHA-256"),
    SCRAM_SHA_512("SCRAM-SHA-512");

    private final String mechanismName;

    SaslMechanism(String mechanismName) {
        this.mechanismName = mechanismName;
    }

    /** The IANA name, as in {@code sasl.mechanism}. */
    public String mechanismName() {
        return mechanismName;
    }

    /** The mechanism named {@code name} (SASL names are upper case; case is ignored), or {@code null}. */
    public static SaslMechanism forName(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (SaslMechanism m : values()) {
            if (m.mechanismName.equals(upper)) {
                return m;
            }
        }
        return null;
    }

    /** Every supported name, for messages: {@code [PLAIN, SCRAM-SHA-256, SCRAM-SHA-512]}. */
    public static List<String> names() {
        return Arrays.stream(values()).map(SaslMechanism::mechanismName).toList();
    }

    boolean isScram() {
        return this != PLAIN;
    }
}
