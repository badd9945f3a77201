package io.sluice.it.wire;

import static org.assertj.core.api.Assertions.fail;

import io.sluice.api.config.ProducerConfig;
import io.sluice.api.spi.Transport;
import io.sluice.api.spi.TransportProvider;
import io.sluice.core.config.ProducerSettings;
import io.sluice.core.metadata.Metadata;
import io.sluice.core.metadata.MetadataConfig;
import io.sluice.core.metadata.MetadataUpdater;
import io.sluice.core.network.BootstrapServers;
import io.sluice.core.network.ClientDnsLookup;
import io.sluice.core.network.ClientRequest;
import io.sluice.core.network.ClientResponse;
import io.sluice.core.network.HostResolver;
import io.sluice.core.network.NetworkClient;
import io.sluice.core.network.NetworkClientConfig;
import io.sluice.core.network.SluiceTransportConfig;
import io.sluice.core.time.Time;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The connection and metadata layers wired as the producer wires them, over the real {@code nio}
 * transport found with {@link ServiceLoader}: settings → {@link Metadata} (bootstrapped from
 * {@code bootstrap.servers}) → {@link MetadataUpdater} → {@link NetworkClient}. The test thread plays
 * the sender thread: it owns the client and polls it. Real clock: loops end on a condition, with a
 * generous deadline as a guard, never on elapsed time.
 */
final class WireClient implements AutoCloseable {

    final ProducerSettings settings;
    final Metadata metadata;
    final MetadataUpdater updater;
    final NetworkClient client;

    private WireClient(ProducerSettings settings, Metadata metadata, MetadataUpdater updater, NetworkClient client) {
        this.settings = settings;
        this.metadata = metadata;
        this.updater = updater;
        this.client = client;
    }

    static WireClient create(Map<String, ?> overrides) {
        return create(overrides, NetworkClient.Seams.defaults());
    }

    /** With {@code seams}, e.g. a Random whose least-loaded scan starts at the first bootstrap entry. */
    static WireClient create(Map<String, ?> overrides, NetworkClient.Seams seams) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "string");
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "string");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "sluice-wire-test");
        props.putAll(overrides);
        ProducerSettings settings = ProducerSettings.parse(props);
        MetadataConfig metadataConfig = MetadataConfig.from(settings);
        AtomicReference<NetworkClient> sender = new AtomicReference<>();
        Metadata metadata = new Metadata(metadataConfig, Time.SYSTEM, () -> {
            NetworkClient client = sender.get();
            if (client != null) {
                client.wakeup();
            }
        });
        metadata.bootstrap(BootstrapServers.resolve(settings.getList(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
                ClientDnsLookup.forConfig(settings.getString(ProducerConfig.CLIENT_DNS_LOOKUP_CONFIG)), HostResolver.DEFAULT));
        MetadataUpdater updater = new MetadataUpdater(metadata, metadataConfig);
        NetworkClient client = new NetworkClient(NetworkClientConfig.from(settings), openNio(settings), updater, Time.SYSTEM, seams);
        sender.set(client);
        return new WireClient(settings, metadata, updater, client);
    }

    private static Transport openNio(ProducerSettings settings) {
        TransportProvider nio = ServiceLoader.load(TransportProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("nio")).findFirst()
                .orElseThrow(() -> new AssertionError("the nio transport is not on the class path"));
        try {
            return nio.open(new SluiceTransportConfig(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long now() {
        return Time.SYSTEM.monotonicMs();
    }

    /** Plays the sender loop until {@code done}; fails naming {@code what} if a guard of {@code guardMs} passes first. */
    void pollUntil(BooleanSupplier done, String what, long guardMs) {
        long guard = now() + guardMs;
        while (!done.getAsBoolean()) {
            if (now() > guard) {
                fail("Gave up waiting for " + what + " after " + guardMs + " ms");
            }
            client.poll(20, now());
        }
    }

    /** Waits until the client knows {@code topic}, polling as the sender would. */
    void awaitTopic(String topic) {
        metadata.tryTopic(topic, null);
        pollUntil(() -> metadata.tryTopic(topic, null) != null, "metadata of topic " + topic, 60_000);
    }

    /** Sends {@code request} once the node is ready and waits for its outcome. */
    ClientResponse roundTrip(io.sluice.api.Node node, java.util.function.Function<Long, ClientRequest> request) {
        pollUntil(() -> client.ready(node, now()), "a ready connection to " + node, 60_000);
        AtomicReference<ClientResponse> outcome = new AtomicReference<>();
        ClientRequest built = request.apply(now());
        ClientRequest withHandler = new ClientRequest(built.nodeId(), built.api(), built.version(), built.body(),
                built.expectResponse(), built.createdMs(), built.requestTimeoutMs(), response -> {
                    outcome.set(response);
                    built.handler().onComplete(response);
                });
        client.send(withHandler, now());
        pollUntil(() -> outcome.get() != null, "the outcome of " + built.api() + " to " + node, 60_000);
        return outcome.get();
    }

    @Override
    public void close() {
        client.close();
        metadata.close();
    }
}
