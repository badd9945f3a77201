package io.sluice.it.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.BrokerException;
import io.sluice.api.errors.NetworkException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.core.network.ConnectionState;
import io.sluice.core.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the connection layer does with peers that are not working brokers, over the real nio
 * transport: one that never answers, and crafted ones that answer with bytes a broker would never
 * send. Each ends in a closed connection and an error that says what happened; none hangs.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrokenPeersTest {

    private static RuntimeException firstFailure(WireClient wire) {
        wire.metadata.tryTopic("orders", null);
        wire.pollUntil(() -> wire.client.lastConnectionFailure(-1) != null, "the connection to fail", 30_000);
        return wire.client.lastConnectionFailure(-1);
    }

    @Test
    void shouldExpireTheRequestToAPeerThatNeverAnswersAfterRequestTimeoutAndCloseTheConnection() throws Exception {
        try (CraftedPeer silent = new CraftedPeer(correlationId -> null);
             WireClient wire = WireClient.create(Map.of("bootstrap.servers", silent.address(), "request.timeout.ms", 1_000))) {
            RuntimeException failure = firstFailure(wire);

            assertThat(failure).isExactlyInstanceOf(TimeoutException.class).hasMessage("No response from bootstrap server "
                    + silent.address() + " to ApiVersions v3 (correlation id 0) within 1000 ms (request.timeout.ms); the connection was closed");
            assertThat(wire.client.connectionState(-1)).isNotEqualTo(ConnectionState.READY);
            silent.clientClosed.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> wire.metadata.awaitTopic("orders", null, 0))
                    .isInstanceOf(TimeoutException.class).hasMessageStartingWith("Topic orders not present in metadata after 0 ms. No broker answered")
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void shouldCloseAndSaySoWhenTheResponseIsCutShort() throws Exception {
        CraftedPeer.Answer cut = correlationId -> ByteBuffer.allocate(14).putInt(100).putInt(correlationId).putShort((short) 0)
                .putInt(7).array(); // promises 100 bytes, sends 10, then closes its side
        try (CraftedPeer peer = new CraftedPeer(cut, true);
             WireClient wire = WireClient.create(Map.of("bootstrap.servers", peer.address()))) {
            RuntimeException failure = firstFailure(wire);

            assertThat(failure).isInstanceOf(NetworkException.class)
                    .hasMessageStartingWith("Connection to bootstrap server " + peer.address() + " failed: ");
            assertThat(wire.client.connectionState(-1)).isNotEqualTo(ConnectionState.READY);
        }
    }

    @Test
    void shouldCloseOnAWholeFrameThatDoesNotDecode() throws Exception {
        CraftedPeer.Answer garbage = correlationId -> CraftedPeer.frame(ByteBuffer.allocate(7).putInt(correlationId)
                .put(new byte[] {0, 0, 1}).array()); // an error code and one stray byte: no api_keys array
        try (CraftedPeer peer = new CraftedPeer(garbage);
             WireClient wire = WireClient.create(Map.of("bootstrap.servers", peer.address()))) {
            RuntimeException failure = firstFailure(wire);

            assertThat(failure).isInstanceOf(ProtocolException.class)
                    .hasMessageStartingWith("Malformed response from bootstrap server " + peer.address()
                            + " to ApiVersions v3 (correlation id 0): ");
            peer.clientClosed.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldCloseOnAnAbsurdFrameSizeFromSomethingThatIsNotKafka() throws Exception {
        CraftedPeer.Answer http = correlationId -> "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (CraftedPeer peer = new CraftedPeer(http);
             WireClient wire = WireClient.create(Map.of("bootstrap.servers", peer.address(), "sluice.max.response.bytes", 1_048_576))) {
            RuntimeException failure = firstFailure(wire);

            assertThat(failure).isInstanceOf(NetworkException.class)
                    .hasMessageContaining("Connection to bootstrap server " + peer.address() + " failed")
                    .hasMessageContaining("more than the limit of 1048576 bytes")
                    .hasMessageContaining("looks like an HTTP response");
            peer.clientClosed.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldCloseOnAnApiVersionsErrorCodeItDoesNotKnow() throws Exception {
        CraftedPeer.Answer unknownError = correlationId -> CraftedPeer.frame(KafkaBytes.response(
                new ApiVersionsResponseData().setErrorCode((short) 999), (short) 3, correlationId));
        try (CraftedPeer peer = new CraftedPeer(unknownError);
             WireClient wire = WireClient.create(Map.of("bootstrap.servers", peer.address()))) {
            RuntimeException failure = firstFailure(wire);

            assertThat(failure).isInstanceOf(BrokerException.class).hasMessageStartingWith("Unknown error code 999 from broker: "
                    + "ApiVersions v3 to bootstrap server " + peer.address());
            peer.clientClosed.get(30, TimeUnit.SECONDS);
        }
    }
}
