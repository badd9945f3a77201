package io.sluice.core.network;

import static io.sluice.api.config.ProducerConfig.CLIENT_ID_CONFIG;
import static io.sluice.api.config.ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
import static io.sluice.api.config.ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG;

import io.sluice.core.config.ProducerSettings;

/**
 * The settings {@link NetworkClient} works with, taken from the producer's configuration once.
 *
 * @param clientId                {@code client.id}, sent in every request header
 * @param maxInFlightPerConnection {@code max.in.flight.requests.per.connection}
 * @param requestTimeoutMs        {@code request.timeout.ms} for the client's own requests (ApiVersions, metadata)
 * @param reconnectBackoffMs      {@code reconnect.backoff.ms}
 * @param reconnectBackoffMaxMs   {@code reconnect.backoff.max.ms}
 * @param setupTimeoutMs          {@code socket.connection.setup.timeout.ms}
 * @param setupTimeoutMaxMs       {@code socket.connection.setup.timeout.max.ms}
 */
public record NetworkClientConfig(String clientId, int maxInFlightPerConnection, int requestTimeoutMs,
                                  long reconnectBackoffMs, long reconnectBackoffMaxMs,
                                  long setupTimeoutMs, long setupTimeoutMaxMs) {

    public NetworkClientConfig {
        if (maxInFlightPerConnection < 1) {
            throw new IllegalArgumentException("max.in.flight.requests.per.connection must be >= 1, got " + maxInFlightPerConnection);
        }
    }

    public static NetworkClientConfig from(ProducerSettings settings) {
        return new NetworkClientConfig(settings.getString(CLIENT_ID_CONFIG),
                settings.getInt(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION),
                settings.getInt(REQUEST_TIMEOUT_MS_CONFIG),
                settings.getLong(RECONNECT_BACKOFF_MS_CONFIG),
                settings.getLong(RECONNECT_BACKOFF_MAX_MS_CONFIG),
                settings.getLong(SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG),
                settings.getLong(SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG));
    }
}
