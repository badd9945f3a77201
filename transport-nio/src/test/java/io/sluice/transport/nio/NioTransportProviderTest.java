package io.sluice.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.Transport;
import io.sluice.api.spi.TransportConfig;
import io.sluice.api.spi.TransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NioTransportProviderTest {

    /** A TransportConfig with Kafka's defaults but for what a test changes. */
    record Config(String securityProtocol, int sendBufferBytes, int receiveBufferBytes, int maxReceiveFrameBytes)
            implements TransportConfig {

        static Config plaintext() {
            return new Config("PLAINTEXT", 131072, 32768, 104857600);
        }

        Config withSecurityProtocol(String protocol) {
            return new Config(protocol, sendBufferBytes, receiveBufferBytes, maxReceiveFrameBytes);
        }

        @Override
        public String clientId() {
            return "provider-test";
        }

        @Override
        public long connectionsMaxIdleMs() {
            return 540000L;
        }

        @Override
        public Map<String, ?> originals() {
            return Map.of("security.protocol", securityProtocol);
        }
    }

    @Test
    void shouldBeFoundByServiceLoaderOnTheModulePathUnderTheNameNio() {
        Module module = NioTransportProvider.class.getModule();
        assertThat(module.isNamed()).as("tests run on the module path").isTrue();
        module.addUses(TransportProvider.class);

        List<TransportProvider> providers = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        assertThat(providers).hasSize(1);
        assertThat(providers.get(0)).isInstanceOf(NioTransportProvider.class);
        assertThat(providers.get(0).name()).isEqualTo("nio");
        assertThat(module.getDescriptor().exports()).as("exports nothing").isEmpty();
    }

    @Test
    void shouldListTheProviderInMetaInfServicesForTheClassPath() throws IOException {
        try (InputStream in = NioTransportProvider.class.getResourceAsStream("/META-INF/services/" + TransportProvider.class.getName())) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(NioTransportProvider.class.getName());
        }
    }

    @Test
    void shouldOpenAWorkingTransportForPlaintext() throws IOException {
        try (Transport transport = new NioTransportProvider().open(Config.plaintext())) {
            transport.poll(0, new RecordingListener());
            assertThat(transport.isConnected(1)).isFalse();
        }
    }

    @Test
    void shouldAcceptPlaintextInAnyCase() throws IOException {
        new NioTransportProvider().open(Config.plaintext().withSecurityProtocol("plaintext")).close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS", "", "KERBEROS"})
    void shouldRefuseAnUnknownSecurityProtocolListingTheKnownOnes(String protocol) {
        assertThatThrownBy(() -> new NioTransportProvider().open(Config.plaintext().withSecurityProtocol(protocol)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("security.protocol=" + protocol + " is not a security protocol")
                .hasMessageContaining("PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
    }

    @Test
    void shouldRefuseABufferSizeBelowMinusOne() {
        Config config = new Config("PLAINTEXT", -2, 32768, 1024);

        assertThatThrownBy(() -> new NioTransportProvider().open(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("send.buffer.bytes=-2 is not a socket buffer size")
                .hasMessageContaining("-1 for the OS default");
    }

    @Test
    void shouldRefuseANegativeFrameLimit() {
        Config config = new Config("PLAINTEXT", -1, -1, -5);

        assertThatThrownBy(() -> new NioTransportProvider().open(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sluice.max.response.bytes=-5 is negative");
    }
}
