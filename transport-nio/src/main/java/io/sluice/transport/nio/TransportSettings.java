package io.sluice.transport.nio;

import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.TransportConfig;
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
 * @param securityProtocol     {@code security.protocol}: whether connections use TLS
 */
record TransportSettings(
        String clientId,
        int sendBufferBytes,
        int receiveBufferBytes,
        long connectionsMaxIdleMs,
        int maxReceiveFrameBytes,
        SecurityProtocol securityProtocol) {

    /** A socket buffer size that leaves the operating system's default in place. */
    static final int OS_DEFAULT = -1;

    static final String SEND_BUFFER = "send.buffer.bytes";
    static final String RECEIVE_BUFFER = "receive.buffer.bytes";
    static final String MAX_RECEIVE_FRAME = "sluice.max.response.bytes";

    TransportSettings {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(securityProtocol, "securityProtocol");
        checkBufferSize(SEND_BUFFER, sendBufferBytes);
        checkBufferSize(RECEIVE_BUFFER, receiveBufferBytes);
        if (maxReceiveFrameBytes < 0) {
            throw new ConfigException(MAX_RECEIVE_FRAME, MAX_RECEIVE_FRAME + "=" + maxReceiveFrameBytes
                    + " is negative; the largest frame accepted from a broker must be at least 0 bytes "
                    + "(the producer's default is 104857600)");
        }
    }

    /** Settings of a plaintext transport (tests, mostly). */
    TransportSettings(String clientId, int sendBufferBytes, int receiveBufferBytes, long connectionsMaxIdleMs,
            int maxReceiveFrameBytes) {
        this(clientId, sendBufferBytes, receiveBufferBytes, connectionsMaxIdleMs, maxReceiveFrameBytes,
                SecurityProtocol.PLAINTEXT);
    }

    /**
     * Reads the settings the nio transport understands. The {@code ssl.*} keys are read apart, by
     * {@link SslConfig}, and only when {@code security.protocol} uses TLS.
     *
     * @throws ConfigException if {@code security.protocol} is unknown, or a buffer size or the
     *         frame limit is out of range
     */
    static TransportSettings from(TransportConfig config) {
        Objects.requireNonNull(config, "config");
        return new TransportSettings(
                config.clientId() == null ? "" : config.clientId(),
                config.sendBufferBytes(),
                config.receiveBufferBytes(),
                config.connectionsMaxIdleMs(),
                config.maxReceiveFrameBytes(),
                SecurityProtocol.parse(config.securityProtocol()));
    }

    /** Whether idle connections are closed at all. */
    boolean idleExpiryEnabled() {
        return connectionsMaxIdleMs >= 0;
    }

    private static void checkBufferSize(String key, int value) {
        if (value < OS_DEFAULT) {
            throw new ConfigException(key, key + "=" + value
                    + " is not a socket buffer size; use a size in bytes (0 or more), or -1 for the OS default");
        }
    }
}
