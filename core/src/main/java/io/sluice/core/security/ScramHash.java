package io.sluice.core.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash a SCRAM mechanism is built on and RFC 5802's functions over it (section 2.2): H, HMAC,
 * and Hi (PBKDF2 with HMAC as the pseudo-random function, one block, since the output is as long as
 * the hash). All from the JDK ({@code MessageDigest}, {@code Mac}). Immutable.
 *
 * @param mechanismName e.g. {@code SCRAM-SHA-256}
 * @param digest        the {@code MessageDigest} algorithm, e.g. {@code SHA-256}
 * @param mac           the {@code Mac} algorithm, e.g. {@code HmacSHA256}
 */
record ScramHash(String mechanismName, String digest, String mac) {

    /** RFC 7677. */
    static final ScramHash SHA_256 = new ScramHash("SCRAM-SHA-256", "SHA-256", "HmacSHA256");
    /** As Kafka defines it (no RFC registers SCRAM-SHA-512 with an example). */
    static final ScramHash SHA_512 = new ScramHash("SCRAM-SHA-512", "SHA-512", "HmacSHA512");

    /**
     * The fewest iterations Sluice accepts from a broker, as Kafka's client: 4096 (RFC 7677 asks
     * for at least that many); fewer would make a stolen exchange cheap to attack.
     */
    static final int MIN_ITERATIONS = 4096;

    ScramHash {
        Objects.requireNonNull(mechanismName, "mechanismName");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(mac, "mac");
    }

    static ScramHash of(SaslMechanism mechanism) {
        return switch (mechanism) {
            case SCRAM_SHA_256 -> SHA_256;
            case SCRAM_SHA_512 -> SHA_512;
            case PLAIN -> throw new IllegalArgumentException("PLAIN is not a SCRAM mechanism");
        };
    }

    /** H(data). */
    byte[] hash(byte[] data) {
        try {
            return MessageDigest.getInstance(digest).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no " + digest + " MessageDigest, which " + mechanismName + " needs", e);
        }
    }

    /** HMAC(key, data). */
    byte[] hmac(byte[] key, byte[] data) {
        Mac m = newMac(key);
        return m.doFinal(data);
    }

    /** Hi(str, salt, i): U1 = HMAC(str, salt + INT(1)), Ui = HMAC(str, Ui-1), result U1 XOR ... XOR Ui. */
    byte[] hi(byte[] password, byte[] salt, int iterations) {
        Mac m = newMac(password);
        m.update(salt);
        byte[] u = m.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = m.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    private Mac newMac(byte[] key) {
        try {
            Mac m = Mac.getInstance(mac);
            // SecretKeySpec refuses an empty key; HMAC pads keys with zeros, so one zero byte is the same key.
            m.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, mac));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no " + mac + " Mac, which " + mechanismName + " needs", e);
        }
    }
}
