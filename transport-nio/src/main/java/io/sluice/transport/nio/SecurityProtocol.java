package io.sluice.transport.nio;

import io.sluice.api.errors.ConfigException;
import java.util.Locale;

/**
 * Kafka's {@code security.protocol} values, as far as the transport cares: whether the bytes go
 * through TLS. SASL is the core's business (an exchange of frames after ApiVersions); for the
 * transport {@code SASL_PLAINTEXT} is plaintext and {@code SASL_SSL} is TLS.
 */
enum SecurityProtocol {
    PLAINTEXT(false),
    SSL(true),
    SASL_PLAINTEXT(false),
    SASL_SSL(true);

    static final String KEY = "security.protocol";

    private final boolean tls;

    SecurityProtocol(boolean tls) {
        this.tls = tls;
    }

    /** Whether connections run TLS under the frames. */
    boolean usesTls() {
        return tls;
    }

    /**
     * Reads a {@code security.protocol} value, in any case.
     *
     * @throws ConfigException if it is none of the four
     */
    static SecurityProtocol parse(String value) {
        String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (SecurityProtocol protocol : values()) {
            if (protocol.name().equals(name)) {
                return protocol;
            }
        }
        throw new ConfigException(KEY, KEY + "=" + value
                + " is not a security protocol; use one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
    }
}
