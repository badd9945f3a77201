package io.sluice.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy on its own, between a {@link FrameClient} and an {@link EchoServer}: each fault, byte for byte. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultProxyTest {

    private EchoServer server;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        server = new EchoServer();
        proxy = FaultProxy.start("echo", server.address());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.close();
    }

    @Test
    void shouldForwardFramesByteForByteInBothDirections() throws IOException {
        int[] sizes = {0, 1, 7, 1000, 200_000, 1_000_000};
        List<byte[]> frames = new ArrayList<>();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        try (FrameClient client = new FrameClient(proxy.port())) {
            for (int i = 0; i < sizes.length; i++) {
                byte[] frame = FrameClient.frame(sizes[i], i);
                frames.add(frame);
                sent.write(frame);
                client.send(frame);
            }
            for (byte[] frame : frames) {
                assertThat(client.readFrame()).isEqualTo(frame);
            }
        }
        assertThat(server.peers()).hasSize(1);
        assertThat(server.peers().get(0).received()).isEqualTo(sent.toByteArray());
        Eventually.await("6 frames counted each way", () -> proxy.framesForwarded(Direction.CLIENT_TO_BROKER) == 6
                && proxy.framesForwarded(Direction.BROKER_TO_CLIENT) == 6, proxy::toString);
        assertThat(proxy.framesForwarded(Direction.BOTH)).isEqualTo(12);
        assertThat(proxy.connectionsAccepted()).isEqualTo(1);
        assertThat(proxy.faultsByKind()).isEmpty();
    }

    @Test
    void shouldCutTheNextRequestAtHalfItsFrameThenEndBothSides() throws Exception {
        byte[] frame = FrameClient.frame(1000, 42);
        CompletableFuture<Void> cut = proxy.cutNextFrameInHalf(Direction.CLIENT_TO_BROKER);

        try (FrameClient client = new FrameClient(proxy.port())) {
            client.send(frame);
            assertThat(client.readUntilEnd()).isEmpty();
        }

        cut.get(30, TimeUnit.SECONDS);
        EchoServer.Peer peer = server.peers().get(0);
        assertThat(peer.ended.get(30, TimeUnit.SECONDS)).isEqualTo("eof");
        assertThat(peer.received()).isEqualTo(Arrays.copyOf(frame, (4 + 1000) / 2));
        assertThat(proxy.faultsInjected(FaultKind.HALF_FRAME)).isEqualTo(1);
        assertThat(proxy.framesForwarded(Direction.CLIENT_TO_BROKER)).isZero();
        assertThatTheNextConnectionEchoes();
    }

    @Test
    void shouldCutTheNextResponseAtHalfItsFrameThenEndBothSides() throws Exception {
        byte[] frame = FrameClient.frame(999, 7);
        CompletableFuture<Void> cut = proxy.cutNextFrameInHalf(Direction.BROKER_TO_CLIENT);

        byte[] received;
        try (FrameClient client = new FrameClient(proxy.port())) {
            client.send(frame);
            received = client.readUntilEnd();
        }

        cut.get(30, TimeUnit.SECONDS);
        assertThat(received).isEqualTo(Arrays.copyOf(frame, (4 + 999) / 2));
        assertThat(server.peers().get(0).ended.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.peers().get(0).received()).isEqualTo(frame);
        assertThat(proxy.framesForwarded(Direction.CLIENT_TO_BROKER)).isEqualTo(1);
        assertThatTheNextConnectionEchoes();
    }

    @Test
    void shouldHoldEverythingWhileStalledAndDeliverAllInOrderAfterUnstall() throws IOException {
        proxy.stall(Direction.CLIENT_TO_BROKER);
        List<byte[]> frames = new ArrayList<>();
        try (FrameClient client = new FrameClient(proxy.port())) {
            for (int i = 0; i < 20; i++) {
                frames.add(FrameClient.frame(10_000 + i, i));
                client.send(frames.get(i));
            }
            Eventually.await("the connection to reach the server", () -> server.peers().size() == 1);

            assertThat(server.peers().get(0).received()).isEmpty();
            assertThat(proxy.framesForwarded(Direction.CLIENT_TO_BROKER)).isZero();

            proxy.unstall();
            for (byte[] frame : frames) {
                assertThat(client.readFrame()).isEqualTo(frame);
            }
        }
        assertThat(proxy.faultsInjected(FaultKind.STALL)).isEqualTo(1);
    }

    @Test
    void shouldResumeByItselfAfterATimedStall() throws IOException {
        proxy.stall(Duration.ofMillis(300));
        try (FrameClient client = new FrameClient(proxy.port())) {
            byte[] frame = FrameClient.frame(5000, 3);
            client.send(frame);
            assertThat(client.readFrame()).isEqualTo(frame);
        }
    }

    @Test
    void shouldDropBothSidesOfEveryConnection() throws Exception {
        try (FrameClient one = new FrameClient(proxy.port()); FrameClient two = new FrameClient(proxy.port())) {
            byte[] frame = FrameClient.frame(100, 1);
            one.send(frame);
            two.send(frame);
            one.readFrame();
            two.readFrame();
            Eventually.await("two open connections", () -> proxy.openConnections() == 2);

            assertThat(proxy.dropConnections()).isEqualTo(2);

            assertThat(one.readUntilEnd()).isEmpty();
            assertThat(two.readUntilEnd()).isEmpty();
        }
        for (EchoServer.Peer peer : server.peers()) {
            assertThat(peer.ended.get(30, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(proxy.openConnections()).isZero();
        assertThat(proxy.connectionsDropped()).isEqualTo(2);
        assertThat(proxy.faultsInjected(FaultKind.DROP_CONNECTIONS)).isEqualTo(1);
        assertThatTheNextConnectionEchoes();
    }

    @Test
    void shouldResetNewConnectionsWhileRefusingAndTakeThemAgainAfter() throws IOException {
        proxy.refuseNewConnections(true);
        try (FrameClient refused = new FrameClient(proxy.port())) {
            assertThat(refused.readUntilEnd()).isEmpty();
        }
        assertThat(proxy.connectionsRefused()).isEqualTo(1);
        assertThat(server.peers()).isEmpty();

        proxy.refuseNewConnections(false);
        assertThatTheNextConnectionEchoes();
        assertThat(proxy.faultsInjected(FaultKind.REFUSE_CONNECTIONS)).isEqualTo(1);
    }

    @Test
    void shouldNeverAnswerWhileBlackholedThenResumeOpenConnectionsAndResetSwallowedOnes() throws IOException {
        byte[] frame = FrameClient.frame(300, 9);
        try (FrameClient open = new FrameClient(proxy.port())) {
            open.send(frame);
            assertThat(open.readFrame()).isEqualTo(frame);

            proxy.blackhole();
            open.send(frame);
            try (FrameClient swallowed = new FrameClient(proxy.port())) {
                swallowed.send(frame);
                open.readTimeout(300);
                swallowed.readTimeout(300);
                assertThatThrownBy(open::readFrame).isInstanceOf(SocketTimeoutException.class);
                assertThatThrownBy(swallowed::readFrame).isInstanceOf(SocketTimeoutException.class);
                Eventually.await("the blackhole to hold the new connection", () -> proxy.swallowedConnections() == 1);
                assertThat(server.peers()).hasSize(1);

                proxy.unblackhole();
                open.readTimeout(0);
                swallowed.readTimeout(0);
                assertThat(open.readFrame()).isEqualTo(frame);
                assertThat(swallowed.readUntilEnd()).isEmpty();
            }
        }
        assertThat(server.peers()).hasSize(1);
        assertThat(proxy.faultsInjected(FaultKind.BLACKHOLE)).isEqualTo(1);
    }

    @Test
    void shouldHoldEachFrameAtLeastForTheDelay() throws IOException {
        Duration delay = Duration.ofMillis(200);
        proxy.delay(Direction.CLIENT_TO_BROKER, delay);
        try (FrameClient client = new FrameClient(proxy.port())) {
            byte[] frame = FrameClient.frame(64, 5);
            long start = System.nanoTime();
            client.send(frame);
            assertThat(client.readFrame()).isEqualTo(frame);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);

            proxy.delay(Direction.CLIENT_TO_BROKER, Duration.ZERO);
            client.send(frame);
            assertThat(client.readFrame()).isEqualTo(frame);
        }
        assertThat(proxy.faultsInjected(FaultKind.DELAY)).isEqualTo(1);
    }

    @Test
    void shouldLiftEveryFaultOnHeal() throws Exception {
        proxy.stall(Direction.BOTH);
        proxy.delay(Duration.ofSeconds(30));
        proxy.refuseNewConnections(true);
        CompletableFuture<Void> cut = proxy.cutNextFrameInHalf(Direction.BOTH);

        proxy.heal();

        assertThat(cut).isCancelled();
        assertThatTheNextConnectionEchoes();
    }

    @Test
    void shouldPassOnTheEndOfAStreamAfterForwardingWhatCameBefore() throws IOException {
        byte[] frame = FrameClient.frame(2000, 11);
        try (FrameClient client = new FrameClient(proxy.port())) {
            client.send(frame);
            client.shutdownOutput();
            assertThat(client.readUntilEnd()).isEqualTo(frame);
        }
        assertThat(server.peers().get(0).received()).isEqualTo(frame);
    }

    @Test
    void shouldResetTheClientWhenTheBrokerIsDown() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        try (FaultProxy toNowhere = FaultProxy.start("nowhere", new InetSocketAddress("127.0.0.1", deadPort));
             FrameClient client = new FrameClient(toNowhere.port())) {
            assertThat(client.readUntilEnd()).isEmpty();
            assertThat(toNowhere.connectionsAccepted()).isEqualTo(1);
            assertThat(toNowhere.openConnections()).isZero();
        }
    }

    @Test
    void shouldRefuseNonsensicalArgumentsNamingTheProxy() {
        assertThatThrownBy(() -> proxy.stall(Direction.BOTH, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("echo").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> proxy.delay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> FaultProxy.start("bad", 70000, server.address()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
    }

    private void assertThatTheNextConnectionEchoes() throws IOException {
        try (FrameClient client = new FrameClient(proxy.port())) {
            byte[] frame = FrameClient.frame(123, 99);
            client.send(frame);
            assertThat(client.readFrame()).isEqualTo(frame);
        }
    }
}
