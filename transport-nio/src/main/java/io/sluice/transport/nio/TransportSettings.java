package io.sluice.transport.nio;

import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.TransportConfig;
import java.util.Locale;
import java.util.Objects;

/**
 * The nio transport's settings, read and checked once from a {@link TransportConfig} when the
 * transport is opened. Immutable.
 *
 * @param clientId             {@code client.id}, for logs
 * @param sendBufferBytes      SO_SNDBUF, or {@link #OS_DEFAULT}
 * @param receiveBufferBytes   SO_RCVBUF, or {@link #OS_DEFAULT}
 * @param connectionsMaxIdleMs close connections idle longer than this; negative: never
 * @param maxReceiveFrameBytes the largest frame accepted from a peer
 */
record TransportSettings(
        String clientId,
        int sendBufferBytes,
        int receiveBufferBytes,
        long connectionsMaxIdleMs,
        int maxReceiveFrameBytes) {

    /** A socket buffer size that leaves the operating system's default in place. */
    static final int OS_DEFAULT = -1;

    static final String SECURITY_PROTOCOL = "security.protocol";
    static final String SEND_BUFFER = "send.buffer.bytes";
    static final String RECEIVE_BUFFER = "receive.buffer.bytes";
    static final String MAX_RECEIVE_FRAME = "sluice.max.response.bytes";

    TransportSettings {
        Objects.requireNonNull(clientId, "clientId");
        checkBufferSize(SEND_BUFFER, sendBufferBytes);
        checkBufferSize(RECEIVE_BUFFER, receiveBufferBytes);
        if (maxReceiveFrameBytes < 0) {
            throw new ConfigException(MAX_RECEIVE_FRAME, MAX_RECEIVE_FRAME + "=" + maxReceiveFrameBytes
                    + " is negative; the largest frame accepted from a broker must be at least 0 bytes "
                    + "(the producer's default is 104857600)");
        }
    }

    /**
     * Reads the settings the nio transport understands, refusing what it cannot do.
     *
     * @throws ConfigException if {@code security.protocol} is not PLAINTEXT (TLS and SASL are not
     *         implemented yet), or a buffer size or the frame limit is out of range
     */
    static TransportSettings from(TransportConfig config) {
        Objects.requireNonNull(config, "config");
        checkSecurityProtocol(config.securityProtocol());
        return new TransportSettings(
                config.clientId() == null ? "" : config.clientId(),
                config.sendBufferBytes(),
                config.receiveBufferBytes(),
                config.connectionsMaxIdleMs(),
                config.maxReceiveFrameBytes());
    }

    /** Whether idle connections are closed at all. */
    boolean idleExpiryEnabled() {
        return connectionsMaxIdleMs >= 0;
    }

    private static void checkSecurityProtocol(String value) {
        String protocol = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        String prefix = SECURITY_PROTOCOL + "=" + value + " is not supported by the nio transport yet: ";
        switch (protocol) {
            case "PLAINTEXT":
                return;
            case "SSL":
                throw new ConfigException(SECURITY_PROTOCOL, prefix + "TLS support is not yet implemented. "
                        + "Connect to a PLAINTEXT listener of the brokers and set security.protocol=PLAINTEXT.");
            case "SASL_SSL":
                throw new ConfigException(SECURITY_PROTOCOL, prefix + "TLS and SASL support are not yet implemented. "
                        + "Connect to a PLAINTEXT listener of the brokers and set security.protocol=PLAINTEXT.");
            case "SASL_PLAINTEXT":
                throw new ConfigException(SECURITY_PROTOCOL, prefix + "SASL support is not yet implemented "
                        + "(the bytes would travel as plaintext, but the producer cannot run the SASL "
                        + "authentication exchange yet). Connect to a PLAINTEXT listener of the brokers and set "
                        + "security.protocol=PLAINTEXT.");
            default:
                throw new ConfigException(SECURITY_PROTOCOL, SECURITY_PROTOCOL + "=" + value
                        + " is not a security protocol; use one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL "
                        + "(the nio transport supports only PLAINTEXT so far).");
        }
    }

    private static void checkBufferSize(String key, int value) {
        if (value < OS_DEFAULT) {
            throw new ConfigException(key, key + "=" + value
                    + " is not a socket buffer size; use a size in bytes (0 or more), or -1 for the OS default");
        }
    }
}
