package io.sluice.transport.nio;

import static io.sluice.transport.nio.Frames.payload;
import static io.sluice.transport.nio.RecordingListener.Kind.CONNECTED;
import static io.sluice.transport.nio.RecordingListener.Kind.DISCONNECTED;
import static io.sluice.transport.nio.RecordingListener.Kind.RECEIVED;
import static io.sluice.transport.nio.RecordingListener.Kind.SENT;
import static io.sluice.transport.nio.TestTransports.connect;
import static io.sluice.transport.nio.TestTransports.pollUntil;
import static io.sluice.transport.nio.TestTransports.trustingTestCa;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames both ways over TLS 1.2 and 1.3 against a JDK TLS echo peer: sizes from empty to 10 MB,
 * many frames in one go, records cut at every byte, input the layer holds back, mutual TLS with a
 * PKCS12 key store and with inline PEM, and close_notify on disconnect.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NioTransportTlsFramesTest {

    private final RecordingListener listener = new RecordingListener();
    private NioTransport transport;

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void shouldRoundTripEmptySmallAndTenMegabyteFrames(String protocol) throws Exception {
        transport = TestTransports.openTls(trustingTestCa("ssl.enabled.protocols", protocol));
        byte[] large = payload(10 * 1024 * 1024 + 7, 3);
        try (TlsEchoPeer peer = TlsEchoPeer.start(serverOptions())) {
            connect(transport, listener, 1, peer.localhostAddress());
            assertThat(listener.has(CONNECTED, 1)).as("connected: %s", listener.events).isTrue();

            transport.send(1, new ByteBuffer[] {ByteBuffer.allocate(0)}, 1);
            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(new byte[] {42})}, 1);
            int half = large.length / 2;
            transport.send(1, new ByteBuffer[] {
                ByteBuffer.wrap(large, 0, half),
                ByteBuffer.allocateDirect(large.length - half).put(large, half, large.length - half).flip()}, 2);
            pollUntil(transport, listener, () -> listener.count(RECEIVED, 1) == 3 || listener.has(DISCONNECTED, 1));
        }

        assertThat(listener.of(DISCONNECTED)).isEmpty();
        assertThat(listener.count(SENT, 1)).isEqualTo(3);
        List<byte[]> received = listener.received(1);
        assertThat(received.get(0)).isEmpty();
        assertThat(received.get(1)).containsExactly(42);
        assertThat(received.get(2)).isEqualTo(large);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void shouldRoundTripThousandsOfFramesQueuedAtOnce(String protocol) throws Exception {
        transport = TestTransports.openTls(trustingTestCa("ssl.enabled.protocols", protocol));
        List<byte[]> sent = new ArrayList<>();
        try (TlsEchoPeer peer = TlsEchoPeer.start(serverOptions())) {
            connect(transport, listener, 1, peer.localhostAddress());
            for (int i = 0; i < 3000; i++) {
                byte[] frame = payload(i % 700, i);
                sent.add(frame);
                transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(frame, 0, frame.length / 2),
                    ByteBuffer.wrap(frame, frame.length / 2, frame.length - frame.length / 2)}, 2);
            }
            pollUntil(transport, listener, () -> listener.count(RECEIVED, 1) == sent.size() || listener.has(DISCONNECTED, 1));
        }

        assertThat(listener.of(DISCONNECTED)).isEmpty();
        assertThat(listener.received(1)).containsExactlyElementsOf(sent);
        assertThat(listener.count(SENT, 1)).isEqualTo(sent.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void shouldReassembleRecordsThatArriveOneByteAtATime(String protocol) throws Exception {
        transport = TestTransports.openTls(trustingTestCa("ssl.enabled.protocols", protocol));
        byte[][] frames = {payload(0, 1), payload(1, 2), payload(5000, 3), payload(20_000, 4)};
        try (TlsEchoPeer peer = TlsEchoPeer.start(serverOptions());
             TricklingProxy proxy = TricklingProxy.start(peer.address())) {
            connect(transport, listener, 1, new java.net.InetSocketAddress("localhost", proxy.address().getPort()));
            for (byte[] frame : frames) {
                transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(frame)}, 1);
            }
            pollUntil(transport, listener, () -> listener.count(RECEIVED, 1) == frames.length || listener.has(DISCONNECTED, 1));
        }

        assertThat(listener.of(DISCONNECTED)).isEmpty();
        assertThat(listener.received(1)).containsExactly(frames);
    }

    @Test
    void shouldDeliverManyLargeFramesToPollsThatMayWaitLong() throws Exception {
        transport = TestTransports.openTls(trustingTestCa());
        // 8 MB echoed at once, read by polls that may each wait a minute: decrypted input held by the
        // layer must not wait for the socket (NioTransportHeldInputTest pins that case exactly).
        int count = 40;
        int size = 200 * 1024;
        try (TlsEchoPeer peer = TlsEchoPeer.start(serverOptions())) {
            connect(transport, listener, 1, peer.localhostAddress());
            for (int i = 0; i < count; i++) {
                transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(size, i))}, 1);
            }
            while (listener.count(RECEIVED, 1) < count && !listener.has(DISCONNECTED, 1)) {
                transport.poll(60_000, listener);
            }
        }

        assertThat(listener.of(DISCONNECTED)).isEmpty();
        for (int i = 0; i < count; i++) {
            assertThat(listener.received(1).get(i)).isEqualTo(payload(size, i));
        }
    }

    @Test
    void shouldAuthenticateWithAClientCertificateFromAPkcs12KeyStore() throws Exception {
        TestPki pki = TestPki.get();
        transport = TestTransports.openTls(trustingTestCa(
                "ssl.keystore.location", pki.clientKeystore.toString(),
                "ssl.keystore.password", TestPki.PASSWORD,
                "ssl.keystore.type", "PKCS12"));

        assertEchoesOverMutualTls();
    }

    @Test
    void shouldAuthenticateWithAClientCertificateGivenAsInlinePemWithAnEncryptedKey() throws Exception {
        TestPki pki = TestPki.get();
        transport = TestTransports.openTls(Map.of(
                "ssl.truststore.type", "PEM",
                "ssl.truststore.certificates", pki.caPem(),
                "ssl.keystore.type", "PEM",
                "ssl.keystore.certificate.chain", pki.clientChainPem(),
                "ssl.keystore.key", pki.clientKeyEncryptedPem("key-secret"),
                "ssl.key.password", "key-secret"));

        assertEchoesOverMutualTls();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void shouldSendCloseNotifyOnDisconnect(String protocol) throws Exception {
        transport = TestTransports.openTls(trustingTestCa("ssl.enabled.protocols", protocol));
        TestPki pki = TestPki.get();
        try (CloseNotifyPeer peer = CloseNotifyPeer.start(pki.serverContext(pki.serverKeystore))) {
            connect(transport, listener, 1, peer.localhostAddress());
            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(10, 1))}, 1);
            pollUntil(transport, listener, () -> listener.has(RECEIVED, 1) || listener.has(DISCONNECTED, 1));

            transport.disconnect(1);
            transport.poll(0, listener);

            assertThat(peer.awaitEnding(30)).isEqualTo(CloseNotifyPeer.CLOSE_NOTIFY);
        }
        assertThat(listener.received(1)).containsExactly(payload(10, 1));
        assertThat(listener.disconnect(1).cause()).isNull();
    }

    private void assertEchoesOverMutualTls() throws Exception {
        try (TlsEchoPeer peer = TlsEchoPeer.start(serverOptions().requiringClientAuth())) {
            connect(transport, listener, 1, peer.localhostAddress());
            transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(payload(3000, 9))}, 1);
            pollUntil(transport, listener, () -> listener.has(RECEIVED, 1) || listener.has(DISCONNECTED, 1));
        }
        assertThat(listener.of(DISCONNECTED)).isEmpty();
        assertThat(listener.received(1)).containsExactly(payload(3000, 9));
    }

    static TlsEchoPeer.Options serverOptions() throws Exception {
        TestPki pki = TestPki.get();
        return TlsEchoPeer.Options.of(pki.serverContext(pki.serverKeystore));
    }
}
