package io.sluice.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Node;
import io.sluice.api.TopicPartition;
import io.sluice.api.errors.ConfigException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.api.errors.TopicAuthorizationException;
import io.sluice.api.errors.UnsupportedVersionException;
import io.sluice.core.network.BootstrapResolver;
import io.sluice.core.network.ClientDnsLookup;
import io.sluice.core.network.ConnectionState;
import io.sluice.core.network.HostResolver;
import io.sluice.core.network.KafkaFrames;
import io.sluice.core.network.NetworkClientConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.MetadataRequest;
import org.junit.jupiter.api.Test;

class MetadataUpdaterTest {

    private final UpdaterHarness h = new UpdaterHarness();

    private static KafkaFrames.MetadataBuilder twoBrokers() {
        return KafkaFrames.metadata().broker(1, "broker-1", 9092).broker(2, "broker-2", 9092);
    }

    @Test
    void shouldBootstrapAndAskForTheTopicsOfInterestOnlyAtTheHighestMetadataVersion() {
        h.metadata.tryTopic("orders", null);
        h.metadata.tryTopic("audit", null);
        h.toFirstMetadataRequest();

        MetadataRequest request = (MetadataRequest) KafkaFrames.request(h.metadataRequest(-1));
        assertThat(request.version()).isEqualTo((short) 13);
        assertThat(request.isAllTopics()).isFalse();
        assertThat(request.topics()).containsExactlyInAnyOrder("orders", "audit");
        assertThat(request.allowAutoTopicCreation()).isTrue();

        h.answer(-1, twoBrokers().topic("orders", 5, 1, 2, 1).topic("audit", 3, 2));
        Cluster cluster = h.metadata.cluster();
        assertThat(cluster.isBootstrap()).isFalse();
        assertThat(cluster.nodes()).extracting(Node::id).containsExactly(1, 2);
        assertThat(cluster.partitionCount("orders")).isEqualTo(3);
        assertThat(cluster.leaderFor("orders", 1)).isEqualTo(new Node(2, "broker-2", 9092));
        assertThat(cluster.clusterId()).isEqualTo("test-cluster");
        assertThat(h.transport.disconnects).as("the bootstrap connection is closed once brokers are known").containsExactly(-1);
        assertThat(h.metadata.timeToNextUpdate(h.now())).isEqualTo(300_000L);
    }

    @Test
    void shouldAskBrokersNotToCreateTopicsWhenAutoCreationIsOff() {
        UpdaterHarness noAuto = new UpdaterHarness(new MetadataConfig(300_000, 300_000, 100, 1_000, false, true, 300_000));
        noAuto.metadata.tryTopic("orders", null);
        noAuto.toFirstMetadataRequest();
        assertThat(((MetadataRequest) KafkaFrames.request(noAuto.metadataRequest(-1))).allowAutoTopicCreation()).isFalse();
    }

    @Test
    void shouldAskForNoTopicRatherThanAllTopicsWhenNoneIsOfInterest() {
        h.toFirstMetadataRequest();
        MetadataRequest request = (MetadataRequest) KafkaFrames.request(h.metadataRequest(-1));
        assertThat(request.isAllTopics()).isFalse();
        assertThat(request.topics()).isEmpty();
    }

    @Test
    void shouldLeaveAnUnknownTopicUnknownWithoutRefreshingUntilSomeoneAsksAgain() {
        h.metadata.tryTopic("missing", null);
        h.toFirstMetadataRequest();
        h.answer(-1, twoBrokers().topicError("missing", Errors.UNKNOWN_TOPIC_OR_PARTITION));

        assertThat(h.metadata.cluster().partitionCount("missing")).isEqualTo(-1);
        assertThat(h.metadata.timeToNextUpdate(h.now())).as("no refresh storm").isEqualTo(300_000L);
        assertThat(h.metadata.tryTopic("missing", null)).isNull();
        assertThat(h.metadata.timeToNextUpdate(h.now())).as("asked again: after retry.backoff.ms").isEqualTo(100L);
    }

