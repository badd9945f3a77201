package io.sluice.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.AuthenticationException;
import io.sluice.api.errors.SaslAuthenticationException;
import io.sluice.api.errors.SslAuthenticationException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.core.network.ManualTime;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Kafka's rule for a broker that refuses to authenticate the client ({@code Metadata.fatalError}):
 * a send waiting for metadata fails at once with the {@link AuthenticationException}, instead of
 * waiting out {@code max.block.ms} for a refresh that cannot come.
 */
class MetadataAuthenticationFailureTest {

    private final UpdaterHarness h = new UpdaterHarness();

    @Test
    void shouldFailASendWaitingForMetadataAtOnceWithTheTlsFailure() {
        h.poll();
        SslAuthenticationException refused = new SslAuthenticationException("TLS handshake with broker-1:9092 failed: the "
                + "broker's certificate is not trusted; check ssl.truststore.location");
        h.transport.peerClose(-1, new IOException(refused.getMessage(), refused));
        h.poll();

        assertThatThrownBy(() -> h.metadata.awaitTopic("orders", null, 60_000))
                .isExactlyInstanceOf(SslAuthenticationException.class)
                .hasMessage(refused.getMessage())
                .hasCause(refused);
        assertThatThrownBy(() -> h.metadata.tryTopic("orders", null)).isInstanceOf(SslAuthenticationException.class);
    }

    @Test
    void shouldStopFailingOnceAConnectionAuthenticates() {
        h.poll();
        h.transport.peerClose(-1, new IOException("refused", new SaslAuthenticationException("SASL_AUTHENTICATION_FAILED")));
        h.poll();
        assertThatThrownBy(() -> h.metadata.tryTopic("orders", null)).isExactlyInstanceOf(SaslAuthenticationException.class);

        h.time.advance(1_000); // reconnect.backoff.max.ms
        h.poll();
        h.connectAndNegotiate(-1);

        assertThat(h.metadata.tryTopic("orders", null)).isNull(); // asked for, not failed
    }

    @Test
    void shouldWakeAThreadAlreadyWaitingWhenTheBrokerRefusesAuthentication() {
        ManualTime time = new ManualTime();
        AtomicReference<Metadata> self = new AtomicReference<>();
        Metadata metadata = new Metadata(MetadataTest.CONFIG, time, () -> { }, MetadataTest.fixedJitter(), (monitor, ms) -> {
            // while the user thread waits, the sender learns that the broker refused authentication
            new MetadataUpdater(self.get(), MetadataTest.CONFIG).onDisconnect(-1,
                    new AuthenticationException("refused"), time.monotonicMs());
        });
        self.set(metadata);
        metadata.bootstrap(List.of(InetSocketAddress.createUnresolved("broker-1", 9092)));

        assertThatThrownBy(() -> metadata.awaitTopic("orders", null, 60_000))
                .isExactlyInstanceOf(AuthenticationException.class).hasMessage("refused");
    }

    @Test
    void shouldForgetTheRefusalOnASuccessfulRefresh() {
        ManualTime time = new ManualTime();
        Metadata metadata = new Metadata(MetadataTest.CONFIG, time, () -> { }, MetadataTest.fixedJitter(), (monitor, ms) -> {
            time.advance(ms);
        });
        metadata.bootstrap(List.of(InetSocketAddress.createUnresolved("broker-1", 9092)));
        metadata.authenticationFailed(new SaslAuthenticationException("refused"));

        metadata.update(ClusterTest.twoTopics(), Map.of(), false, 0, time.monotonicMs());

        assertThatThrownBy(() -> metadata.awaitTopic("unknown-topic", null, 100)).isExactlyInstanceOf(TimeoutException.class);
    }
}
