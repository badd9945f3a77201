package io.sluice.core.network;

import static io.sluice.core.network.ClientHarness.BROKER_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.NetworkException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.api.errors.UnsupportedVersionException;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.MetadataRequest;
import io.sluice.core.protocol.MetadataResponse;
import io.sluice.core.protocol.ProduceRequest;
import io.sluice.core.protocol.ProtocolException;
import io.sluice.core.protocol.Uuids;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkClientRequestTest {

    private final ClientHarness h = new ClientHarness();

    private ByteBuffer metadataAnswer(FakeTransport.SentFrame frame, String topic) {
        return KafkaFrames.metadata().broker(1, "broker-1", 9092).topic(topic, 0, 1).answer(frame);
    }

    @Test
    void shouldHandEachResponseToItsRequestInOrderWithIncreasingCorrelationIds() {
        h.connectReady(BROKER_1);
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        h.poll();
        h.client.send(h.metadataRequest(BROKER_1, "b"), h.now());
        List<FakeTransport.SentFrame> frames = h.transport.sentTo(1);
        FakeTransport.SentFrame first = frames.get(frames.size() - 2);
        FakeTransport.SentFrame second = frames.get(frames.size() - 1);
        assertThat(second.correlationId()).isGreaterThan(first.correlationId());
        assertThat(h.client.inFlightRequestCount(1)).isEqualTo(2);

        h.transport.receive(1, metadataAnswer(first, "a"));
        h.transport.receive(1, metadataAnswer(second, "b"));
        h.poll();

        assertThat(h.outcomes).hasSize(2);
        assertThat(h.outcomes).allSatisfy(outcome -> assertThat(outcome.failed()).isFalse());
        assertThat(((MetadataResponse) h.outcomes.get(0).body()).topics().get(0).name()).isEqualTo("a");
        assertThat(((MetadataResponse) h.outcomes.get(1).body()).topics().get(0).name()).isEqualTo("b");
        assertThat(h.client.inFlightRequestCount(1)).isZero();
        assertThat(h.client.hasInFlightRequests()).isFalse();
    }

    @Test
    void shouldTakeNoMoreThanMaxInFlightRequestsPerConnection() {
        ClientHarness two = new ClientHarness(ClientHarness.config(2), Authenticator.NONE);
        two.connectReady(BROKER_1);
        two.client.send(two.metadataRequest(BROKER_1, "a"), two.now());
        two.poll();
        two.client.send(two.metadataRequest(BROKER_1, "b"), two.now());
        two.poll();
        assertThat(two.client.isReady(1, two.now())).isFalse();
        assertThat(two.client.ready(BROKER_1, two.now())).isFalse();
        assertThatThrownBy(() -> two.client.send(two.metadataRequest(BROKER_1, "c"), two.now()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot send Metadata to node 1: its connection is READY with 2 of 2 requests in flight; "
                        + "send only after ready() answered true");

        FakeTransport.SentFrame first = two.transport.sentTo(1).get(1);
        two.transport.receive(1, metadataAnswer(first, "a"));
        two.poll();
        assertThat(two.client.isReady(1, two.now())).isTrue();
    }

    @Test
    void shouldNotQueueAnotherRequestBeforeThePreviousFrameIsWritten() {
        h.connectReady(BROKER_1);
        h.transport.holdWrites = true;
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        h.poll();
        assertThat(h.client.isReady(1, h.now())).isFalse();
        h.transport.releaseWrites();
        h.poll();
        assertThat(h.client.isReady(1, h.now())).isTrue();
    }

    @Test
    void shouldHoldBackRequestsWhileAMetadataRefreshIsDue() {
        h.connectReady(BROKER_1);
        h.metadata.updateDue = true;
        assertThat(h.client.isReady(1, h.now())).isFalse();
        assertThat(h.client.canSendRequest(1, h.now())).as("the refresh itself may go").isTrue();
    }

    @Test
    void shouldExpireARequestAfterItsTimeoutCloseTheConnectionAndFailTheOthersOnIt() {
        h.connectReady(BROKER_1);
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        h.poll();
        h.time.advance(10_000);
        h.client.send(h.metadataRequest(BROKER_1, "b"), h.now());
        int firstId = h.transport.sentTo(1).get(1).correlationId();
        int secondId = h.transport.sentTo(1).get(2).correlationId();

        h.time.advance(19_999);
        h.poll();
        assertThat(h.outcomes).isEmpty();
        h.time.advance(1);
        h.poll();

        assertThat(h.outcomes).hasSize(2);
        assertThat(h.outcomes.get(0).failure()).isInstanceOf(TimeoutException.class)
                .hasMessage("No response from broker 1 (broker-1:9092) to Metadata v12 (correlation id " + firstId
                        + ") within 30000 ms (request.timeout.ms); the connection was closed");
        assertThat(h.outcomes.get(1).failure()).isExactlyInstanceOf(NetworkException.class)
                .hasMessageStartingWith("Disconnected from broker 1 (broker-1:9092) with Metadata v12 (correlation id " + secondId
                        + ") in flight: another request on it timed out");
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.transport.disconnects).containsExactly(1);
        assertThat(h.client.hasInFlightRequests()).isFalse();
        assertThat(h.client.lastConnectionFailure(1)).isSameAs(h.outcomes.get(0).failure());
        assertThat(h.metadata.disconnectCauses).containsExactly(h.outcomes.get(0).failure());
    }

    @Test
    void shouldWaitNoLongerThanTheNextRequestDeadlineInPoll() {
        h.connectReady(BROKER_1);
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        h.time.advance(29_000);
        h.client.poll(60_000, h.now());
        assertThat(h.transport.pollTimeouts.get(h.transport.pollTimeouts.size() - 1)).isEqualTo(1_000L);
    }

    @Test
    void shouldFailEveryInFlightRequestSayingWhatHappenedWhenThePeerCloses() {
        h.connectReady(BROKER_1);
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        h.poll();
        h.client.send(h.metadataRequest(BROKER_1, "b"), h.now());
        h.transport.peerClose(1, new IOException("Connection reset by peer"));
        h.poll();

        assertThat(h.outcomes).hasSize(2).allSatisfy(outcome -> assertThat(outcome.failure())
                .isExactlyInstanceOf(NetworkException.class)
                .hasMessageStartingWith("Disconnected from broker 1 (broker-1:9092) while waiting for the response to Metadata v12")
                .hasMessageEndingWith(": Connection reset by peer"));
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.metadata.disconnectedIds).containsExactly(1);
        assertThat(h.client.connectionDelay(BROKER_1, h.now())).isEqualTo(50L);
    }

    @Test
    void shouldPassOnTheTransportsReasonWhenItDropsAnOversizedFrame() {
        h.connectReady(BROKER_1);
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        h.transport.peerClose(1, new IOException("Frame of 1195725856 bytes from connection 1 exceeds the limit of 104857600 bytes"));
        h.poll();

        assertThat(h.outcomes).singleElement().satisfies(outcome -> assertThat(outcome.failure())
                .isInstanceOf(NetworkException.class).hasMessageContaining("exceeds the limit of 104857600 bytes"));
    }

    @Test
    void shouldCloseTheConnectionOnACorrelationIdMismatch() {
        h.connectReady(BROKER_1);
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        h.poll();
        h.client.send(h.metadataRequest(BROKER_1, "b"), h.now());
        FakeTransport.SentFrame first = h.transport.sentTo(1).get(1);
        ByteBuffer wrong = KafkaFrames.metadata().broker(1, "broker-1", 9092)
                .answer(new FakeTransport.SentFrame(1, withCorrelationId(first.bytes(), 99)));
        h.transport.receive(1, wrong);
        h.poll();

        assertThat(h.outcomes).hasSize(2);
        assertThat(h.outcomes.get(0).failure()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Correlation id mismatch from broker 1 (broker-1:9092): expected the response to Metadata v12 "
                        + "(correlation id " + first.correlationId() + ") but got correlation id 99");
        assertThat(h.outcomes.get(1).failure()).isExactlyInstanceOf(NetworkException.class)
                .hasMessageContaining("an earlier response on this connection could not be read");
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.transport.disconnects).containsExactly(1);
    }

    @Test
    void shouldCloseTheConnectionOnATruncatedResponse() {
        h.connectReady(BROKER_1);
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        ByteBuffer whole = metadataAnswer(h.transport.lastSent(1), "a");
        ByteBuffer cut = ByteBuffer.wrap(java.util.Arrays.copyOf(whole.array(), whole.remaining() - 7));
        h.transport.receive(1, cut);
        h.poll();

        assertThat(h.outcomes).singleElement().satisfies(outcome -> assertThat(outcome.failure())
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("Malformed response from broker 1 (broker-1:9092) to Metadata v12"));
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.transport.disconnects).containsExactly(1);
    }

    @Test
    void shouldCloseTheConnectionOnAResponseNobodyAskedFor() {
        h.connectReady(BROKER_1);
        h.transport.receive(1, KafkaFrames.metadata().broker(1, "b", 1).answer(new FakeTransport.SentFrame(1,
                withCorrelationId(h.transport.lastSent(1).bytes(), 1234))));
        h.poll();

        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.client.lastConnectionFailure(1)).hasMessageContaining("Unexpected response (correlation id 1234)");
    }

    @Test
    void shouldCompleteAnAcksZeroProduceOnceItsFrameIsWritten() {
        h.connectReady(BROKER_1);
        h.transport.holdWrites = true;
        ProduceRequest produce = new ProduceRequest(null, (short) 0, 30_000, List.of(new ProduceRequest.TopicData("t", Uuids.ZERO,
                List.of(new ProduceRequest.PartitionData(0, ByteBuffer.wrap(new byte[] {1, 2, 3}))))));
        h.client.send(new ClientRequest(1, ApiKeys.PRODUCE, (short) 9, produce, false, h.now(), 30_000, h.outcomes::add), h.now());
        h.poll();
        assertThat(h.outcomes).isEmpty();
        assertThat(h.client.inFlightRequestCount(1)).isEqualTo(1);

        h.transport.releaseWrites();
        h.poll();
        assertThat(h.outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.failed()).isFalse();
            assertThat(outcome.body()).isNull();
        });
        assertThat(h.client.inFlightRequestCount(1)).isZero();
    }

    @Test
    void shouldReportARequestThatCannotBeEncodedThroughItsHandler() {
        h.connectReady(BROKER_1);
        int framesBefore = h.transport.sent.size();
        MetadataRequest noAutoCreate = MetadataRequest.forTopics(List.of("a"), false);
        h.client.send(new ClientRequest(1, ApiKeys.METADATA, (short) 3, noAutoCreate, true, h.now(), 30_000, h.outcomes::add), h.now());
        h.poll();

        assertThat(h.outcomes).singleElement().satisfies(outcome -> assertThat(outcome.failure())
                .isInstanceOf(UnsupportedVersionException.class).hasMessageContaining("allow_auto_topic_creation=false"));
        assertThat(h.transport.sent).hasSize(framesBefore);
        assertThat(h.client.inFlightRequestCount(1)).isZero();
    }

    @Test
    void shouldRefuseToSendOnAConnectionThatIsNotReady() {
        assertThatThrownBy(() -> h.client.send(h.metadataRequest(BROKER_1, "a"), h.now()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("its connection is not open");
    }

    @Test
    void shouldRunTheOtherHandlersWhenOneThrows() {
        h.connectReady(BROKER_1);
        h.client.send(new ClientRequest(1, ApiKeys.METADATA, (short) 12, MetadataRequest.forTopics(List.of("a"), true), true,
                h.now(), 30_000, response -> {
                    throw new IllegalStateException("handler bug");
                }), h.now());
        h.poll();
        h.client.send(h.metadataRequest(BROKER_1, "b"), h.now());
        h.transport.peerClose(1, new IOException("gone"));
        h.poll();

        assertThat(h.outcomes).hasSize(1);
    }

    @Test
    void shouldFailInFlightRequestsWhenTheCallerDisconnects() {
        h.connectReady(BROKER_1);
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        h.client.disconnect(1);
        h.poll();

        assertThat(h.outcomes).singleElement().satisfies(outcome -> assertThat(outcome.failure())
                .isInstanceOf(NetworkException.class).hasMessageEndingWith("in flight: the producer closed the connection"));
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void shouldFailEverythingInFlightAndCloseTheTransportOnClose() {
        h.connectReady(BROKER_1);
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        h.client.close();

        assertThat(h.outcomes).singleElement().satisfies(outcome -> assertThat(outcome.failure())
                .hasMessageEndingWith("the producer is closing"));
        assertThat(h.transport.closed).isTrue();
        assertThatThrownBy(() -> h.client.poll(0, h.now())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldCloseBootstrapConnectionsOnceTheRealBrokersAreKnownAndIdle() {
        io.sluice.api.Node bootstrap = new io.sluice.api.Node(-1, "broker-1", 9092);
        h.metadata.nodes = new java.util.ArrayList<>(List.of(bootstrap));
        h.connectReady(bootstrap);
        h.client.send(h.metadataRequest(bootstrap, "a"), h.now());
        h.metadata.nodes = new java.util.ArrayList<>(List.of(BROKER_1));
        h.poll();
        assertThat(h.transport.disconnects).as("not while a request is in flight on it").isEmpty();

        h.transport.receive(-1, metadataAnswer(h.transport.lastSent(-1), "a"));
        h.poll();
        assertThat(h.outcomes).singleElement().satisfies(outcome -> assertThat(outcome.failed()).isFalse());
        assertThat(h.transport.disconnects).containsExactly(-1);
        h.poll();
        assertThat(h.client.connectionState(-1)).isEqualTo(ConnectionState.DISCONNECTED);
    }

    private static byte[] withCorrelationId(byte[] request, int correlationId) {
        byte[] copy = request.clone();
        ByteBuffer.wrap(copy).putInt(4, correlationId);
        return copy;
    }
}
