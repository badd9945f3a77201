package io.sluice.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.network.Authenticator;
import io.sluice.core.network.ConnectionState;
import io.sluice.core.network.FakeTransport;
import io.sluice.core.network.HostResolver;
import io.sluice.core.network.KafkaFrames;
import io.sluice.core.network.ManualTime;
import io.sluice.core.network.NetworkClient;
import io.sluice.core.network.NetworkClientConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

/**
 * The metadata layer wired as in the producer, over a {@link FakeTransport}: a {@link Metadata}
 * bootstrapped with {@code broker-1:9092}, its {@link MetadataUpdater}, and a {@link NetworkClient}
 * that drives it. Jitter is fixed at factor 1, the least-loaded scan starts at the first node.
 * Used from the test thread only.
 */
final class UpdaterHarness {

    final ManualTime time = new ManualTime();
    final FakeTransport transport = new FakeTransport();
    final Metadata metadata;
    final MetadataUpdater updater;
    final NetworkClient client;

    UpdaterHarness(MetadataConfig config) {
        this(config, new NetworkClientConfig("test", 5, 30_000, 50, 1_000, 10_000, 30_000));
    }

    UpdaterHarness(MetadataConfig config, NetworkClientConfig clientConfig) {
        Random random = new Random() {
            @Override
            public double nextDouble() {
                return 0.5;
            }

            @Override
            public int nextInt(int bound) {
                return 0;
            }
        };
        metadata = new Metadata(config, time, () -> { }, random, Metadata.MONITOR_WAIT);
        metadata.bootstrap(List.of(InetSocketAddress.createUnresolved("broker-1", 9092)));
        updater = new MetadataUpdater(metadata, config);
        HostResolver dns = host -> {
            if (!host.startsWith("broker-")) {
                throw new UnknownHostException(host);
            }
            int n = Integer.parseInt(host.substring("broker-".length()));
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, (byte) n})};
        };
        client = new NetworkClient(clientConfig, transport, updater, time,
                new NetworkClient.Seams(random, dns, Authenticator.NONE));
    }

    UpdaterHarness() {
        this(MetadataTest.CONFIG);
    }

    long now() {
        return time.monotonicMs();
    }

    void poll() {
        client.poll(0, now());
    }

    /**
     * Completes the connect to {@code id}, answers its ApiVersions as a Kafka 4.4 broker, and polls
     * once more (the sender's next turn, where a due metadata request goes out).
     */
    void connectAndNegotiate(int id) {
        transport.completeConnect(id);
        poll();
        transport.receive(id, KafkaFrames.apiVersionsAnswer(transport.lastSent(id)));
        poll();
        assertThat(client.connectionState(id)).isEqualTo(ConnectionState.READY);
        poll();
    }

    /** The metadata request now in flight on {@code id}, asserted to be one. */
    FakeTransport.SentFrame metadataRequest(int id) {
        FakeTransport.SentFrame frame = transport.lastSent(id);
        assertThat(frame.apiKey()).as("a Metadata request").isEqualTo((short) 3);
        return frame;
    }

    /** Answers the metadata request on {@code id} with {@code response} and polls. */
    void answer(int id, KafkaFrames.MetadataBuilder response) {
        ByteBuffer frame = response.answer(metadataRequest(id));
        transport.receive(id, frame);
        poll();
    }

    /** Bootstraps: connects to -1, negotiates, sends the first metadata request (the caller answers it). */
    void toFirstMetadataRequest() {
        poll();
        assertThat(transport.connectIds).contains(-1);
        connectAndNegotiate(-1);
        metadataRequest(-1);
    }
}
