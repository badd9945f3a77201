package io.sluice.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The schedule on its own: over proxies in front of echo servers, and over a recording broker control. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultScheduleTest {

    private static final FaultKind[] PROXY_KINDS = {FaultKind.DROP_CONNECTIONS, FaultKind.STALL,
        FaultKind.BLACKHOLE, FaultKind.DELAY, FaultKind.HALF_FRAME, FaultKind.REFUSE_CONNECTIONS};
    private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");

    private EchoServer server;
    private List<FaultProxy> proxies;

    @BeforeEach
    void start() throws IOException {
        server = new EchoServer();
        proxies = List.of(FaultProxy.start("one", server.address()), FaultProxy.start("two", server.address()));
    }

    @AfterEach
    void stop() throws IOException {
        proxies.forEach(FaultProxy::close);
        server.close();
    }

    @Test
    void shouldPickTheSameKindsAndTargetsForTheSameSeed() throws InterruptedException {
        List<String> first = planOf(quickSchedule(17).maxFaults(10).start());
        List<String> again = planOf(quickSchedule(17).maxFaults(10).start());
        List<String> other = planOf(quickSchedule(18).maxFaults(10).start());

        assertThat(first).hasSize(10).isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void shouldRecordEveryFaultWithItsTimeAndKindAndCountOnlyEffectiveOnes() throws InterruptedException {
        FaultSchedule schedule = quickSchedule(5).maxFaults(12).clock(Clock.fixed(NOON, ZoneOffset.UTC)).start();
        assertThat(schedule.awaitEnd(Duration.ofSeconds(30))).isTrue();
        schedule.stop();

        List<FaultEvent> events = schedule.events();
        assertThat(events).hasSize(12).allSatisfy(event -> {
            assertThat(event.at()).isEqualTo(NOON);
            assertThat(event.kind()).isIn((Object[]) PROXY_KINDS);
            assertThat(event.target()).isIn("one", "two");
        });
        assertThat(schedule.summary()).containsOnlyKeys(PROXY_KINDS);
        assertThat(schedule.summary().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(events.stream().filter(FaultEvent::effective).count())
                .isEqualTo(schedule.effectiveFaults());
        // no client traffic: a drop finds no connection and an armed cut no frame, so neither takes effect
        assertThat(events).filteredOn(event -> event.kind() == FaultKind.DROP_CONNECTIONS
                || event.kind() == FaultKind.HALF_FRAME).noneMatch(FaultEvent::effective);
        assertThat(schedule.isRunning()).isFalse();
    }

    @Test
    void shouldLiftTheFaultInProgressAndHealEveryProxyWhenStopped() throws Exception {
        FaultSchedule schedule = FaultSchedule.builder(3).proxies(proxies)
                .kinds(FaultKind.STALL, FaultKind.BLACKHOLE, FaultKind.REFUSE_CONNECTIONS, FaultKind.DELAY)
                .pause(Duration.ZERO, Duration.ZERO).hold(Duration.ofMinutes(5), Duration.ofMinutes(5))
                .frameDelay(Duration.ofMinutes(5), Duration.ofMinutes(5)).start();
        Eventually.await("a fault to be injected", () -> proxies.stream()
                .anyMatch(proxy -> !proxy.faultsByKind().isEmpty()));

        schedule.stop();

        for (FaultProxy proxy : proxies) {
            try (FrameClient client = new FrameClient(proxy.port())) {
                byte[] frame = FrameClient.frame(50, 1);
                client.send(frame);
                assertThat(client.readFrame()).isEqualTo(frame);
            }
        }
        assertThat(schedule.events()).hasSize(1);
        assertThat(schedule.isRunning()).isFalse();
    }

    @Test
    void shouldRestartAStoppedBrokerAndAwaitInSyncReplicasEvenWhenStoppedDuringItsDowntime() throws Exception {
        RecordingBrokers brokers = new RecordingBrokers();
        FaultSchedule schedule = FaultSchedule.builder(1).brokers(brokers).leaderOf("orders", 0)
                .kinds(FaultKind.LEADER_RESTART).pause(Duration.ZERO, Duration.ZERO)
                .brokerDowntime(Duration.ofMinutes(5), Duration.ofMinutes(5)).start();
        assertThat(brokers.firstStop.await(30, TimeUnit.SECONDS)).isTrue();

        schedule.stop();

        assertThat(brokers.calls()).containsExactly("stop 2", "restart 2", "in sync orders");
        assertThat(schedule.events()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(FaultKind.LEADER_RESTART);
            assertThat(event.target()).isEqualTo("broker 2");
            assertThat(event.detail()).contains("leader of orders-0");
        });
        assertThat(schedule.summary()).containsEntry(FaultKind.LEADER_RESTART, 1L);
    }

    @Test
    void shouldRefuseKindsThatLackWhatTheyHit() {
        assertThatThrownBy(() -> FaultSchedule.builder(1).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no fault kind");
        assertThatThrownBy(() -> FaultSchedule.builder(1).kinds(FaultKind.STALL).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STALL needs proxies");
        assertThatThrownBy(() -> FaultSchedule.builder(1).proxies(proxies).kinds(FaultKind.BROKER_RESTART).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("brokers(cluster)");
        assertThatThrownBy(() -> FaultSchedule.builder(1).brokers(new RecordingBrokers())
                .kinds(FaultKind.LEADER_RESTART).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("leaderOf(topic, partition)");
        assertThatThrownBy(() -> FaultSchedule.builder(1).weight(FaultKind.STALL, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> FaultSchedule.builder(1).pause(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT2S..PT1S");
    }

    @Test
    void shouldPickOnlyTheKindsItCanInjectByDefault() {
        assertThat(FaultSchedule.builder(1).proxies(proxies).settings().weights()).containsOnlyKeys(PROXY_KINDS);
        assertThat(FaultSchedule.builder(1).brokers(new RecordingBrokers()).settings().weights())
                .containsOnlyKeys(FaultKind.BROKER_RESTART);
        assertThat(FaultSchedule.builder(1).proxies(proxies).brokers(new RecordingBrokers()).leaderOf("t", 0)
                .weight(FaultKind.STALL, 0).weight(FaultKind.LEADER_RESTART, 5).settings().weights())
                .doesNotContainKey(FaultKind.STALL).containsEntry(FaultKind.LEADER_RESTART, 5)
                .containsEntry(FaultKind.BROKER_RESTART, 1);
    }

    private FaultSchedule.Builder quickSchedule(long seed) {
        return FaultSchedule.builder(seed).proxies(proxies)
                .pause(Duration.ZERO, Duration.ofMillis(5))
                .hold(Duration.ofMillis(1), Duration.ofMillis(10))
                .frameDelay(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    private static List<String> planOf(FaultSchedule schedule) throws InterruptedException {
        assertThat(schedule.awaitEnd(Duration.ofSeconds(30))).isTrue();
        schedule.stop();
        return schedule.events().stream().map(event -> event.kind() + " " + event.target())
                .collect(Collectors.toList());
    }
}
