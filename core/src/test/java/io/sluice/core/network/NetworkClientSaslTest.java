package io.sluice.core.network;

import static io.sluice.core.network.ClientHarness.BROKER_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.errors.NetworkException;
import io.sluice.api.errors.SaslAuthenticationException;
import io.sluice.api.errors.SslAuthenticationException;
import io.sluice.core.security.SaslSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.requests.SaslAuthenticateRequest;
import org.apache.kafka.common.requests.SaslHandshakeRequest;
import org.junit.jupiter.api.Test;

/**
 * SASL in the connection state machine, against broker answers written by Kafka's own message
 * classes: the exchange between ApiVersions and ready, refusals that are fatal for the broker (no
 * retry before reconnect.backoff.max.ms), TLS failures reported by the transport, and KIP-368
 * re-authentication on a connection with requests in flight.
 */
class NetworkClientSaslTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"alice\" password=\"alice-secret\";";

    private final ClientHarness h = new ClientHarness(ClientHarness.config(5),
            new SaslAuthenticator(SaslSettings.from("SASL_SSL", "PLAIN", true, JAAS)));

    @Test
    void shouldHandshakeThenAuthenticateBetweenApiVersionsAndReady() {
        FakeTransport.SentFrame handshake = connectAndAnswerApiVersions();

        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.AUTHENTICATING);
        assertThat(h.client.isReady(1, h.now())).isFalse();
        assertThat(((SaslHandshakeRequest) KafkaFrames.request(handshake)).data().mechanism()).isEqualTo("PLAIN");
        assertThat(handshake.apiVersion()).isEqualTo((short) 1);

        FakeTransport.SentFrame authenticate = answerHandshake(handshake);
        assertThat(authenticate.apiVersion()).isEqualTo((short) 2);
        assertThat(((SaslAuthenticateRequest) KafkaFrames.request(authenticate)).data().authBytes())
                .isEqualTo("\0alice\0alice-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(h.metadata.readyIds).isEmpty();

        answerAuthenticate(authenticate, 0);

        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.READY);
        assertThat(h.client.isReady(1, h.now())).isTrue();
        assertThat(h.metadata.readyIds).containsExactly(1);
        assertThat(h.client.authenticationFailures()).isEmpty();
    }

    @Test
    void shouldFailForTheBrokerNamingTheEnabledMechanismsWhenTheListenerDoesNotEnableOurs() {
        FakeTransport.SentFrame handshake = connectAndAnswerApiVersions();
        h.transport.receive(1, KafkaFrames.response(new SaslHandshakeResponseData().setErrorCode((short) 33)
                .setMechanisms(List.of("SCRAM-SHA-256", "SCRAM-SHA-512")), (short) 1, handshake.correlationId()));
        h.poll();

        RuntimeException failure = h.client.lastConnectionFailure(1);
        assertThat(failure).isInstanceOf(SaslAuthenticationException.class).hasMessage("SASL authentication with broker 1 "
                + "(broker-1:9092) (sasl.mechanism=PLAIN) failed: UNSUPPORTED_SASL_MECHANISM: the listener does not enable "
                + "PLAIN; it enables [SCRAM-SHA-256, SCRAM-SHA-512]. Set sasl.mechanism to one of those, with its login module "
                + "in sasl.jaas.config");
        assertFatalForTheBroker(failure);
    }

    @Test
    void shouldFailForTheBrokerWithItsReasonWhenTheCredentialsAreRefused() {
        FakeTransport.SentFrame authenticate = answerHandshake(connectAndAnswerApiVersions());
        h.transport.receive(1, KafkaFrames.response(new SaslAuthenticateResponseData().setErrorCode((short) 58)
                .setErrorMessage("Authentication failed: Invalid username or password").setAuthBytes(new byte[0]),
                (short) 2, authenticate.correlationId()));
        h.poll();

        RuntimeException failure = h.client.lastConnectionFailure(1);
        assertThat(failure).isInstanceOf(SaslAuthenticationException.class).hasMessage("SASL authentication with broker 1 "
                + "(broker-1:9092) (sasl.mechanism=PLAIN) failed: SASL_AUTHENTICATION_FAILED: Authentication failed: Invalid "
                + "username or password. Check the username and password in sasl.jaas.config, and that the broker has this "
                + "user for PLAIN")
                .hasMessageNotContaining("alice-secret");
        assertFatalForTheBroker(failure);
    }

    @Test
    void shouldSayTheListenerDoesNotUseSaslWhenTheBrokerAnswersIllegalSaslState() {
        FakeTransport.SentFrame handshake = connectAndAnswerApiVersions();
        h.transport.receive(1, KafkaFrames.response(new SaslHandshakeResponseData().setErrorCode((short) 34)
                .setMechanisms(List.of()), (short) 1, handshake.correlationId()));
        h.poll();

        assertThat(h.client.lastConnectionFailure(1)).isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("ILLEGAL_SASL_STATE: the listener at broker-1:9092 does not expect SASL now")
                .hasMessageContaining("check that security.protocol matches the listener");
    }

    @Test
    void shouldTreatATlsFailureReportedByTheTransportAsFatalForTheBroker() {
        h.client.ready(BROKER_1, h.now());
        SslAuthenticationException refused = new SslAuthenticationException("TLS handshake with broker-1:9092 failed: the "
                + "broker's certificate is not trusted; check ssl.truststore.location");
        SSLHandshakeException transportReport = new SSLHandshakeException(refused.getMessage());
        transportReport.initCause(refused);
        h.transport.peerClose(1, transportReport);
        h.poll();

        assertThat(h.client.lastConnectionFailure(1)).isSameAs(refused);
        assertFatalForTheBroker(refused);
    }

    @Test
    void shouldFailRequestsInFlightWithTheAuthenticationFailureAsCause() {
        h.client.ready(BROKER_1, h.now());
        h.transport.completeConnect(1);
        h.poll(); // ApiVersions in flight
        SslAuthenticationException refused = new SslAuthenticationException("TLS: the broker refused the client's certificate");
        h.transport.peerClose(1, new IOException(refused.getMessage(), refused));
        h.poll();

        assertThat(h.client.authenticationFailures()).containsOnlyKeys(1);
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.metadata.disconnectCauses).containsExactly(refused);
    }

    @Test
    void shouldKeepRetryingAnOrdinaryDisconnectWithTheShortBackoff() {
        h.client.ready(BROKER_1, h.now());
        h.transport.peerClose(1, new IOException("Connection refused"));
        h.poll();

        assertThat(h.client.authenticationFailures()).isEmpty();
        assertThat(h.client.lastConnectionFailure(1)).isInstanceOf(NetworkException.class);
        assertThat(h.client.connectionDelay(BROKER_1, h.now())).isEqualTo(50L);
    }

    @Test
    void shouldReauthenticateBetween85And95PercentOfTheSessionWithoutLosingRequestsInFlight() {
        authenticate(10_000); // jitter 0.5 of the scripted random: 90% of 10 s
        h.time.advance(8_999);
        h.client.poll(60_000, h.now());
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.READY);
        assertThat(h.transport.pollTimeouts.get(h.transport.pollTimeouts.size() - 1)).as("poll wakes for the re-authentication")
                .isEqualTo(1L);
        h.client.send(h.metadataRequest(BROKER_1, "orders"), h.now());
        FakeTransport.SentFrame inFlight = h.transport.lastSent(1);

        h.time.advance(1);
        h.poll();

        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.AUTHENTICATING);
        assertThat(h.client.canSendRequest(1, h.now())).as("new requests wait for the re-authentication").isFalse();
        FakeTransport.SentFrame handshake = h.transport.lastSent(1);
        assertThat(handshake.apiKey()).isEqualTo((short) 17);
        assertThat(handshake.correlationId()).isGreaterThan(inFlight.correlationId());

        // the broker answers in order: first the request sent before the re-authentication began
        h.transport.receive(1, KafkaFrames.metadata().broker(1, "broker-1", 9092).topic("orders", 0, 1).answer(inFlight));
        FakeTransport.SentFrame authenticate = answerHandshake(handshake);
        assertThat(h.outcomes).hasSize(1);
        assertThat(h.outcomes.get(0).failed()).isFalse();
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.AUTHENTICATING);

        answerAuthenticate(authenticate, 10_000);
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.READY);
        assertThat(h.client.canSendRequest(1, h.now())).isTrue();
        assertThat(h.transport.connectIds).as("the same connection throughout").containsExactly(1);

        h.time.advance(8_999);
        h.poll();
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.READY);
        h.time.advance(1);
        h.poll();
        assertThat(h.client.connectionState(1)).as("and again before the next session expires").isEqualTo(ConnectionState.AUTHENTICATING);
    }

    @Test
    void shouldNotReauthenticateWithoutASessionLifetime() {
        authenticate(0);
        h.time.advance(100_000_000L);
        h.poll();

        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.READY);
        assertThat(h.transport.sentTo(1)).hasSize(3); // ApiVersions, SaslHandshake, SaslAuthenticate
    }

    @Test
    void shouldCloseAndFailForTheBrokerWhenReauthenticationIsRefused() {
        authenticate(2_000);
        h.time.advance(1_800);
        h.poll();
        FakeTransport.SentFrame authenticate = answerHandshake(h.transport.lastSent(1));
        h.transport.receive(1, KafkaFrames.response(new SaslAuthenticateResponseData().setErrorCode((short) 58)
                .setErrorMessage("Authentication failed during authentication due to invalid credentials")
                .setAuthBytes(new byte[0]), (short) 2, authenticate.correlationId()));
        h.poll();

        assertThat(h.client.lastConnectionFailure(1)).isInstanceOf(SaslAuthenticationException.class)
                .hasMessageStartingWith("SASL re-authentication with broker 1 (broker-1:9092) (sasl.mechanism=PLAIN) failed: "
                        + "SASL_AUTHENTICATION_FAILED");
        assertFatalForTheBroker(h.client.lastConnectionFailure(1));
    }

    private void authenticate(long sessionLifetimeMs) {
        FakeTransport.SentFrame authenticate = answerHandshake(connectAndAnswerApiVersions());
        answerAuthenticate(authenticate, sessionLifetimeMs);
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.READY);
    }

    private FakeTransport.SentFrame connectAndAnswerApiVersions() {
        h.client.ready(BROKER_1, h.now());
        h.transport.completeConnect(1);
        h.poll();
        FakeTransport.SentFrame apiVersions = h.transport.lastSent(1);
        h.transport.receive(1, KafkaFrames.response(KafkaFrames.kafka44SaslVersions(), apiVersions.apiVersion(),
                apiVersions.correlationId()));
        h.poll();
        return h.transport.lastSent(1);
    }

    private FakeTransport.SentFrame answerHandshake(FakeTransport.SentFrame handshake) {
        h.transport.receive(1, KafkaFrames.response(new SaslHandshakeResponseData().setErrorCode((short) 0)
                .setMechanisms(List.of("PLAIN")), (short) 1, handshake.correlationId()));
        h.poll();
        return h.transport.lastSent(1);
    }

    private void answerAuthenticate(FakeTransport.SentFrame authenticate, long sessionLifetimeMs) {
        h.transport.receive(1, KafkaFrames.response(new SaslAuthenticateResponseData().setErrorCode((short) 0)
                .setAuthBytes(new byte[0]).setSessionLifetimeMs(sessionLifetimeMs), authenticate.apiVersion(),
                authenticate.correlationId()));
        h.poll();
    }

    /** The broker is listed as failing authentication, metadata got the cause, and no attempt comes before 1 s. */
    private void assertFatalForTheBroker(RuntimeException failure) {
        assertThat(h.client.connectionState(1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.client.authenticationFailures()).isEqualTo(Map.of(1, failure));
        assertThat(h.metadata.disconnectCauses).last().isSameAs(failure);
        assertThat(h.client.connectionDelay(BROKER_1, h.now())).as("reconnect.backoff.max.ms").isEqualTo(1_000L);
        int attempts = h.transport.connectIds.size();
        h.time.advance(999);
        h.poll();
        h.client.ready(BROKER_1, h.now());
        assertThat(h.transport.connectIds).as("no retry storm").hasSize(attempts);
        h.time.advance(1);
        h.client.ready(BROKER_1, h.now());
        assertThat(h.transport.connectIds).hasSize(attempts + 1);
        assertThat(h.client.authenticationFailures()).as("connecting again: not failed any more").isEmpty();
    }
}
