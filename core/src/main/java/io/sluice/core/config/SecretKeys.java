package io.sluice.core.config;

import java.util.Locale;

/**
 * Decides which configuration keys hold secrets, so that their values never reach a log line or
 * an exception message, whether or not the key is in the producer's table (plugins have their own
 * keys). Stateless.
 */
public final class SecretKeys {

    private SecretKeys() {
    }

    /** Whether values of {@code key} must be masked. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password")
                || k.contains("secret")
                || k.endsWith(".jaas.config")
                || k.contains("credential")
                || k.endsWith(".key")
                || k.contains("private")
                || k.contains("token");
    }
}
