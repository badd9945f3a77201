package io.sluice.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.InterruptException;
import io.sluice.api.errors.InvalidTopicException;
import io.sluice.api.errors.ProducerClosedException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.api.errors.TopicAuthorizationException;
import io.sluice.api.errors.UnsupportedVersionException;
import io.sluice.core.network.ManualTime;
import io.sluice.core.protocol.Errors;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MetadataTest {

    static final MetadataConfig CONFIG = new MetadataConfig(300_000, 300_000, 100, 1_000, true, true, 300_000);

    private final ManualTime time = new ManualTime();
    private final AtomicInteger wakeups = new AtomicInteger();
    private final List<Long> waits = new ArrayList<>();
    /** What "the sender" does while a user thread waits; by default nothing, so waits run out. */
    private Runnable duringWait = () -> { };
    /** How far the clock moves per wait (the whole wait unless a test sets less). */
    private long stepMs = Long.MAX_VALUE;
    private final Metadata metadata = new Metadata(CONFIG, time, wakeups::incrementAndGet, fixedJitter(), (monitor, ms) -> {
        waits.add(ms);
        duringWait.run();
        time.advance(Math.min(ms, stepMs));
    });

    static Random fixedJitter() {
        return new Random() {
            @Override
            public double nextDouble() {
                return 0.5;
            }
        };
    }

    private long now() {
        return time.monotonicMs();
    }

    private void bootstrapped() {
        metadata.bootstrap(List.of(InetSocketAddress.createUnresolved("broker-1", 9092)));
    }

    @Test
    void shouldReturnAtOnceWhenTheTopicIsKnown() {
        metadata.update(ClusterTest.twoTopics(), Map.of(), false, 0, now());
        assertThat(metadata.awaitTopic("orders", null, 60_000)).isSameAs(metadata.cluster());
        assertThat(metadata.awaitTopic("orders", 2, 60_000).partitionCount("orders")).isEqualTo(3);
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldTimeOutWithKafkasWordingWhenTheTopicNeverShowsUp() {
        bootstrapped();
        assertThatThrownBy(() -> metadata.awaitTopic("missing", null, 60_000))
                .isExactlyInstanceOf(TimeoutException.class)
                .hasMessageStartingWith("Topic missing not present in metadata after 60000 ms. No broker answered: "
                        + "metadata could not be fetched from bootstrap.servers=");
        assertThat(waits).containsExactly(60_000L);
        assertThat(wakeups.get()).isPositive();
        assertThat(metadata.topicsOfInterest()).containsExactly("missing");
    }

    @Test
    void shouldTimeOutNamingThePartitionAndCountWhenThePartitionDoesNotExist() {
        metadata.update(ClusterTest.twoTopics(), Map.of(), false, 0, now());
        assertThatThrownBy(() -> metadata.awaitTopic("orders", 5, 1_000))
                .isExactlyInstanceOf(TimeoutException.class)
                .hasMessage("Partition 5 of topic orders with partition count 3 is not present in metadata after 1000 ms.");
    }

    @Test
    void shouldAttachTheLastConnectionProblemToTheTimeout() {
        bootstrapped();
        UnsupportedVersionException tooOld = new UnsupportedVersionException("broker 1 cannot be used by Sluice");
        metadata.recordError(tooOld);
        assertThatThrownBy(() -> metadata.awaitTopic("orders", null, 500)).hasCause(tooOld);
    }

    @Test
    void shouldReturnOnceTheSenderPublishesTheTopic() {
        bootstrapped();
        duringWait = () -> metadata.update(ClusterTest.twoTopics(), Map.of(), false, 0, now());
        assertThat(metadata.awaitTopic("orders", null, 60_000).partitionCount("orders")).isEqualTo(3);
        assertThat(waits).hasSize(1);
    }

    @Test
    void shouldKeepWaitingAcrossUpdatesThatDoNotHaveTheTopicAndAskForARefreshEachTime() {
        bootstrapped();
        AtomicInteger responses = new AtomicInteger();
        stepMs = 10;
        duringWait = () -> {
            int n = responses.incrementAndGet();
            metadata.update(n < 3 ? Cluster.of("c", 1, List.of(ClusterTest.N1), List.of()) : ClusterTest.twoTopics(),
                    Map.of(), false, metadata.fetchPlan().requestVersion(), now());
        };
        assertThat(metadata.awaitTopic("orders", null, 60_000).partitionCount("orders")).isEqualTo(3);
        assertThat(responses.get()).isEqualTo(3);
    }

    @Test
    void shouldFailAtOnceWhenTheBrokerRefusesTheTopic() {
        bootstrapped();
        duringWait = () -> metadata.update(Cluster.of("c", 1, List.of(ClusterTest.N1), List.of()),
                Map.of("secret", Errors.TOPIC_AUTHORIZATION_FAILED, "bad name!", Errors.INVALID_TOPIC_EXCEPTION), false, 0, now());
        assertThatThrownBy(() -> metadata.awaitTopic("secret", null, 60_000))
                .isInstanceOf(TopicAuthorizationException.class)
                .hasMessageContaining("TOPIC_AUTHORIZATION_FAILED: metadata for topic secret");
        assertThat(waits).hasSize(1);
        assertThatThrownBy(() -> metadata.awaitTopic("bad name!", null, 60_000))
                .isInstanceOf(InvalidTopicException.class).hasMessageContaining("topic bad name!");
        assertThatThrownBy(() -> metadata.tryTopic("secret", null)).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void shouldThrowAFatalErrorAndStopWaitingWhenClosed() {
        bootstrapped();
        IllegalStateException fatal = new IllegalStateException("bootstrap servers never resolved");
        duringWait = () -> metadata.fatalError(fatal);
        assertThatThrownBy(() -> metadata.awaitTopic("orders", null, 60_000)).isSameAs(fatal);

        Metadata closing = new Metadata(CONFIG, time, () -> { }, fixedJitter(), (monitor, ms) -> ((Metadata) monitor).close());
        assertThatThrownBy(() -> closing.awaitTopic("orders", null, 60_000)).isInstanceOf(ProducerClosedException.class)
                .hasMessage("The producer was closed while waiting for metadata of topic orders");
    }

    @Test
    void shouldTurnAnInterruptIntoInterruptException() {
        Metadata interrupted = new Metadata(CONFIG, time, () -> { }, fixedJitter(), (monitor, ms) -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> interrupted.awaitTopic("orders", null, 60_000)).isInstanceOf(InterruptException.class)
                    .hasMessage("Interrupted while waiting for metadata of topic orders");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void shouldGiveTheSendPathTheTopicsLayoutFromTheCurrentViewAfterEveryUpdate() {
        metadata.update(ClusterTest.twoTopics(), Map.of(), false, 0, now());
        assertThat(metadata.awaitLayout("orders", 2, 60_000)).isSameAs(metadata.cluster().topicLayout("orders"));
        assertThat(metadata.tryLayout("orders", null).partitionCount()).isEqualTo(3);
        assertThat(metadata.tryLayout("orders", 3)).as("partition 3 does not exist yet").isNull();

        // the topic grows to 4 partitions: the next send sees it at once
        metadata.update(Cluster.of("cluster-x", 1, List.of(ClusterTest.N1, ClusterTest.N2), List.of(
                new Cluster.TopicDescription("orders", ClusterTest.ORDERS_ID, false, List.of(
                        ClusterTest.partition("orders", 0, 1, 5, 1), ClusterTest.partition("orders", 1, 2, 5, 2),
                        ClusterTest.partition("orders", 2, 1, 5, 1), ClusterTest.partition("orders", 3, 2, 5, 2))))),
                Map.of(), false, 0, now());
        assertThat(metadata.tryLayout("orders", 3).partitionCount()).isEqualTo(4);
        assertThat(metadata.awaitLayout("orders", null, 60_000)).isSameAs(metadata.cluster().topicLayout("orders"));

        // the topic is deleted: a non-blocking send no longer finds it
        metadata.update(Cluster.of("cluster-x", 1, List.of(ClusterTest.N1), List.of()), Map.of(), false, 0, now());
        assertThat(metadata.tryLayout("orders", null)).isNull();
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldGiveTheSendPathsFastCheckTheLayoutOnlyForAWantedKnownTopicAndDoNothingElseOtherwise() {
        bootstrapped();
        int wakeupsBefore = wakeups.get();
        assertThat(metadata.knownLayout("orders", null, time.milliseconds())).as("nobody asked for the topic yet").isNull();
        assertThat(metadata.topicsOfInterest()).as("the fast check adds no interest").isEmpty();
        assertThat(wakeups.get()).as("and asks for no refresh").isEqualTo(wakeupsBefore);

        assertThat(metadata.tryLayout("orders", null)).isNull(); // the slow path wants it
        metadata.update(ClusterTest.twoTopics(), Map.of(), false, metadata.fetchPlan().requestVersion(), now());
        assertThat(metadata.knownLayout("orders", 2, time.milliseconds())).isSameAs(metadata.cluster().topicLayout("orders"));
        assertThat(metadata.knownLayout("orders", 3, time.milliseconds())).as("partition 3 does not exist").isNull();
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldCountTheSendPathsFastCheckAsAUseOfTheTopicAtTheGivenWallClockTime() {
        bootstrapped();
        metadata.tryLayout("orders", null);
        metadata.update(ClusterTest.twoTopics(), Map.of(), false, metadata.fetchPlan().requestVersion(), now());
        time.advance(200_000);
        assertThat(metadata.knownLayout("orders", null, time.milliseconds())).isNotNull(); // used at 200 s: not idle at 300 s + 1 ms
        time.advance(100_001);
        assertThat(metadata.topicsOfInterest()).containsExactly("orders");
        metadata.fetchPlan();
        assertThat(metadata.topicsOfInterest()).containsExactly("orders");
        time.advance(200_000); // 300,001 ms after its last use
        metadata.fetchPlan();
        assertThat(metadata.topicsOfInterest()).as("unused for metadata.max.idle.ms").isEmpty();
    }

    @Test
    void shouldNeverBlockInTryTopic() {
        bootstrapped();
        assertThat(metadata.tryTopic("orders", null)).isNull();
        assertThat(wakeups.get()).isEqualTo(1);
        assertThat(metadata.timeToNextUpdate(now())).as("a new topic is fetched at once").isZero();
        metadata.update(ClusterTest.twoTopics(), Map.of(), false, metadata.fetchPlan().requestVersion(), now());
        assertThat(metadata.tryTopic("orders", 1)).isSameAs(metadata.cluster());
        assertThat(metadata.tryTopic("orders", 3)).isNull();
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldScheduleRefreshesByMaxAgeRequestsAndBackoff() {
        assertThat(metadata.timeToNextUpdate(now())).as("nothing to ask before bootstrap").isEqualTo(Long.MAX_VALUE);
        bootstrapped();
        assertThat(metadata.timeToNextUpdate(now())).isZero();

        metadata.update(ClusterTest.twoTopics(), Map.of(), false, metadata.fetchPlan().requestVersion(), now());
        assertThat(metadata.timeToNextUpdate(now())).isEqualTo(300_000L);

        time.advance(30);
        metadata.requestUpdate();
        assertThat(metadata.timeToNextUpdate(now())).as("retry.backoff.ms after the last refresh").isEqualTo(70L);
        time.advance(70);
        assertThat(metadata.timeToNextUpdate(now())).isZero();

        metadata.failedUpdate(now(), null);
        assertThat(metadata.timeToNextUpdate(now())).isEqualTo(100L);
        metadata.failedUpdate(now(), null);
        assertThat(metadata.timeToNextUpdate(now())).isEqualTo(200L);
        for (int i = 0; i < 10; i++) {
            metadata.failedUpdate(now(), null);
        }
        assertThat(metadata.timeToNextUpdate(now())).as("retry.backoff.max.ms").isEqualTo(1_000L);
    }

    @Test
    void shouldBackOffMoreForEachResponseThatStillWantsARefresh() {
        bootstrapped();
        metadata.update(ClusterTest.twoTopics(), Map.of(), true, metadata.fetchPlan().requestVersion(), now());
        assertThat(metadata.timeToNextUpdate(now())).isEqualTo(100L);
        metadata.update(ClusterTest.twoTopics(), Map.of(), true, metadata.fetchPlan().requestVersion(), now());
        assertThat(metadata.timeToNextUpdate(now())).isEqualTo(200L);
        metadata.update(ClusterTest.twoTopics(), Map.of(), false, metadata.fetchPlan().requestVersion(), now());
        assertThat(metadata.timeToNextUpdate(now())).isEqualTo(300_000L);
    }

    @Test
    void shouldKeepARefreshAskedForWhileAnOlderRequestWasInFlight() {
        bootstrapped();
        Metadata.FetchPlan plan = metadata.fetchPlan();
        metadata.requestUpdate(); // e.g. NOT_LEADER_OR_FOLLOWER, after the request went out
        metadata.update(ClusterTest.twoTopics(), Map.of(), false, plan.requestVersion(), now());
        assertThat(metadata.timeToNextUpdate(now())).isEqualTo(100L);
    }

    @Test
    void shouldForgetTopicsUnusedForMetadataMaxIdle() {
        bootstrapped();
        metadata.tryTopic("old", null);
        time.advance(200_000);
        metadata.tryTopic("fresh", null);
        time.advance(100_001);
        assertThat(metadata.fetchPlan().topics()).containsExactly("fresh");
        assertThat(metadata.topicsOfInterest()).containsExactly("fresh");
    }

    @Test
    void shouldStartOverFromTheBootstrapAddressesOnRebootstrap() {
        bootstrapped();
        metadata.update(ClusterTest.twoTopics(), Map.of(), false, 0, now());
        int version = metadata.version();
        metadata.rebootstrap();
        assertThat(metadata.cluster().isBootstrap()).isTrue();
        assertThat(metadata.cluster().nodes()).extracting(n -> n.id()).containsExactly(-1);
        assertThat(metadata.version()).isGreaterThan(version);
        assertThat(metadata.timeToNextUpdate(now())).as("due, after the retry backoff of the last refresh").isEqualTo(100L);
        time.advance(100);
        assertThat(metadata.timeToNextUpdate(now())).isZero();
    }

    @Test
    void shouldKeepWhatItKnowsOfTopicsAcrossARebootstrapSoSendsKeepPartitioningAndBuffering() {
        bootstrapped();
        metadata.update(ClusterTest.twoTopics(), Map.of(), false, 0, now());
        metadata.rebootstrap();
        assertThat(metadata.cluster().partitionCount("orders")).isEqualTo(3);
        assertThat(metadata.cluster().leaderFor("orders", 1)).as("leaders are asked for again").isNull();
        assertThat(metadata.tryTopic("orders", null)).as("a send does not wait for metadata it already has").isNotNull();
    }
}
