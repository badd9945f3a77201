package io.sluice.transport.nio;

import static io.sluice.transport.nio.Frames.payload;
import static io.sluice.transport.nio.RecordingListener.Kind.DISCONNECTED;
import static io.sluice.transport.nio.RecordingListener.Kind.RECEIVED;
import static io.sluice.transport.nio.TestTransports.connect;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Input a layer holds back (as TLS holds decrypted bytes) is not announced by the selector: the
 * transport must read such connections again in the next poll without waiting. Here a layer hands
 * out 512 bytes per read, so every read round ({@link FrameReader#MAX_READS_PER_ROUND} reads) ends
 * with bytes held while the socket has nothing more to say.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NioTransportHeldInputTest {

    private final RecordingListener listener = new RecordingListener();
    private NioTransport transport;

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void shouldDeliverHeldInputInTheNextPollWithoutWaitingForTheSocket() throws Exception {
        transport = new NioTransport(new TransportSettings("test", -1, -1, -1, 1 << 20),
                (channel, address) -> new HoldingLayer(channel, 512), NioTransport::systemClockMs);
        List<byte[]> sent = new ArrayList<>();
        try (EchoPeer echo = EchoPeer.start()) {
            connect(transport, listener, 1, echo.address());
            for (int i = 0; i < 50; i++) {
                sent.add(payload(1000, i));
                transport.send(1, new ByteBuffer[] {ByteBuffer.wrap(sent.get(i))}, 1);
            }
            int polls = 0;
            // 50 KB at 512 bytes per read and 16 reads per round: at least 6 polls. Each may wait a minute
            // for the socket, which stays silent once the echo is back: a poll that waited would end the
            // test by its timeout.
            while (listener.count(RECEIVED, 1) < sent.size() && !listener.has(DISCONNECTED, 1)) {
                transport.poll(50_000, listener);
                polls++;
            }
            assertThat(polls).as("polls needed").isGreaterThanOrEqualTo(6);
        }

        assertThat(listener.of(DISCONNECTED)).isEmpty();
        assertThat(listener.received(1)).containsExactlyElementsOf(sent);
    }
}
