package io.sluice.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.config.ProducerSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsMappingTest {

    private static ProducerSettings settings(Map<String, Object> extra) {
        HashMap<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", "broker-1:9092",
                "key.serializer", "string", "value.serializer", "string"));
        props.putAll(extra);
        return ProducerSettings.parse(props);
    }

    @Test
    void shouldHandTheTransportItsSettingsAndTheResponseSizeLimit() {
        SluiceTransportConfig config = new SluiceTransportConfig(settings(Map.of("client.id", "orders-app",
                "send.buffer.bytes", "65536", "receive.buffer.bytes", "-1", "connections.max.idle.ms", "60000",
                "sluice.max.response.bytes", "2097152", "security.protocol", "plaintext", "ssl.custom", "x")));
        assertThat(config.clientId()).isEqualTo("orders-app");
        assertThat(config.sendBufferBytes()).isEqualTo(65_536);
        assertThat(config.receiveBufferBytes()).isEqualTo(-1);
        assertThat(config.connectionsMaxIdleMs()).isEqualTo(60_000L);
        assertThat(config.maxReceiveFrameBytes()).isEqualTo(2_097_152);
        assertThat(config.securityProtocol()).isEqualTo("PLAINTEXT");
        assertThat(config.originals().get("ssl.custom")).isEqualTo("x");
    }

    @Test
    void shouldTakeKafkasDefaultsForTheNetworkClient() {
        NetworkClientConfig config = NetworkClientConfig.from(settings(Map.of()));
        assertThat(config).isEqualTo(new NetworkClientConfig("", 5, 30_000, 50, 1_000, 10_000, 30_000));
        assertThat(new SluiceTransportConfig(settings(Map.of())).maxReceiveFrameBytes()).isEqualTo(104_857_600);
    }
}
