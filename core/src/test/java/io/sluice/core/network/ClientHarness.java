package io.sluice.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Node;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.MetadataRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A {@link NetworkClient} over a {@link FakeTransport}, with a manual clock, scripted jitter
 * (factor 1 unless set), a scripted resolver, and helpers to walk a connection to ready.
 * Used from the test thread only.
 */
final class ClientHarness {

    static final Node BROKER_1 = new Node(1, "broker-1", 9092);
    static final Node BROKER_2 = new Node(2, "broker-2", 9092);
    static final Node BROKER_3 = new Node(3, "broker-3", 9092);

    /** A Random whose nextDouble is set by the test (0.5: no jitter) and whose nextInt is 0. */
    static final class ScriptedRandom extends Random {
        double next = 0.5;

        @Override
        public double nextDouble() {
            return next;
        }

        @Override
        public int nextInt(int bound) {
            return 0;
        }
    }

    final ManualTime time = new ManualTime();
    final FakeTransport transport = new FakeTransport();
    final StaticNodes metadata = new StaticNodes();
    final ScriptedRandom random = new ScriptedRandom();
    final Map<String, InetAddress[]> dns = new HashMap<>();
    final List<ClientResponse> outcomes = new ArrayList<>();
    final NetworkClient client;

    ClientHarness() {
        this(config(5), Authenticator.NONE);
    }

    ClientHarness(NetworkClientConfig config, Authenticator authenticator) {
        dns.put("broker-1", addresses("broker-1", 10, 0, 0, 1));
        dns.put("broker-2", addresses("broker-2", 10, 0, 0, 2));
        dns.put("broker-3", addresses("broker-3", 10, 0, 0, 3));
        HostResolver resolver = host -> {
            InetAddress[] found = dns.get(host);
            if (found == null) {
                throw new UnknownHostException(host + ": Name or service not known");
            }
            return found;
        };
        metadata.nodes = new ArrayList<>(List.of(BROKER_1, BROKER_2, BROKER_3));
        client = new NetworkClient(config, transport, metadata, time, new NetworkClient.Seams(random, resolver, authenticator));
    }

    /** reconnect 50→1000 ms, set-up timeout 10 s→30 s, request timeout 30 s. */
    static NetworkClientConfig config(int maxInFlight) {
        return new NetworkClientConfig("test-client", maxInFlight, 30_000, 50, 1_000, 10_000, 30_000);
    }

    static InetAddress[] addresses(String host, int... octets) {
        try {
            InetAddress[] all = new InetAddress[octets.length / 4];
            for (int i = 0; i < all.length; i++) {
                all[i] = InetAddress.getByAddress(host, new byte[] {(byte) octets[4 * i], (byte) octets[4 * i + 1],
                        (byte) octets[4 * i + 2], (byte) octets[4 * i + 3]});
            }
            return all;
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    long now() {
        return time.monotonicMs();
    }

    void poll() {
        client.poll(0, now());
    }

    /** Connects to {@code node}, answers ApiVersions as a Kafka 4.4 broker, and checks it is ready. */
    void connectReady(Node node) {
        assertThat(client.ready(node, now())).isFalse();
        transport.completeConnect(node.id());
        poll();
        transport.receive(node.id(), KafkaFrames.apiVersionsAnswer(transport.lastSent(node.id())));
        poll();
        assertThat(client.connectionState(node.id())).isEqualTo(ConnectionState.READY);
        assertThat(client.ready(node, now())).isTrue();
    }

    /** A metadata request for {@code topic} at v12, recording its outcome. */
    ClientRequest metadataRequest(Node node, String topic) {
        return new ClientRequest(node.id(), ApiKeys.METADATA, (short) 12, MetadataRequest.forTopics(List.of(topic), true), true,
                now(), 30_000, outcomes::add);
    }
}
