package io.sluice.transport.nio;

import static io.sluice.transport.nio.Frames.payload;
import static io.sluice.transport.nio.RecordingListener.Kind.CONNECTED;
import static io.sluice.transport.nio.RecordingListener.Kind.DISCONNECTED;
import static io.sluice.transport.nio.RecordingListener.Kind.RECEIVED;
import static io.sluice.transport.nio.TestTransports.connect;
import static io.sluice.transport.nio.TestTransports.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.transport.nio.LoopbackPeer.PeerSocket;
import io.sluice.transport.nio.RecordingListener.Event;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connecting, disconnecting and the connection table, against a loopback peer. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NioTransportConnectionTest {

    private final RecordingListener listener = new RecordingListener();
    private NioTransport transport;

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void shouldReportConnectedAndAllowSendingOnceTheConnectCompletes() throws IOException {
        transport = TestTransports.open();
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            transport.connect(7, peer.address());
            assertThat(transport.isConnected(7)).isFalse();
            assertThatThrownBy(() -> transport.send(7, new ByteBuffer[0], 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot send on connection 7: it is connecting");

            pollUntil(transport, listener, () -> listener.has(CONNECTED, 7));

            assertThat(transport.isConnected(7)).isTrue();
            assertThat(listener.events).extracting(Event::kind).containsExactly(CONNECTED);
            try (PeerSocket socket = peer.accept()) {
                transport.send(7, new ByteBuffer[] {ByteBuffer.wrap(new byte[] {42})}, 1);
                transport.poll(0, listener);
                assertThat(socket.readFrame()).containsExactly(42);
            }
        }
    }

    @Test
    void shouldReportARefusedConnectWithTheAddress() throws IOException {
        transport = TestTransports.open();
        InetSocketAddress nobody = LoopbackPeer.refusingAddress();

        transport.connect(-1, nobody);
        pollUntil(transport, listener, () -> listener.has(DISCONNECTED, -1));

        IOException cause = listener.disconnect(-1).cause();
        assertThat(cause)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Could not connect connection -1 to localhost:" + nobody.getPort() + " (127.0.0.1): Connection refused");
        assertThat(listener.of(CONNECTED)).isEmpty();
        assertThat(transport.isConnected(-1)).isFalse();
    }

    @Test
    void shouldReportAConnectThatFailsAtOnceFromTheNextPoll() throws IOException {
        transport = TestTransports.open();
        // Linux refuses a TCP connect to the broadcast address inside connect() itself.
        InetSocketAddress broadcast = new InetSocketAddress(InetAddress.getByName("255.255.255.255"), 9092);

        transport.connect(9, broadcast);
        assertThatThrownBy(() -> transport.connect(9, broadcast)).isInstanceOf(IllegalStateException.class);
        pollUntil(transport, listener, () -> listener.has(DISCONNECTED, 9));

        assertThat(listener.disconnect(9).cause())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Could not connect connection 9 to 255.255.255.255:9092: ");
        assertThat(listener.of(CONNECTED)).isEmpty();
    }

    @Test
    void shouldThrowForAnUnresolvedAddressWithoutAnEvent() throws IOException {
        transport = TestTransports.open();

        assertThatThrownBy(() -> transport.connect(3, InetSocketAddress.createUnresolved("no-such-broker.invalid", 9092)))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("connection 3 to no-such-broker.invalid:9092")
                .hasMessageContaining("does not resolve");
        transport.poll(0, listener);

        assertThat(listener.events).isEmpty();
        transport.connect(3, LoopbackPeer.refusingAddress());
    }

    @Test
    void shouldRefuseASecondConnectWithAnIdInUse() throws IOException {
        transport = TestTransports.open();
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            transport.connect(1, peer.address());

            assertThatThrownBy(() -> transport.connect(1, peer.address()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Connection id 1 is already in use")
                    .hasMessageContaining("wait for onDisconnected");
        }
    }

    @Test
    void shouldReportDisconnectOnTheNextPollAndThenAllowTheSameIdAgain() throws IOException {
        transport = TestTransports.open();
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 5, peer.address());
            PeerSocket first = peer.accept();

            transport.disconnect(5);

            assertThat(transport.isConnected(5)).isFalse();
            assertThat(listener.of(DISCONNECTED)).isEmpty();
            assertThatThrownBy(() -> transport.connect(5, peer.address()))
                    .as("the id stays taken until onDisconnected is reported")
                    .isInstanceOf(IllegalStateException.class);
            transport.poll(0, listener);
            assertThat(listener.disconnect(5).cause()).isNull();
            assertThat(first.readToEnd()).as("the peer sees the connection closed").isZero();

            connect(transport, listener, 5, peer.address());
            try (PeerSocket second = peer.accept()) {
                assertThat(listener.events).extracting(Event::kind).containsExactly(CONNECTED, DISCONNECTED, CONNECTED);
                assertThat(transport.isConnected(5)).isTrue();
                second.write(Frames.wire(payload(3, 1)));
                pollUntil(transport, listener, () -> listener.has(RECEIVED, 5));
                assertThat(listener.received(5)).containsExactly(payload(3, 1));
            }
            transport.disconnect(5);
            transport.disconnect(5);
            transport.disconnect(99);
            transport.poll(0, listener);
            assertThat(listener.count(DISCONNECTED, 5)).as("one report per connection").isEqualTo(2);
        }
    }

    @Test
    void shouldKeepTheFrameIntactWhenTheListenerDisconnectsWhileHoldingIt() throws IOException {
        transport = TestTransports.open();
        RecordingListener disconnecting = new RecordingListener() {
            @Override
            public void onFrameReceived(int connectionId, ByteBuffer frame) {
                transport.disconnect(connectionId);
                super.onFrameReceived(connectionId, frame);
            }
        };
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, disconnecting, 1, peer.address());
            try (PeerSocket socket = peer.accept()) {
                socket.write(Frames.wire(payload(10, 1), payload(20, 2)));
                pollUntil(transport, disconnecting, () -> disconnecting.has(RECEIVED, 1));
                transport.poll(0, disconnecting);
            }
        }

        assertThat(disconnecting.received(1)).containsExactly(payload(10, 1));
        assertThat(disconnecting.events).extracting(Event::kind).containsExactly(CONNECTED, RECEIVED, DISCONNECTED);
        assertThat(disconnecting.disconnect(1).cause()).isNull();
    }

    @Test
    void shouldLetAListenerReconnectFromInsideOnDisconnected() throws IOException {
        transport = TestTransports.open();
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            InetSocketAddress refusing = LoopbackPeer.refusingAddress();
            RecordingListener reconnecting = new RecordingListener() {
                @Override
                public void onDisconnected(int connectionId, IOException cause) {
                    super.onDisconnected(connectionId, cause);
                    try {
                        transport.connect(connectionId, peer.address());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
            };

            transport.connect(2, refusing);
            pollUntil(transport, reconnecting, () -> reconnecting.has(CONNECTED, 2));

            assertThat(reconnecting.events).extracting(Event::kind).containsExactly(DISCONNECTED, CONNECTED);
            assertThat(transport.isConnected(2)).isTrue();
        }
    }

    @Test
    void shouldApplyNoDelayAndTheConfiguredSocketBuffers() throws IOException {
        transport = TestTransports.open(new TransportSettings("test", 32 * 1024, 48 * 1024, -1, 1024),
                NioTransport::systemClockMs);
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            transport.connect(1, peer.address());

            assertThat(transport.socketOption(1, StandardSocketOptions.TCP_NODELAY)).isTrue();
            assertThat(transport.socketOption(1, StandardSocketOptions.SO_KEEPALIVE)).isTrue();
            // Linux doubles what it is asked for, to leave room for bookkeeping.
            assertThat(transport.socketOption(1, StandardSocketOptions.SO_SNDBUF)).isGreaterThanOrEqualTo(32 * 1024);
            assertThat(transport.socketOption(1, StandardSocketOptions.SO_RCVBUF)).isGreaterThanOrEqualTo(48 * 1024);
        }
    }

    @Test
    void shouldHandleManyConnectionsAtOnce() throws IOException {
        transport = TestTransports.open();
        int connections = 64;
        int framesEach = 10;
        try (EchoPeer echo = EchoPeer.start()) {
            for (int id = 0; id < connections; id++) {
                transport.connect(id, echo.address());
            }
            pollUntil(transport, listener, () -> listener.of(CONNECTED).size() == connections);
            for (int id = 0; id < connections; id++) {
                for (int frame = 0; frame < framesEach; frame++) {
                    transport.send(id, new ByteBuffer[] {ByteBuffer.wrap(payload(frame * 100, id * 1000 + frame))}, 1);
                }
            }
            pollUntil(transport, listener, () -> listener.of(RECEIVED).size() == connections * framesEach);
        }

        assertThat(listener.of(DISCONNECTED)).isEmpty();
        for (int id = 0; id < connections; id++) {
            List<byte[]> received = listener.received(id);
            assertThat(received).hasSize(framesEach);
            for (int frame = 0; frame < framesEach; frame++) {
                assertThat(received.get(frame)).as("connection %d frame %d", id, frame)
                        .isEqualTo(payload(frame * 100, id * 1000 + frame));
            }
        }
    }

    @Test
    void shouldCloseEverySocketOnCloseAndRefuseUseAfterwards() throws IOException {
        transport = TestTransports.open();
        try (LoopbackPeer peer = LoopbackPeer.start()) {
            connect(transport, listener, 1, peer.address());
            PeerSocket socket = peer.accept();

            transport.close();
            transport.close();

            assertThat(socket.readToEnd()).isZero();
            assertThat(transport.isConnected(1)).isFalse();
            transport.wakeup();
            transport.disconnect(1);
            assertThatThrownBy(() -> transport.poll(0, listener))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("transport of client test is closed");
            assertThatThrownBy(() -> transport.connect(2, peer.address())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> transport.send(1, new ByteBuffer[0], 0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void shouldRefuseANegativePollTimeout() throws IOException {
        transport = TestTransports.open();

        assertThatThrownBy(() -> transport.poll(-1, listener))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeoutMs=-1");
    }
}