    @Test
    void shouldRefreshSoonWhileAPartitionHasNoLeaderBackingOffMoreEachTime() {
        h.metadata.tryTopic("orders", null);
        h.toFirstMetadataRequest();
        h.answer(-1, twoBrokers().topic("orders", 1, 1, -1));
        assertThat(h.metadata.cluster().leaderFor("orders", 1)).isNull();
        assertThat(h.metadata.cluster().topicLayout("orders").availablePartitionCount()).isEqualTo(1);
        assertThat(h.metadata.timeToNextUpdate(h.now())).isEqualTo(100L);

        h.time.advance(100);
        h.poll(); // connects to a real broker
        h.connectAndNegotiate(1);
        h.answer(1, twoBrokers().topic("orders", 1, 1, -1));
        assertThat(h.metadata.timeToNextUpdate(h.now())).isEqualTo(200L);

        h.time.advance(200);
        h.poll();
        h.answer(1, twoBrokers().topic("orders", 2, 1, 2));
        assertThat(h.metadata.cluster().leaderFor("orders", 1).id()).isEqualTo(2);
        assertThat(h.metadata.timeToNextUpdate(h.now())).isEqualTo(300_000L);
    }

    @Test
    void shouldFailFastForTopicsTheBrokerRefuses() {
        h.metadata.tryTopic("secret", null);
        h.toFirstMetadataRequest();
        h.answer(-1, twoBrokers().topicError("secret", Errors.TOPIC_AUTHORIZATION_FAILED));
        assertThatThrownBy(() -> h.metadata.awaitTopic("secret", null, 60_000))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void shouldRefreshAfterMetadataMaxAge() {
        h.toFirstMetadataRequest();
        h.answer(-1, twoBrokers());
        int sent = h.transport.sent.size();
        h.time.advance(299_999);
        h.poll();
        assertThat(h.transport.sent).hasSize(sent);
        h.time.advance(1);
        h.poll();
        h.connectAndNegotiate(1);
        h.metadataRequest(1);
    }

    @Test
    void shouldSendTheRefreshBeforeAnythingElseWhileItIsDue() {
        h.toFirstMetadataRequest();
        h.answer(-1, twoBrokers());
        h.client.ready(new Node(1, "broker-1", 9092), h.now());
        h.connectAndNegotiate(1);
        assertThat(h.client.isReady(1, h.now())).isTrue();
        h.metadata.requestUpdate();
        h.time.advance(100);
        assertThat(h.client.isReady(1, h.now())).isFalse();
        h.poll();
        h.metadataRequest(1);
        assertThat(h.client.isReady(1, h.now())).isTrue();
    }

    @Test
    void shouldKeepThePartitionsOfANewerLeaderEpochWhenALaggingBrokerAnswers() {
        Uuid id = Uuid.randomUuid();
        h.metadata.tryTopic("orders", null);
        h.toFirstMetadataRequest();
        h.answer(-1, twoBrokers().topic("orders", id, 5, 1));
        TopicPartition tp = new TopicPartition("orders", 0);
        assertThat(h.metadata.cluster().leaderEpoch(tp)).isEqualTo(5);

        h.metadata.requestUpdate();
        h.time.advance(100);
        h.poll();
        h.connectAndNegotiate(1);
        h.answer(1, twoBrokers().topic("orders", id, 4, 2));
        assertThat(h.metadata.cluster().leaderFor(tp).id()).as("epoch 4 is older than 5: ignored").isEqualTo(1);
        assertThat(h.metadata.cluster().leaderEpoch(tp)).isEqualTo(5);

        h.metadata.requestUpdate();
        h.time.advance(100);
        h.poll();
        h.answer(1, twoBrokers().topic("orders", id, 6, 2));
        assertThat(h.metadata.cluster().leaderFor(tp).id()).isEqualTo(2);
        assertThat(h.metadata.cluster().leaderEpoch(tp)).isEqualTo(6);
    }

    @Test
    void shouldStartEpochsAfreshForATopicThatWasRecreated() {
        h.metadata.tryTopic("orders", null);
        h.toFirstMetadataRequest();
        h.answer(-1, twoBrokers().topic("orders", Uuid.randomUuid(), 5, 1));
        h.metadata.requestUpdate();
        h.time.advance(100);
        h.poll();
        h.connectAndNegotiate(1);
        h.answer(1, twoBrokers().topic("orders", Uuid.randomUuid(), 0, 2));
        assertThat(h.metadata.cluster().leaderFor("orders", 0).id()).isEqualTo(2);
        assertThat(h.metadata.cluster().leaderEpoch(new TopicPartition("orders", 0))).isZero();
    }

    @Test
    void shouldApplyANewerLeaderHintFromAProduceResponseAndIgnoreAnOlderOne() {
        h.metadata.tryTopic("orders", null);
        h.toFirstMetadataRequest();
        h.answer(-1, twoBrokers().topic("orders", 5, 1));
        TopicPartition tp = new TopicPartition("orders", 0);
        Node broker3 = new Node(3, "broker-3", 9092);

        assertThat(h.updater.updateLeader(tp, 3, 4, List.of(broker3))).isFalse();
        assertThat(h.updater.updateLeader(tp, 3, 6, List.of(broker3))).isTrue();
        assertThat(h.metadata.cluster().leaderFor(tp)).isEqualTo(broker3);
        assertThat(h.updater.updateLeader(tp, 9, 7, List.of())).as("a leader with no known endpoint").isFalse();
    }

    @Test
    void shouldBackOffAfterAMetadataRequestTimesOut() {
        h.toFirstMetadataRequest();
        h.time.advance(30_000);
        h.poll();
        assertThat(h.client.connectionState(-1)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(h.metadata.timeToNextUpdate(h.now())).isEqualTo(100L);
    }

    @Test
    void shouldRebootstrapWhenNoKnownBrokerCanBeReached() {
        UpdaterHarness slow = new UpdaterHarness(MetadataTest.CONFIG,
                new NetworkClientConfig("test", 5, 30_000, 5_000, 5_000, 10_000, 30_000)); // brokers back off 5 s
        slow.toFirstMetadataRequest();
        slow.answer(-1, twoBrokers());
        slow.poll(); // the bootstrap connection's close is reported
        slow.metadata.requestUpdate();
        for (int id : new int[] {1, 2}) {
            slow.time.advance(slow.metadata.timeToNextUpdate(slow.now()));
            slow.poll();
            assertThat(slow.transport.connectIds).endsWith(id);
            slow.transport.peerClose(id, new ConnectException("Connection refused"));
            slow.poll();
            assertThat(slow.metadata.cluster().isBootstrap()).isFalse();
        }
        slow.time.advance(slow.metadata.timeToNextUpdate(slow.now()));
        slow.poll();
        assertThat(slow.metadata.cluster().isBootstrap()).as("both brokers back off: back to bootstrap.servers").isTrue();
        assertThat(slow.transport.connectIds).endsWith(-1);
    }

    @Test
    void shouldRebootstrapWhenNoRefreshSucceedsWithinTheTriggerTime() {
        UpdaterHarness quick = new UpdaterHarness(new MetadataConfig(300_000, 300_000, 100, 1_000, true, true, 5_000));
        quick.toFirstMetadataRequest();
        quick.answer(-1, twoBrokers());
        quick.metadata.requestUpdate();
        quick.time.advance(100);
        quick.poll(); // starts connecting to broker 1, which never answers
        assertThat(quick.client.connectionState(1)).isEqualTo(ConnectionState.CONNECTING);
        quick.time.advance(5_000);
        quick.poll();
        assertThat(quick.metadata.cluster().isBootstrap()).isFalse();
        quick.time.advance(1);
        quick.poll();
        assertThat(quick.metadata.cluster().isBootstrap()).isTrue();
    }

    @Test
    void shouldRebootstrapWhenABrokerSaysSo() {
        h.toFirstMetadataRequest();
        h.answer(-1, twoBrokers());
        h.metadata.requestUpdate();
        h.time.advance(100);
        h.poll();
        h.connectAndNegotiate(1);
        h.answer(1, twoBrokers().errorCode(Errors.REBOOTSTRAP_REQUIRED));
        h.time.advance(100);
        h.poll();
        assertThat(h.metadata.cluster().isBootstrap()).isTrue();
    }

    @Test
    void shouldNotRebootstrapWhenTheStrategyIsNone() {
        UpdaterHarness none = new UpdaterHarness(new MetadataConfig(300_000, 300_000, 100, 1_000, true, false, 1));
        none.toFirstMetadataRequest();
        none.answer(-1, twoBrokers());
        none.metadata.requestUpdate();
        none.time.advance(100);
        for (int id : new int[] {1, 2}) {
            none.poll();
            none.transport.peerClose(id, new IOException("Connection refused"));
            none.poll();
        }
        assertThat(none.metadata.cluster().isBootstrap()).isFalse();
    }

    @Test
    void shouldTellAWaitingSendWhyTheBrokerCannotBeUsed() {
        h.metadata.tryTopic("orders", null);
        h.poll();
        h.transport.completeConnect(-1);
        h.poll();
        ApiVersionsResponseData tooOld = KafkaFrames.versions(KafkaFrames.range(0, 0, 2), KafkaFrames.range(3, 0, 5),
                KafkaFrames.range(18, 0, 3));
        h.transport.receive(-1, KafkaFrames.response(tooOld, (short) 3, h.transport.lastSent(-1).correlationId()));
        h.poll();

        Metadata waiting = h.metadata;
        assertThatThrownBy(() -> waiting.awaitTopic("orders", null, 0))
                .isInstanceOf(TimeoutException.class)
                .hasMessage("Topic orders not present in metadata after 0 ms.")
                .cause().isInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining("bootstrap server broker-1:9092 cannot be used by Sluice: The broker supports Produce v0–v2 only");
    }

    @Test
    void shouldBootstrapFromTheSenderThreadOnceTheNamesResolveWithinTheResolveTimeout() {
        AtomicBoolean dnsUp = new AtomicBoolean();
        HostResolver dns = host -> {
            if (!dnsUp.get()) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1})};
        };
        Metadata fresh = new Metadata(MetadataTest.CONFIG, h.time, () -> { });
        BootstrapResolver resolver = new BootstrapResolver(List.of("broker-1:9092"),
                ClientDnsLookup.USE_ALL_DNS_IPS, dns, 60_000, 50);
        MetadataUpdater updater = new MetadataUpdater(fresh, MetadataTest.CONFIG, resolver, h.now());
        assertThat(fresh.cluster().nodes()).isEmpty();
        assertThat(updater.maybeUpdate(h.now(), h.client)).isEqualTo(50L);

        h.time.advance(50);
        dnsUp.set(true);
        updater.maybeUpdate(h.now(), h.client);
        assertThat(fresh.cluster().isBootstrap()).isTrue();
        assertThat(fresh.cluster().nodes()).singleElement().satisfies(n -> assertThat(n.host()).isEqualTo("broker-1"));
    }

    @Test
    void shouldFailWaitingSendsOnceTheResolveTimeoutIsSpent() {
        HostResolver down = host -> {
            throw new UnknownHostException(host);
        };
        Metadata fresh = new Metadata(MetadataTest.CONFIG, h.time, () -> { });
        MetadataUpdater updater = new MetadataUpdater(fresh, MetadataTest.CONFIG, new BootstrapResolver(
                List.of("broker-1:9092"), ClientDnsLookup.USE_ALL_DNS_IPS, down, 1_000, 50), h.now());
        h.time.advance(1_000);
        updater.maybeUpdate(h.now(), h.client);
        assertThatThrownBy(() -> fresh.awaitTopic("orders", null, 60_000))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("Tried for bootstrap.resolve.timeout.ms=1000 ms.");
    }
}
