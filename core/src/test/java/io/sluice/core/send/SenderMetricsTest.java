package io.sluice.core.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.Metric;
import io.sluice.api.MetricName;
import io.sluice.api.TopicPartition;
import io.sluice.core.metrics.ProducerMetrics;
import io.sluice.core.network.ClientRequest;
import io.sluice.core.protocol.Errors;
import io.sluice.core.protocol.ProduceRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sender records Kafka's metrics where Kafka's sender does, with its names, groups and tags:
 * batch sizes are the sealed batches' bytes on the wire, counts are records, latency is per request
 * and per broker. A scripted client and a manual clock make every value exact.
 */
class SenderMetricsTest {

    private final SenderHarness h = new SenderHarness((short) -1, 3, 120_000, new PlainDelivery());

    @Test
    void shouldRecordCountsSizesQueueTimeAndLatencyOfWhatWasSent() {
        h.lead(SenderHarness.BROKER_1, "t", 0).lead(SenderHarness.BROKER_1, "u", 0).lead(SenderHarness.BROKER_2, "t", 1);
        h.send("t", 0, "a");
        h.send("t", 0, "bb");
        h.send("u", 0, "ccc");
        h.send("t", 1, "dddd");
        h.time.sleep(7);
        h.sender.runOnce();
        Map<TopicPartition, Integer> sizes = new HashMap<>();
        List<ClientRequest> requests = List.copyOf(h.client.sent);
        for (ClientRequest r : requests) {
            for (ProduceRequest.TopicData t : ((ProduceRequest) r.body()).topics()) {
                t.partitions().forEach(p -> sizes.put(new TopicPartition(t.name(), p.index()), p.records().remaining()));
            }
        }
        h.time.sleep(25);
        ScriptedClient.answer(h.client.next(), Errors.NONE.code(), 0, h.time.monotonicMs());
        h.time.sleep(10);
        ScriptedClient.answer(h.client.next(), Errors.NONE.code(), 0, h.time.monotonicMs());

        int t0 = sizes.get(new TopicPartition("t", 0));
        int u0 = sizes.get(new TopicPartition("u", 0));
        int t1 = sizes.get(new TopicPartition("t", 1));
        assertThat(producer("record-send-total")).isEqualTo(4.0);
        assertThat(producer("records-per-request-avg")).isEqualTo(2.0); // 3 records to broker 1, 1 to broker 2
        assertThat(producer("request-total")).isEqualTo(2.0);
        assertThat(producer("batch-size-avg")).isEqualTo((t0 + u0 + t1) / 3.0);
        assertThat(producer("batch-size-max")).isEqualTo((double) Math.max(t0, Math.max(u0, t1)));
        assertThat(producer("compression-rate-avg")).isEqualTo(1.0);
        assertThat(producer("record-queue-time-avg")).isEqualTo(7.0);
        assertThat(producer("record-queue-time-max")).isEqualTo(7.0);
        assertThat(producer("record-queue-time-p99")).isEqualTo(7.0);
        assertThat(producer("request-latency-avg")).isEqualTo(30.0); // 25 and 35 ms
        assertThat(producer("request-latency-max")).isEqualTo(35.0);
        assertThat(producer("produce-throttle-time-avg")).isZero();
        assertThat(node(1, "request-latency-avg")).isEqualTo(25.0);
        assertThat(node(2, "request-latency-max")).isEqualTo(35.0);
        assertThat(node(2, "request-latency-p50")).isEqualTo(35.0);
        assertThat(topic("t", "record-send-total")).isEqualTo(3.0);
        assertThat(topic("u", "record-send-total")).isEqualTo(1.0);
        assertThat(topic("t", "byte-total")).isEqualTo((double) (t0 + t1));
        assertThat(topic("u", "byte-total")).isEqualTo((double) u0);
        assertThat(topic("t", "compression-rate")).isEqualTo(1.0);
        assertThat(topic("t", "byte-rate")).isPositive();
        assertThat(producer("record-retry-total")).isZero();
        assertThat(producer("record-error-total")).isZero();
    }

    @Test
    void shouldCountRetriedAndFailedRecordsOverallAndPerTopic() {
        h.lead(SenderHarness.BROKER_1, "t", 0).lead(SenderHarness.BROKER_1, "secret", 0);
        h.send("t", 0, "a");
        h.send("t", 0, "b");
        h.sender.runOnce();
        ScriptedClient.answer(h.client.next(), Errors.NOT_LEADER_OR_FOLLOWER.code(), -1, h.time.monotonicMs());
        h.time.sleep(1000);
        h.sender.runOnce();
        ScriptedClient.answer(h.client.next(), Errors.NONE.code(), 0, h.time.monotonicMs());
        h.send("secret", 0, "x");
        h.sender.runOnce();
        ScriptedClient.answer(h.client.next(), Errors.TOPIC_AUTHORIZATION_FAILED.code(), -1, h.time.monotonicMs());

        assertThat(producer("record-retry-total")).isEqualTo(2.0);
        assertThat(topic("t", "record-retry-total")).isEqualTo(2.0);
        assertThat(producer("record-error-total")).isEqualTo(1.0);
        assertThat(topic("secret", "record-error-total")).isEqualTo(1.0);
        assertThat(producer("record-send-total")).as("a batch counts as sent each time it is drained, as in Kafka")
                .isEqualTo(5.0);
    }

    @Test
    void sendTimeFailuresCountAsRecordErrorsAsInKafkasDoSend() {
        SenderMetrics.recordSendError(h.metrics, h.time.monotonicMs());
        assertThat(producer("record-error-total")).isEqualTo(1.0);
    }

    @Test
    void everyMetricTheIssueListsExistsWithKafkasGroupAndTags() {
        for (String name : List.of("record-send-rate", "record-send-total", "record-error-rate", "record-error-total",
                "record-retry-rate", "record-retry-total", "batch-size-avg", "batch-size-max", "records-per-request-avg",
                "compression-rate-avg", "record-queue-time-avg", "record-queue-time-max", "request-latency-avg",
                "request-latency-max", "produce-throttle-time-avg", "produce-throttle-time-max", "batch-split-rate",
                "record-queue-time-p50", "record-queue-time-p99", "record-queue-time-p999", "request-latency-p50",
                "request-latency-p99", "request-latency-p999")) {
            assertThat(find(new MetricName(name, ProducerMetrics.PRODUCER_GROUP, "", Map.of("client-id", "test")))).as(name)
                    .isNotNull();
        }
    }

    private double producer(String name) {
        return value(new MetricName(name, ProducerMetrics.PRODUCER_GROUP, "", Map.of("client-id", "test")));
    }

    private double topic(String topic, String name) {
        return value(new MetricName(name, ProducerMetrics.TOPIC_GROUP, "", Map.of("client-id", "test", "topic", topic)));
    }

    private double node(int id, String name) {
        return value(new MetricName(name, ProducerMetrics.NODE_GROUP, "", Map.of("client-id", "test", "node-id", "node-" + id)));
    }

    private double value(MetricName name) {
        Metric m = find(name);
        assertThat(m).as("metric " + name.name() + " " + name.tags()).isNotNull();
        return (Double) m.metricValue();
    }

    /** By name, group and tags: {@code MetricName}'s equality also compares descriptions, which Kafka's does not. */
    private Metric find(MetricName name) {
        return h.metrics.all().values().stream()
                .filter(m -> m.metricName().name().equals(name.name()) && m.metricName().group().equals(name.group())
                        && m.metricName().tags().equals(name.tags()))
                .findFirst().orElse(null);
    }
}
