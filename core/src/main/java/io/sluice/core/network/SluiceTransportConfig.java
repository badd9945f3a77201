package io.sluice.core.network;

import static io.sluice.api.config.ProducerConfig.CLIENT_ID_CONFIG;
import static io.sluice.api.config.ProducerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.RECEIVE_BUFFER_CONFIG;
import static io.sluice.api.config.ProducerConfig.SECURITY_PROTOCOL_CONFIG;
import static io.sluice.api.config.ProducerConfig.SEND_BUFFER_CONFIG;
import static io.sluice.api.config.ProducerConfig.SLUICE_MAX_RESPONSE_SIZE_CONFIG;

import io.sluice.api.spi.TransportConfig;
import io.sluice.core.config.ProducerSettings;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link TransportConfig} a producer hands its transport, read from its settings:
 * {@code send.buffer.bytes}, {@code receive.buffer.bytes}, {@code connections.max.idle.ms},
 * {@code security.protocol}, and {@code sluice.max.response.bytes} as the largest frame accepted.
 * Immutable.
 */
public final class SluiceTransportConfig implements TransportConfig {

    private final String clientId;
    private final int sendBufferBytes;
    private final int receiveBufferBytes;
    private final long connectionsMaxIdleMs;
    private final int maxReceiveFrameBytes;
    private final String securityProtocol;
    private final Map<String, ?> originals;

    public SluiceTransportConfig(ProducerSettings settings) {
        this(settings, settings.getString(CLIENT_ID_CONFIG));
    }

    /** With the producer's effective client id (Kafka's producer-N when {@code client.id} is empty). */
    public SluiceTransportConfig(ProducerSettings settings, String clientId) {
        this.clientId = clientId;
        this.sendBufferBytes = settings.getInt(SEND_BUFFER_CONFIG);
        this.receiveBufferBytes = settings.getInt(RECEIVE_BUFFER_CONFIG);
        this.connectionsMaxIdleMs = settings.getLong(CONNECTIONS_MAX_IDLE_MS_CONFIG);
        this.maxReceiveFrameBytes = settings.getInt(SLUICE_MAX_RESPONSE_SIZE_CONFIG);
        this.securityProtocol = settings.getString(SECURITY_PROTOCOL_CONFIG).trim().toUpperCase(Locale.ROOT);
        this.originals = settings.originals();
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public int sendBufferBytes() {
        return sendBufferBytes;
    }

    @Override
    public int receiveBufferBytes() {
        return receiveBufferBytes;
    }

    @Override
    public long connectionsMaxIdleMs() {
        return connectionsMaxIdleMs;
    }

    @Override
    public int maxReceiveFrameBytes() {
        return maxReceiveFrameBytes;
    }

    @Override
    public String securityProtocol() {
        return securityProtocol;
    }

    @Override
    public Map<String, ?> originals() {
        return originals;
    }

    @Override
    public String toString() {
        return "TransportConfig{clientId=" + clientId + ", send.buffer.bytes=" + sendBufferBytes + ", receive.buffer.bytes="
                + receiveBufferBytes + ", connections.max.idle.ms=" + connectionsMaxIdleMs + ", maxReceiveFrameBytes="
                + maxReceiveFrameBytes + ", security.protocol=" + securityProtocol + "}";
    }
}
