package io.sluice.core.network;

import static io.sluice.core.network.ClientHarness.BROKER_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Node;
import io.sluice.api.errors.BrokerException;
import io.sluice.api.errors.UnsupportedVersionException;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.ApiVersionsRequest;
import io.sluice.core.protocol.ResponseBody;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

class NetworkClientConnectionTest {

    private final ClientHarness h = new ClientHarness();

    @Test
    void shouldGoThroughConnectingAndApiVersionsToReady() {
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.client.ready(BROKER_1, h.now())).isFalse();
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.CONNECTING);
        assertThat(h.transport.connectAddresses).containsExactly(new InetSocketAddress(ClientHarness.addresses("broker-1", 10, 0, 0, 1)[0], 9092));

        h.transport.completeConnect(1);
        h.poll();
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.CHECKING_API_VERSIONS);
        assertThat(h.client.isReady(1, h.now())).isFalse();
        assertThat(h.client.apiVersion(1, ApiKeys.PRODUCE, (short) 13)).isEqualTo((short) -1);

        h.transport.receive(1, KafkaFrames.apiVersionsAnswer(h.transport.lastSent(1)));
        h.poll();
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.READY);
        assertThat(h.client.ready(BROKER_1, h.now())).isTrue();
        assertThat(h.client.apiVersion(1, ApiKeys.PRODUCE, (short) 13)).isEqualTo((short) 13);
        assertThat(h.client.apiVersion(1, ApiKeys.PRODUCE, (short) 12)).isEqualTo((short) 12);
        assertThat(h.client.apiVersion(1, ApiKeys.METADATA, (short) 13)).isEqualTo((short) 13);
        assertThat(h.client.apiVersion(1, ApiKeys.PRODUCE, (short) 2)).as("below Sluice's Produce floor").isEqualTo((short) -1);
        assertThat(h.client.connectionFailed(1)).isFalse();
    }

    @Test
    void shouldSendApiVersionsV3NamingSluiceAndItsVersionInAFormBrokersAccept() {
        h.client.ready(BROKER_1, h.now());
        h.transport.completeConnect(1);
        h.poll();

        FakeTransport.SentFrame frame = h.transport.lastSent(1);
        assertThat(frame.apiKey()).isEqualTo((short) 18);
        assertThat(frame.apiVersion()).isEqualTo((short) 3);
        assertThat(KafkaFrames.header(frame).clientId()).isEqualTo("test-client");
        org.apache.kafka.common.requests.ApiVersionsRequest request =
                (org.apache.kafka.common.requests.ApiVersionsRequest) KafkaFrames.request(frame);
        assertThat(request.data().clientSoftwareName()).isEqualTo("sluice");
        assertThat(request.data().clientSoftwareVersion()).matches(ApiVersionsRequest.SOFTWARE_NAME_OR_VERSION);
        assertThat(request.isValid()).as("Kafka's own validation of the software name and version").isTrue();
    }

    @Test
    void shouldAskAgainWithTheVersionTheBrokerNamesAfterUnsupportedVersion() {
        h.client.ready(BROKER_1, h.now());
        h.transport.completeConnect(1);
        h.poll();
        FakeTransport.SentFrame v3 = h.transport.lastSent(1);
        // What an old broker sends back (KIP-511): error 35 and its ApiVersions range, in a v0 body.
        ApiVersionsResponseData refusal = KafkaFrames.versions(KafkaFrames.range(18, 0, 2)).setErrorCode(Errors.UNSUPPORTED_VERSION.code());
        h.transport.receive(1, KafkaFrames.response(refusal, (short) 0, v3.correlationId()));
        h.poll();

        FakeTransport.SentFrame retry = h.transport.lastSent(1);
        assertThat(retry.apiKey()).isEqualTo((short) 18);
        assertThat(retry.apiVersion()).isEqualTo((short) 2);
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.CHECKING_API_VERSIONS);

        ApiVersionsResponseData kafka28 = KafkaFrames.versions(KafkaFrames.range(0, 0, 9), KafkaFrames.range(3, 0, 11),
                KafkaFrames.range(18, 0, 3), KafkaFrames.range(22, 0, 4));
        h.transport.receive(1, KafkaFrames.response(kafka28, (short) 2, retry.correlationId()));
        h.poll();
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.READY);
        assertThat(h.client.apiVersion(1, ApiKeys.PRODUCE, (short) 13)).isEqualTo((short) 9);
        assertThat(h.client.apiVersion(1, ApiKeys.METADATA, (short) 13)).isEqualTo((short) 11);
    }

    @Test
    void shouldCloseNamingBrokerApiAndRangesWhenTheBrokerLacksProduceV3AndWaitTheLongestBackoff() {
        h.client.ready(BROKER_1, h.now());
        h.transport.completeConnect(1);
        h.poll();
        ApiVersionsResponseData tooOld = KafkaFrames.versions(KafkaFrames.range(0, 0, 2), KafkaFrames.range(3, 0, 5),
                KafkaFrames.range(18, 0, 3));
        h.transport.receive(1, KafkaFrames.response(tooOld, (short) 3, h.transport.lastSent(1).correlationId()));
        h.poll();

        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.transport.disconnects).containsExactly(1);
        RuntimeException failure = h.client.lastConnectionFailure(1);
        assertThat(failure).isInstanceOf(UnsupportedVersionException.class)
                .hasMessage("broker 1 (broker-1:9092) cannot be used by Sluice: The broker supports Produce v0–v2 only; Sluice needs v3+ "
                        + "(Kafka 0.11 or later): upgrade the broker. Sluice retries this broker only every reconnect.backoff.max.ms");
        assertThat(h.metadata.disconnectCauses).containsExactly(failure);
        assertThat(h.client.connectionFailed(1)).isTrue();
        assertThat(h.client.connectionDelay(BROKER_1, h.now())).isEqualTo(1_000L);

        h.time.advance(999);
        h.poll();
        assertThat(h.client.ready(BROKER_1, h.now())).isFalse();
        assertThat(h.transport.connectIds).as("no new attempt before reconnect.backoff.max.ms").containsExactly(1);
        h.time.advance(1);
        h.client.ready(BROKER_1, h.now());
        assertThat(h.transport.connectIds).containsExactly(1, 1);
    }

    @Test
    void shouldCloseTheConnectionOnAnApiVersionsErrorCodeItDoesNotKnow() {
        h.client.ready(BROKER_1, h.now());
        h.transport.completeConnect(1);
        h.poll();
        ApiVersionsResponseData odd = KafkaFrames.kafka44Versions().setErrorCode((short) 999);
        h.transport.receive(1, KafkaFrames.response(odd, (short) 3, h.transport.lastSent(1).correlationId()));
        h.poll();

        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.transport.disconnects).containsExactly(1);
        assertThat(h.client.lastConnectionFailure(1)).isInstanceOf(BrokerException.class)
                .hasMessageContaining("Unknown error code 999").hasMessageContaining("ApiVersions v3 to broker 1 (broker-1:9092)");
    }

    @Test
    void shouldDoubleTheReconnectBackoffPerFailureUpToTheMaxAndResetItOnceReady() {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            h.client.ready(BROKER_1, h.now());
            h.transport.peerClose(1, new ConnectException("Connection refused"));
            h.poll();
            long delay = h.client.connectionDelay(BROKER_1, h.now());
            delays.add(delay);
            h.time.advance(delay);
        }
        assertThat(delays).containsExactly(50L, 100L, 200L, 400L, 800L, 1000L, 1000L);

        h.connectReady(BROKER_1);
        h.transport.peerClose(1, new IOException("Connection reset by peer"));
        h.poll();
        assertThat(h.client.connectionDelay(BROKER_1, h.now())).as("reset after READY").isEqualTo(50L);
    }

    @Test
    void shouldKeepTheReconnectJitterWithinPlusMinusTwentyPercent() {
        h.random.next = 0.0;
        h.client.ready(BROKER_1, h.now());
        h.transport.peerClose(1, new ConnectException("Connection refused"));
        h.poll();
        assertThat(h.client.connectionDelay(BROKER_1, h.now())).isEqualTo(40L);

        h.time.advance(40);
        h.random.next = 0.999999;
        h.client.ready(BROKER_1, h.now());
        h.transport.peerClose(1, new ConnectException("Connection refused"));
        h.poll();
        assertThat(h.client.connectionDelay(BROKER_1, h.now())).isEqualTo(119L); // 100 ms * 1.19999
    }

    @Test
    void shouldAbandonAConnectAfterTheSetupTimeoutAndDoubleItForTheNextAttempt() {
        h.client.ready(BROKER_1, h.now());
        h.time.advance(10_000);
        h.poll();
        assertThat(h.client.connectionState(1)).as("at the timeout, not yet past it").isEqualTo(ConnectionState.CONNECTING);
        h.time.advance(1);
        h.poll();
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.transport.disconnects).containsExactly(1);
        assertThat(h.client.lastConnectionFailure(1)).hasMessage(
                "Connection to broker 1 (broker-1:9092) was not established within 10000 ms (socket.connection.setup.timeout.ms)");

        h.poll(); // the transport reports our own close
        h.time.advance(h.client.connectionDelay(BROKER_1, h.now()));
        h.client.ready(BROKER_1, h.now());
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.CONNECTING);
        h.time.advance(15_000);
        h.poll();
        assertThat(h.client.connectionState(1)).as("the second attempt may take 20 s").isEqualTo(ConnectionState.CONNECTING);
        h.time.advance(5_001);
        h.poll();
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void shouldTryEveryAddressTheHostResolvesToInTurn() {
        h.dns.put("broker-1", ClientHarness.addresses("broker-1", 10, 0, 0, 1, 10, 0, 0, 11));
        h.client.ready(BROKER_1, h.now());
        h.transport.peerClose(1, new ConnectException("Connection refused"));
        h.poll();
        h.time.advance(h.client.connectionDelay(BROKER_1, h.now()));
        h.client.ready(BROKER_1, h.now());

        assertThat(h.transport.connectAddresses).extracting(a -> a.getAddress().getHostAddress())
                .containsExactly("10.0.0.1", "10.0.0.11");
    }

    @Test
    void shouldCountAHostThatDoesNotResolveAsAFailedAttempt() {
        Node unknown = new Node(7, "no-such-host.invalid", 9092);
        h.metadata.nodes.add(unknown);
        assertThat(h.client.ready(unknown, h.now())).isFalse();

        assertThat(h.client.connectionState(7)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.transport.connectIds).isEmpty();
        assertThat(h.client.lastConnectionFailure(7)).hasMessageContaining("Cannot connect to broker 7 (no-such-host.invalid:9092)")
                .hasMessageContaining("no-such-host.invalid: Name or service not known");
        assertThat(h.client.connectionDelay(unknown, h.now())).isEqualTo(50L);
    }

    @Test
    void shouldCountAConnectThatCannotStartAsAFailedAttempt() {
        h.transport.failNextConnect = new IOException("Too many open files");
        h.client.ready(BROKER_1, h.now());

        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.client.lastConnectionFailure(1)).hasMessageContaining("Too many open files");
        assertThat(h.metadata.disconnectedIds).containsExactly(1);
    }

    @Test
    void shouldRunTheAuthenticatorsExchangeBetweenApiVersionsAndReady() {
        List<ResponseBody> seen = new ArrayList<>();
        Authenticator oneRound = (node, versions) -> new AuthenticationExchange() {
            private boolean sent;

            @Override
            public Step next() {
                if (sent) {
                    return null; // one round is enough
                }
                sent = true;
                return new Step(ApiKeys.API_VERSIONS, (short) 0, new ApiVersionsRequest("sluice", "dev")); // a stand-in round trip
            }

            @Override
            public void onResponse(ResponseBody response) {
                seen.add(response);
            }
        };
        ClientHarness auth = new ClientHarness(ClientHarness.config(5), oneRound);
        auth.client.ready(BROKER_1, auth.now());
        auth.transport.completeConnect(1);
        auth.poll();
        auth.transport.receive(1, KafkaFrames.apiVersionsAnswer(auth.transport.lastSent(1)));
        auth.poll();
        assertThat(auth.client.connectionState(1)).isEqualTo(ConnectionState.AUTHENTICATING);
        assertThat(auth.client.isReady(1, auth.now())).isFalse();
        FakeTransport.SentFrame round = auth.transport.lastSent(1);
        assertThat(round.apiVersion()).isEqualTo((short) 0);

        auth.transport.receive(1, KafkaFrames.response(KafkaFrames.kafka44Versions(), (short) 0, round.correlationId()));
        auth.poll();
        assertThat(seen).hasSize(1);
        assertThat(auth.client.connectionState(1)).isEqualTo(ConnectionState.READY);
    }
}
