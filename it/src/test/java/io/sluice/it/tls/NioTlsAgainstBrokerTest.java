package io.sluice.it.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.errors.SslAuthenticationException;
import io.sluice.api.spi.Transport;
import io.sluice.api.spi.TransportConfig;
import io.sluice.api.spi.TransportListener;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.SaslMechanism;
import io.sluice.testkit.TestCertificates;
import io.sluice.transport.nio.NioTransportProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sluice's nio transport against a real Kafka 4.4 broker's listeners: over TLS (1.2 and 1.3, by host name and by
 * IP), over the TLS of a SASL_SSL listener, with a client certificate (PKCS12 and inline PEM), and the failures a
 * user meets (no client certificate, plaintext client on a TLS port, TLS client on a plaintext port), each with its
 * fatal cause. The request is ApiVersions v0 written by hand; the transport knows no Kafka API.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NioTlsAgainstBrokerTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.of(KafkaCluster.builder()
            .sslListener()
            .sslListener("MTLS", true)
            .saslSslListener(SaslMechanism.PLAIN)
            .saslPlaintextListener(SaslMechanism.PLAIN)
            .plainUser("alice", "alice-secret"));

    private static final int CORRELATION_ID = 0x5e1ce;
    private static final short API_VERSIONS = 18;
    private static final short PRODUCE = 0;

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void shouldGetAnApiVersionsAnswerOverTheSslListener(String protocol) throws Exception {
        Map<String, Object> ssl = kafka.cluster().certificates().clientTrustConfig();
        ssl.put("ssl.enabled.protocols", protocol);

        Exchange exchange = apiVersions("SSL", ssl, "localhost");

        exchange.assertAnswered();
    }

    @Test
    void shouldVerifyTheBrokersIpAddressWhenConnectingByAddress() throws Exception {
        apiVersions("SSL", kafka.cluster().certificates().clientTrustConfig(), "127.0.0.1").assertAnswered();
    }

    @Test
    void shouldCarryFramesOverTheTlsOfASaslSslListener() throws Exception {
        // ApiVersions is allowed before SASL authentication; the SASL exchange is the core's business.
        apiVersions("SASL_SSL", kafka.cluster().certificates().clientTrustConfig(), "localhost").assertAnswered();
    }

    @Test
    void shouldCarryFramesInPlaintextToASaslPlaintextListener() throws Exception {
        apiVersions("SASL_PLAINTEXT", Map.of(), "localhost").assertAnswered();
    }

    @Test
    void shouldAuthenticateWithAClientCertificateFromAKeyStore() throws Exception {
        apiVersions("MTLS", kafka.cluster().certificates().clientMutualTlsConfig(), "localhost").assertAnswered();
    }

    @Test
    void shouldAuthenticateWithAClientCertificateGivenAsInlinePem() throws Exception {
        TestCertificates certificates = kafka.cluster().certificates();
        Map<String, Object> ssl = new HashMap<>();
        ssl.put("ssl.truststore.type", "PEM");
        ssl.put("ssl.truststore.certificates", Files.readString(certificates.caCertificatePem()));
        ssl.put("ssl.keystore.type", "PEM");
        ssl.put("ssl.keystore.certificate.chain", Files.readString(certificates.clientCertificateChainPem()));
        ssl.put("ssl.keystore.key", Files.readString(certificates.clientPrivateKeyPem()));

        apiVersions("MTLS", ssl, "localhost").assertAnswered();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void shouldFailFatallyWithoutAClientCertificateOnTheMutualTlsListener(String protocol) throws Exception {
        Map<String, Object> ssl = kafka.cluster().certificates().clientTrustConfig();
        ssl.put("ssl.enabled.protocols", protocol);

        Exchange exchange = apiVersions("MTLS", ssl, "localhost");

        assertThat(exchange.fatalCause()).hasMessageContaining("the broker refused the client's certificate")
                .hasMessageContaining("none is configured; set ssl.keystore.location");
    }

    @Test
    void shouldFailFatallyWhenAPlaintextClientTalksToTheSslListener() throws Exception {
        Exchange exchange = apiVersions("SSL", "PLAINTEXT", Map.of(), "localhost");

        assertThat(exchange.fatalCause()).hasMessageContaining("this listener expects TLS");
    }

    @Test
    void shouldFailFatallyWhenATlsClientTalksToThePlaintextListener() throws Exception {
        Exchange exchange = apiVersions("PLAINTEXT", "SSL", kafka.cluster().certificates().clientTrustConfig(),
                "localhost");

        assertThat(exchange.fatalCause()).hasMessageContaining("without answering the TLS handshake: the listener "
                + "probably does not speak TLS");
    }

    @Test
    void shouldTrustTheBrokerThroughInlinePemCertificates() throws Exception {
        Map<String, Object> ssl = Map.of("ssl.truststore.type", "PEM", "ssl.truststore.certificates",
                Files.readString(kafka.cluster().certificates().caCertificatePem()));

        apiVersions("SSL", ssl, "localhost").assertAnswered();
    }

    @Test
    void shouldFailFatallyWhenTheBrokerIsNotTrusted() throws Exception {
        Exchange exchange = apiVersions("SSL", Map.of(), "localhost");

        assertThat(exchange.fatalCause()).hasMessageContaining("the broker's certificate is not trusted")
                .hasMessageContaining("the JVM's default trust store is in use");
    }

    private static Exchange apiVersions(String listener, Map<String, Object> ssl, String host) throws IOException {
        String protocol = listener.startsWith("SASL_") ? listener : listener.equals("MTLS") ? "SSL" : listener;
        return apiVersions(listener, protocol, ssl, host);
    }

    /** Connects to the first broker's {@code listener} with {@code securityProtocol}, sends ApiVersions v0 once connected. */
    private static Exchange apiVersions(String listener, String securityProtocol, Map<String, Object> ssl, String host)
            throws IOException {
        String address = kafka.cluster().bootstrapServers(listener).split(",")[0];
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        Map<String, Object> originals = new HashMap<>(ssl);
        originals.put("security.protocol", securityProtocol);
        Exchange exchange = new Exchange();
        try (Transport transport = new NioTransportProvider().open(new Config(securityProtocol, originals))) {
            exchange.transport = transport;
            transport.connect(1, new InetSocketAddress(host, port));
            while (exchange.response == null && exchange.disconnectCause == null && !exchange.disconnected) {
                transport.poll(100, exchange);
            }
        }
        return exchange;
    }

    /**
     * The ApiVersions request v0 (request header v1, no body): api_key INT16, api_version INT16, correlation_id
     * INT32, client_id NULLABLE_STRING (-1 = null); 10 bytes.
     */
    private static ByteBuffer apiVersionsV0Request() {
        return ByteBuffer.allocate(10).putShort(API_VERSIONS).putShort((short) 0).putInt(CORRELATION_ID)
                .putShort((short) -1).flip();
    }

    /** The listener: sends the request once connected, keeps the answer or the disconnect. Confined to the test thread. */
    private static final class Exchange implements TransportListener {
        Transport transport;
        final List<String> events = new ArrayList<>();
        ByteBuffer response;
        IOException disconnectCause;
        boolean disconnected;

        @Override
        public void onConnected(int connectionId) {
            events.add("connected");
            transport.send(connectionId, new ByteBuffer[] {apiVersionsV0Request()}, 1);
        }

        @Override
        public void onDisconnected(int connectionId, IOException cause) {
            events.add("disconnected");
            disconnected = true;
            disconnectCause = cause;
        }

        @Override
        public void onFrameSent(int connectionId) {
            events.add("sent");
        }

        @Override
        public void onFrameReceived(int connectionId, ByteBuffer frame) {
            events.add("received");
            response = ByteBuffer.allocate(frame.remaining()).put(frame).flip();
        }

        /**
         * ApiVersions response v0 (response header v0): correlation_id INT32, error_code INT16, api_keys ARRAY
         * (INT32 count) of [api_key INT16, min_version INT16, max_version INT16].
         */
        void assertAnswered() {
            assertThat(response).as("events %s, cause %s", events, disconnectCause).isNotNull();
            assertThat(response.getInt()).as("correlation id").isEqualTo(CORRELATION_ID);
            assertThat(response.getShort()).as("error code").isZero();
            int count = response.getInt();
            List<Short> keys = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                keys.add(response.getShort());
                response.getShort();
                response.getShort();
            }
            assertThat(keys).contains(PRODUCE, API_VERSIONS);
        }

        /** The fatal cause the transport reports: the direct cause of the disconnect's IOException. */
        SslAuthenticationException fatalCause() {
            assertThat(response).as("no answer expected").isNull();
            assertThat(disconnectCause).as("events %s", events).isNotNull();
            assertThat(disconnectCause.getCause()).isInstanceOf(SslAuthenticationException.class)
                    .hasMessage(disconnectCause.getMessage());
            return (SslAuthenticationException) disconnectCause.getCause();
        }
    }

    /** Kafka's defaults but for the security protocol and the {@code ssl.*} keys. */
    private record Config(String securityProtocol, Map<String, Object> originals) implements TransportConfig {
        @Override
        public String clientId() {
            return "sluice-it-tls";
        }

        @Override
        public int sendBufferBytes() {
            return 131072;
        }

        @Override
        public int receiveBufferBytes() {
            return 32768;
        }

        @Override
        public long connectionsMaxIdleMs() {
            return 540000;
        }

        @Override
        public int maxReceiveFrameBytes() {
            return 104857600;
        }
    }
}
