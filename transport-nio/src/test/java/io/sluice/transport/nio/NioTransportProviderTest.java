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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NioTransportProviderTest {

    /** A TransportConfig with Kafka's defaults but for what a test changes. */
    record Config(String securityProtocol, int sendBufferBytes, int receiveBufferBytes, int maxReceiveFrameBytes,
                  Map<String, Object> more) implements TransportConfig {

        Config(String securityProtocol, int sendBufferBytes, int receiveBufferBytes, int maxReceiveFrameBytes) {
            this(securityProtocol, sendBufferBytes, receiveBufferBytes, maxReceiveFrameBytes, Map.of());
        }

        static Config plaintext() {
            return new Config("PLAINTEXT", 131072, 32768, 104857600);
        }

        Config withSecurityProtocol(String protocol) {
            return new Config(protocol, sendBufferBytes, receiveBufferBytes, maxReceiveFrameBytes, more);
        }

        Config with(Map<String, Object> originals) {
            return new Config(securityProtocol, sendBufferBytes, receiveBufferBytes, maxReceiveFrameBytes, originals);
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
            Map<String, Object> originals = new HashMap<>(more);
            originals.put("security.protocol", securityProtocol);
            return originals;
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
    @ValueSource(strings = {"SSL", "SASL_SSL"})
    void shouldOpenATlsTransportThatConnectsToATlsPeer(String protocol) throws Exception {
        RecordingListener listener = new RecordingListener();
        Config config = Config.plaintext().withSecurityProtocol(protocol).with(TestTransports.trustingTestCa());
        try (TlsEchoPeer peer = TlsEchoPeer.start(NioTransportTlsFramesTest.serverOptions());
             Transport transport = new NioTransportProvider().open(config)) {
            transport.connect(1, peer.localhostAddress());
            while (!listener.has(RecordingListener.Kind.CONNECTED, 1) && !listener.has(RecordingListener.Kind.DISCONNECTED, 1)) {
                transport.poll(10, listener);
            }
        }
        assertThat(listener.events).extracting(RecordingListener.Event::kind).containsExactly(RecordingListener.Kind.CONNECTED);
    }

    @Test
    void shouldOpenAPlaintextTransportForSaslPlaintextIgnoringSslKeys() throws IOException {
        Config config = Config.plaintext().withSecurityProtocol("sasl_plaintext")
                .with(Map.of("ssl.truststore.location", "/no/such/file.p12"));
        try (Transport transport = new NioTransportProvider().open(config);
             EchoPeer echo = EchoPeer.start()) {
            RecordingListener listener = new RecordingListener();
            transport.connect(1, echo.address());
            while (!listener.has(RecordingListener.Kind.CONNECTED, 1) && !listener.has(RecordingListener.Kind.DISCONNECTED, 1)) {
                transport.poll(10, listener);
            }
            assertThat(listener.has(RecordingListener.Kind.CONNECTED, 1)).isTrue();
        }
    }

    @Test
    void shouldRefuseABrokenTlsSetupWhenOpeningNotAtEachConnect() {
        Config config = Config.plaintext().withSecurityProtocol("SSL")
                .with(Map.of("ssl.truststore.location", "/no/such/file.p12"));

        assertThatThrownBy(() -> new NioTransportProvider().open(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.truststore.location=/no/such/file.p12: no such file");
    }

    @Test
    void shouldRefuseAnSslEngineFactoryClass() {
        Config config = Config.plaintext().withSecurityProtocol("SASL_SSL")
                .with(Map.of("ssl.engine.factory.class", "com.example.Factory"));

        assertThatThrownBy(() -> new NioTransportProvider().open(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.engine.factory.class=com.example.Factory is not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS", "", "KERBEROS"})
    void shouldRefuseAnUnknownSecurityProtocolListingTheKnownOnes(String protocol) {
        assertThatThrownBy(() -> new NioTransportProvider().open(Config.plaintext().withSecurityProtocol(protocol)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("security.protocol=" + protocol + " is not a security protocol")
                .hasMessageContaining("PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("security.protocol");
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
