package io.sluice.transport.nio;

import static io.sluice.transport.nio.Frames.payload;
import static io.sluice.transport.nio.RecordingListener.Kind.CONNECTED;
import static io.sluice.transport.nio.RecordingListener.Kind.DISCONNECTED;
import static io.sluice.transport.nio.RecordingListener.Kind.RECEIVED;
import static io.sluice.transport.nio.TestTransports.pollUntil;
import static io.sluice.transport.nio.TestTransports.trustingTestCa;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.errors.SslAuthenticationException;
import io.sluice.transport.nio.LoopbackPeer.PeerSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a TLS connection can fail ends with onDisconnected carrying an
 * {@link SSLHandshakeException} whose cause is an {@link SslAuthenticationException} (fatal for the
 * producer), with a message naming the peer, the cause and the key to check; never a hang, and the
 * connection closed. The peers are JDK TLS servers and plain sockets, not Kafka brokers.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NioTransportTlsFailureTest {

    private final RecordingListener listener = new RecordingListener();
    private NioTransport transport;

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void shouldRefuseABrokerCertificateSignedByAnUntrustedCa() throws Exception {
        transport = TestTransports.openTls(trustingTestCa("ssl.truststore.location", TestPki.get().rogueTruststore.toString()));
        try (TlsEchoPeer peer = TlsEchoPeer.start(NioTransportTlsFramesTest.serverOptions())) {
            SslAuthenticationException failure = failedHandshake(peer.localhostAddress());

            assertThat(failure).hasMessageStartingWith("TLS handshake with localhost:" + peer.address().getPort()
                    + " (127.0.0.1) failed: the broker's certificate is not trusted (PKIX path building failed")
                    .hasMessageContaining("check ssl.truststore.location / ssl.truststore.password / ssl.truststore.type");
            assertThat(peer.nextEnding(30)).as("the peer saw the handshake fail").contains("SSLHandshakeException");
        }
    }

    @Test
    void shouldRefuseABrokerCertificateThatDoesNotNameTheHostWhenHostNamesAreVerified() throws Exception {
        transport = TestTransports.openTls(trustingTestCa());
        TestPki pki = TestPki.get();
        try (TlsEchoPeer peer = TlsEchoPeer.start(TlsEchoPeer.Options.of(pki.serverContext(pki.wrongHostKeystore)))) {
            SslAuthenticationException failure = failedHandshake(peer.localhostAddress());

            assertThat(failure).hasMessageContaining("the broker's certificate does not name the host localhost")
                    .hasMessageContaining("Host name verification is on (ssl.endpoint.identification.algorithm=https)");
        }
    }

    @Test
    void shouldRefuseACertificateWithoutTheIpAddressWhenConnectingByAddress() throws Exception {
        transport = TestTransports.openTls(trustingTestCa());
        TestPki pki = TestPki.get();
        try (TlsEchoPeer peer = TlsEchoPeer.start(TlsEchoPeer.Options.of(pki.serverContext(pki.wrongHostKeystore)))) {
            SslAuthenticationException failure = failedHandshake(new InetSocketAddress("127.0.0.1", peer.address().getPort()));

            assertThat(failure).hasMessageStartingWith("TLS handshake with 127.0.0.1:" + peer.address().getPort() + " failed")
                    .hasMessageContaining("does not name the host 127.0.0.1");
        }
    }

    @Test
    void shouldAcceptACertificateForAnotherHostWhenHostNameVerificationIsOff() throws Exception {
        transport = TestTransports.openTls(trustingTestCa("ssl.endpoint.identification.algorithm", ""));
        TestPki pki = TestPki.get();
        try (TlsEchoPeer peer = TlsEchoPeer.start(TlsEchoPeer.Options.of(pki.serverContext(pki.wrongHostKeystore)))) {
            TestTransports.connect(transport, listener, 1, peer.localhostAddress());
            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(100, 1))}, 1);
            pollUntil(transport, listener, () -> listener.has(RECEIVED, 1) || listener.has(DISCONNECTED, 1));
        }
        assertThat(listener.received(1)).containsExactly(payload(100, 1));
    }

    @Test
    void shouldSayTheListenerDoesNotSpeakTlsWhenItClosesWithoutAnswering() throws Exception {
        transport = TestTransports.openTls(trustingTestCa());
        try (LoopbackPeer plaintext = LoopbackPeer.start()) {
            // what a Kafka PLAINTEXT listener does with a ClientHello: reads a "size" of ~370 MB and hangs up
            CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
                try (PeerSocket socket = plaintext.accept()) {
                    socket.readExactly(4);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            SslAuthenticationException failure = failedHandshake(
                    new InetSocketAddress("localhost", plaintext.address().getPort()));
            broker.get();

            assertThat(failure).hasMessageContaining("the broker closed the connection without answering the TLS "
                    + "handshake: the listener probably does not speak TLS")
                    .hasMessageContaining("check that security.protocol");
        }
    }

    @Test
    void shouldSayTheListenerDoesNotSpeakTlsWhenItAnswersSomethingElse() throws Exception {
        transport = TestTransports.openTls(trustingTestCa());
        try (LoopbackPeer plaintext = LoopbackPeer.start()) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (PeerSocket socket = plaintext.accept()) {
                    socket.readExactly(5);
                    socket.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.readToEnd();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            SslAuthenticationException failure = failedHandshake(
                    new InetSocketAddress("localhost", plaintext.address().getPort()));
            server.get();

            assertThat(failure).hasMessageContaining("the broker did not answer with TLS")
                    .hasMessageContaining("check that security.protocol matches the listener");
        }
    }

    @Test
    void shouldFailAPlaintextClientOnATlsPortSayingTheListenerExpectsTls() throws Exception {
        transport = TestTransports.open();
        try (TlsEchoPeer peer = TlsEchoPeer.start(NioTransportTlsFramesTest.serverOptions())) {
            TestTransports.connect(transport, listener, 1, peer.localhostAddress());
            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(30, 1))}, 1);
            pollUntil(transport, listener, () -> listener.has(DISCONNECTED, 1));
        }
        IOException cause = listener.disconnect(1).cause();
        assertThat(cause).hasMessageStartingWith("Lost connection 1 to localhost:")
                .hasMessageContaining("the broker answered with a TLS record (bytes 15 03 ")
                .hasMessageContaining("this listener expects TLS. Set security.protocol=SSL (or SASL_SSL)");
        assertThat(cause.getCause()).isInstanceOf(SslAuthenticationException.class).hasMessage(cause.getMessage());
    }

    @Test
    void shouldSayNoTlsVersionIsSharedWhenTheBrokerOnlySpeaksTls13() throws Exception {
        transport = TestTransports.openTls(trustingTestCa("ssl.enabled.protocols", "TLSv1.2"));
        try (TlsEchoPeer peer = TlsEchoPeer.start(NioTransportTlsFramesTest.serverOptions().withProtocols("TLSv1.3"))) {
            SslAuthenticationException failure = failedHandshake(peer.localhostAddress());

            assertThat(failure).hasMessageContaining("the broker and the client share no TLS version")
                    .hasMessageContaining("check ssl.enabled.protocols=TLSv1.2");
        }
    }

    @Test
    void shouldSayNoTlsVersionIsSharedWhenTheBrokerOnlySpeaksTls12() throws Exception {
        transport = TestTransports.openTls(trustingTestCa("ssl.enabled.protocols", "TLSv1.3"));
        try (TlsEchoPeer peer = TlsEchoPeer.start(NioTransportTlsFramesTest.serverOptions().withProtocols("TLSv1.2"))) {
            SslAuthenticationException failure = failedHandshake(peer.localhostAddress());

            assertThat(failure).hasMessageContaining("the broker and the client share no TLS version")
                    .hasMessageContaining("check ssl.enabled.protocols=TLSv1.3");
        }
    }

    @Test
    void shouldSayNoCipherSuiteIsSharedWhenTheirListsDoNotMeet() throws Exception {
        transport = TestTransports.openTls(trustingTestCa("ssl.enabled.protocols", "TLSv1.2",
                "ssl.cipher.suites", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
        try (TlsEchoPeer peer = TlsEchoPeer.start(NioTransportTlsFramesTest.serverOptions()
                .withCipherSuites("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"))) {
            SslAuthenticationException failure = failedHandshake(peer.localhostAddress());

            assertThat(failure).hasMessageContaining("share no cipher suite")
                    .hasMessageContaining("check ssl.cipher.suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void shouldSayTheBrokerWantsAClientCertificateWhenNoneIsConfigured(String protocol) throws Exception {
        transport = TestTransports.openTls(trustingTestCa("ssl.enabled.protocols", protocol));
        // With TLS 1.3 the client's side of the handshake ends before the broker checks the client: the
        // refusal may come as an alert on the first read, after onConnected (a request is on its way).
        RecordingListener sending = new RecordingListener() {
            @Override
            public void onConnected(int connectionId) {
                super.onConnected(connectionId);
                transport.send(connectionId, new ByteBuffer[] {ByteBuffer.wrap(payload(10, 1))}, 1);
            }
        };
        try (TlsEchoPeer peer = TlsEchoPeer.start(NioTransportTlsFramesTest.serverOptions().requiringClientAuth())) {
            transport.connect(1, peer.localhostAddress());
            pollUntil(transport, sending, () -> sending.has(DISCONNECTED, 1));
        }
        assertThat(sending.received(1)).isEmpty();
        SslAuthenticationException failure = authenticationFailure(sending.disconnect(1).cause());
        assertThat(failure).hasMessageContaining("the broker refused the client's certificate (Received fatal alert: ")
                .hasMessageContaining("none is configured; set ssl.keystore.location");
    }

    @Test
    void shouldRefuseARenegotiationAskedForByThePeer() throws Exception {
        transport = TestTransports.openTls(trustingTestCa("ssl.enabled.protocols", "TLSv1.2"));
        try (TlsEchoPeer peer = TlsEchoPeer.start(NioTransportTlsFramesTest.serverOptions().renegotiating())) {
            TestTransports.connect(transport, listener, 1, peer.localhostAddress());
            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(10, 1))}, 1);
            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(10, 2))}, 1);
            pollUntil(transport, listener, () -> listener.has(DISCONNECTED, 1));
        }
        assertThat(authenticationFailure(listener.disconnect(1).cause())).hasMessageContaining("the peer asked to renegotiate the TLS session, "
                + "which Sluice refuses");
    }

    /** Connects, expects a disconnect without a connect, and returns the fatal cause. */
    private SslAuthenticationException failedHandshake(InetSocketAddress address) throws IOException {
        transport.connect(1, address);
        pollUntil(transport, listener, () -> listener.has(DISCONNECTED, 1));
        assertThat(listener.has(CONNECTED, 1)).as("onConnected must wait for the handshake").isFalse();
        assertThat(transport.isConnected(1)).isFalse();
        return authenticationFailure(listener.disconnect(1).cause());
    }

    private static SslAuthenticationException authenticationFailure(IOException cause) {
        assertThat(cause).isInstanceOf(SSLHandshakeException.class);
        assertThat(cause.getCause()).isInstanceOf(SslAuthenticationException.class).hasMessage(cause.getMessage());
        return (SslAuthenticationException) cause.getCause();
    }
}
