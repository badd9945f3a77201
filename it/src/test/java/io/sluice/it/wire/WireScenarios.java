package io.sluice.it.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Node;
import io.sluice.api.TopicPartition;
import io.sluice.api.errors.NetworkException;
import io.sluice.core.metadata.Cluster;
import io.sluice.core.network.ClientRequest;
import io.sluice.core.network.ClientResponse;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.ProduceRequest;
import io.sluice.core.protocol.ProduceResponse;
import java.util.ArrayList;
import java.util.List;
import io.sluice.core.network.Authenticator;
import io.sluice.core.network.ConnectionState;
import io.sluice.core.network.HostResolver;
import io.sluice.core.network.NetworkClient;
import io.sluice.core.network.ResponseHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Random;

/** Fault scenarios against a real broker, shared by the broker versions. Used from the test thread. */
final class WireScenarios {

    private WireScenarios() {
    }

    /** A loopback port nothing listens on (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Seams whose least-loaded scan starts at the first node, so bootstrap entries are tried in order. */
    static NetworkClient.Seams inOrder() {
        return new NetworkClient.Seams(new Random() {
            @Override
            public int nextInt(int bound) {
                return 0;
            }
        }, HostResolver.DEFAULT, Authenticator.NONE);
    }

    /** bootstrap.servers = a closed port, then the broker: the first fails, the second bootstraps the client. */
    static void firstBootstrapEntryDown(String broker, String topic) throws IOException {
        String closed = "127.0.0.1:" + closedPort();
        try (WireClient wire = WireClient.create(Map.of("bootstrap.servers", closed + "," + broker), inOrder())) {
            wire.metadata.tryTopic(topic, null);
            wire.pollUntil(() -> wire.client.lastConnectionFailure(-1) != null, "the first bootstrap entry to be tried", 30_000);
            assertThat(wire.client.lastConnectionFailure(-1)).as("the first entry was tried and refused")
                    .isInstanceOf(NetworkException.class).hasMessageStartingWith("Connection to bootstrap server " + closed + " failed");

            wire.awaitTopic(topic);
            assertThat(wire.metadata.cluster().isBootstrap()).isFalse();
            assertThat(wire.metadata.cluster().partitionCount(topic)).isPositive();
            assertThat(wire.client.connectionState(-1)).isEqualTo(ConnectionState.DISCONNECTED);
        }
    }

    /** Hooks that stop and start the one broker of a cluster. */
    interface BrokerControl {
        void stop() throws Exception;

        void start() throws Exception;
    }

    /**
     * A broker stopped mid-run: the client sees the disconnect (requests in flight fail, none hangs),
     * keeps trying to reconnect with backoff while it is down, and works again once it is back.
     */
    static void brokerRestart(String bootstrap, String topic, BrokerControl broker) throws Exception {
        try (WireClient wire = WireClient.create(Map.of("bootstrap.servers", bootstrap, "reconnect.backoff.max.ms", 200,
                "request.timeout.ms", 5_000))) {
            ClientResponse before = produceOnce(wire, topic);
            assertThat(before).isNotNull();
            assertThat(before.failed()).isFalse();
            int leader = wire.metadata.cluster().leaderFor(topic, 0).id();

            broker.stop();
            List<ClientResponse> whileDown = new ArrayList<>();
            wire.pollUntil(() -> {
                if (wire.client.isReady(leader, wire.now())) {
                    sendProduce(wire, topic, whileDown::add); // in flight as the connection breaks: must fail, not hang
                }
                return wire.client.lastConnectionFailure(leader) != null && wire.client.inFlightRequestCount(leader) == 0;
            }, "the client to notice the broker is gone", 60_000);
            assertThat(whileDown).allSatisfy(outcome -> assertThat(outcome.failure()).isInstanceOf(NetworkException.class));
            assertThat(wire.client.connectionState(leader)).isNotEqualTo(ConnectionState.READY);

            broker.start();
            ClientResponse[] after = new ClientResponse[1];
            wire.pollUntil(() -> {
                after[0] = produceOnce(wire, topic);
                return after[0] != null && !after[0].failed() && errorCode(after[0]) == 0;
            }, "a produce to succeed after the restart", 120_000);
        }
    }

    /**
     * Waits for metadata and a ready leader, sends one small batch to partition 0, returns the
     * outcome; {@code null} if the partition has no leader yet (a refresh is asked for).
     */
    static ClientResponse produceOnce(WireClient wire, String topic) {
        wire.awaitTopic(topic);
        Node leader = wire.metadata.cluster().leaderFor(topic, 0);
        if (leader == null) {
            wire.metadata.requestUpdate();
            return null;
        }
        return wire.roundTrip(leader, nowMs -> produceRequest(wire, topic, nowMs, r -> { }));
    }

    private static void sendProduce(WireClient wire, String topic, ResponseHandler handler) {
        wire.client.send(produceRequest(wire, topic, wire.now(), handler), wire.now());
    }

    private static ClientRequest produceRequest(WireClient wire, String topic, long nowMs, ResponseHandler handler) {
        Cluster cluster = wire.metadata.cluster();
        Node leader = cluster.leaderFor(topic, 0);
        SentBatches one = new SentBatches();
        SentBatches all = SentBatches.forTopics(cluster, List.of(topic), 1, System.currentTimeMillis());
        one.batches.put(new TopicPartition(topic, 0), all.batches.get(new TopicPartition(topic, 0)));
        short version = wire.client.apiVersion(leader.id(), ApiKeys.PRODUCE, ProduceRequest.LAST_VERSION_WITH_TOPIC_NAMES);
        return new ClientRequest(leader.id(), ApiKeys.PRODUCE, version, one.request(cluster, (short) -1), true, nowMs, 5_000, handler);
    }

    private static short errorCode(ClientResponse response) {
        return ((ProduceResponse) response.body()).topics().get(0).partitions().get(0).errorCode();
    }
}
