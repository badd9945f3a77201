package io.sluice.core.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Node;
import io.sluice.api.RecordHeaders;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.api.errors.NetworkException;
import io.sluice.api.errors.NotLeaderOrFollowerException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.api.errors.TopicAuthorizationException;
import io.sluice.core.accumulate.AccumulatorConfig;
import io.sluice.core.accumulate.AppendObserver;
import io.sluice.core.accumulate.BufferAllocator;
import io.sluice.core.accumulate.BufferPool;
import io.sluice.core.accumulate.PartitionLeaders;
import io.sluice.core.accumulate.PoolWaitRecorder;
import io.sluice.core.accumulate.RecordAccumulator;
import io.sluice.core.metrics.ProducerMetrics;
import io.sluice.core.network.ClientRequest;
import io.sluice.core.protocol.Errors;
import io.sluice.core.protocol.ProduceRequest;
import io.sluice.core.record.BatchCompression;
import io.sluice.core.time.ExponentialBackoff;
import io.sluice.core.time.ManualTime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The sender's decisions (group, retry, fail, expire) with a scripted client and a manual clock. */
class SenderTest {

    private static final Node BROKER_1 = new Node(1, "localhost", 9092);
    private static final Node BROKER_2 = new Node(2, "localhost", 9093);

    private final ManualTime time = new ManualTime();
    private final ScriptedClient client = new ScriptedClient();
    private final Map<TopicPartition, Node> leaders = new HashMap<>();
    private int metadataRequests;
    private BufferPool pool;
    private RecordAccumulator accumulator;
    private Sender sender;

    private void start(short acks, int retries, long deliveryTimeoutMs) {
        pool = new BufferPool(1 << 20, 16 * 1024, BufferAllocator.HEAP, time, PoolWaitRecorder.NONE);
        accumulator = new RecordAccumulator(new AccumulatorConfig(16 * 1024, 0, deliveryTimeoutMs,
                new ExponentialBackoff(100, 2, 1000, 0.0, new Random(1)), BatchCompression.NONE, false, false, false), pool);
        ClusterSource cluster = new ClusterSource() {
            @Override
            public PartitionLeaders leaders() {
                return new PartitionLeaders() {
                    @Override
                    public Node leaderFor(String topic, int partition) {
                        return leaders.get(new TopicPartition(topic, partition));
                    }

                    @Override
                    public List<TopicPartition> partitionsLedBy(int nodeId) {
                        List<TopicPartition> out = new ArrayList<>();
                        leaders.forEach((tp, n) -> {
                            if (n.id() == nodeId) {
                                out.add(tp);
                            }
                        });
                        out.sort((a, b) -> a.toString().compareTo(b.toString()));
                        return out;
                    }
                };
            }

            @Override
            public UUID topicId(String topic) {
                return null;
            }

            @Override
            public void requestUpdate(Set<String> topics) {
                metadataRequests++;
            }
        };
        sender = new Sender(client, accumulator, cluster, new PlainDelivery(),
                new SenderConfig(acks, 1 << 20, 30_000, retries, deliveryTimeoutMs),
                new SenderMetrics(new ProducerMetrics(time, "test", 2, 30_000)), (m, e, h, c) -> { },
                accumulator::splitAndReenqueue, time);
    }

    private CompletableFuture<RecordMetadata> send(String topic, int partition, String value) {
        return accumulator.append(topic, partition, time.milliseconds(), null, value.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(), null, 0, AppendObserver.NONE, 0, time.monotonicMs());
    }

    @Test
    void shouldSendOneRequestPerBrokerHoldingTheBatchesOfEveryTopicItLeads() {
        start((short) -1, 3, 120_000);
        leaders.put(new TopicPartition("a", 0), BROKER_1);
        leaders.put(new TopicPartition("b", 0), BROKER_1);
        leaders.put(new TopicPartition("b", 1), BROKER_2);
        send("a", 0, "1");
        send("b", 0, "2");
        send("b", 1, "3");
        sender.runOnce();
        assertThat(client.all).hasSize(2);
        ClientRequest toBroker1 = client.all.stream().filter(r -> r.nodeId() == 1).findFirst().orElseThrow();
        ProduceRequest body = (ProduceRequest) toBroker1.body();
        assertThat(body.topics()).extracting(ProduceRequest.TopicData::name).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void shouldRetryARetriableErrorAfterItsBackoffAndThenSucceed() throws Exception {
        start((short) -1, 3, 120_000);
        leaders.put(new TopicPartition("t", 0), BROKER_1);
        CompletableFuture<RecordMetadata> f = send("t", 0, "v");
        sender.runOnce();
        ScriptedClient.answer(client.next(), Errors.NOT_LEADER_OR_FOLLOWER.code(), -1, time.monotonicMs());
        assertThat(f).isNotDone();
        assertThat(metadataRequests).as("a leader error asks for fresh metadata").isPositive();

        sender.runOnce();
        assertThat(client.sent).as("no resend during the backoff").isEmpty();
        time.sleep(100);
        sender.runOnce();
        ScriptedClient.answer(client.next(), Errors.NONE.code(), 42, time.monotonicMs());
        assertThat(f.get().offset()).isEqualTo(42);
        assertThat(pool.usedMemory()).isZero();
    }

    @Test
    void shouldFailANonRetriableErrorAtOnceNamingPartitionAndBroker() {
        start((short) -1, 3, 120_000);
        leaders.put(new TopicPartition("secret", 2), BROKER_1);
        CompletableFuture<RecordMetadata> f = send("secret", 2, "v");
        sender.runOnce();
        ScriptedClient.answer(client.next(), Errors.TOPIC_AUTHORIZATION_FAILED.code(), -1, time.monotonicMs());
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TopicAuthorizationException.class)
                .hasMessageContaining("secret-2")
                .hasMessageContaining("broker 1");
    }

    @Test
    void shouldGiveUpAfterRetriesRetries() {
        start((short) -1, 1, 120_000);
        leaders.put(new TopicPartition("t", 0), BROKER_1);
        CompletableFuture<RecordMetadata> f = send("t", 0, "v");
        sender.runOnce();
        ScriptedClient.answer(client.next(), Errors.NOT_ENOUGH_REPLICAS.code(), -1, time.monotonicMs());
        time.sleep(1000);
        sender.runOnce();
        ScriptedClient.answer(client.next(), Errors.NOT_ENOUGH_REPLICAS.code(), -1, time.monotonicMs());
        assertThat(f).isCompletedExceptionally();
        assertThat(client.sent).isEmpty();
    }

    @Test
    void shouldRetryARequestThatGotNoAnswer() throws Exception {
        start((short) -1, 3, 120_000);
        leaders.put(new TopicPartition("t", 0), BROKER_1);
        CompletableFuture<RecordMetadata> f = send("t", 0, "v");
        sender.runOnce();
        ScriptedClient.fail(client.next(), new NetworkException("connection to broker 1 lost"), time.monotonicMs());
        time.sleep(100);
        sender.runOnce();
        ScriptedClient.answer(client.next(), Errors.NONE.code(), 7, time.monotonicMs());
        assertThat(f.get().offset()).isEqualTo(7);
    }

    @Test
    void shouldExpireABatchWhoseLeaderStaysUnknownForDeliveryTimeout() {
        start((short) -1, Integer.MAX_VALUE, 5_000);
        CompletableFuture<RecordMetadata> f = send("orphan", 0, "v");
        sender.runOnce();
        assertThat(f).isNotDone();
        time.sleep(5_000);
        sender.runOnce();
        assertThatThrownBy(f::get).hasCauseInstanceOf(TimeoutException.class)
                .hasMessageContaining("Expiring 1 record(s) for orphan-0")
                .hasMessageContaining("delivery.timeout.ms=5000");
        assertThat(pool.usedMemory()).isZero();
    }

    @Test
    void shouldExpireAnInFlightBatchButKeepItsMemoryUntilTheRequestIsDone() {
        start((short) -1, Integer.MAX_VALUE, 5_000);
        leaders.put(new TopicPartition("t", 0), BROKER_1);
        CompletableFuture<RecordMetadata> f = send("t", 0, "v");
        sender.runOnce();
        ClientRequest inFlight = client.next();
        time.sleep(5_000);
        sender.runOnce();
        assertThat(f).isCompletedExceptionally();
        assertThat(pool.usedMemory()).as("the transport may still be writing the batch").isPositive();
        ScriptedClient.answer(inFlight, Errors.NONE.code(), 1, time.monotonicMs());
        assertThat(pool.usedMemory()).isZero();
    }

    @Test
    void acksZeroCompletesWithoutAnOffsetAsSoonAsTheRequestIsWritten() throws Exception {
        start((short) 0, 3, 120_000);
        leaders.put(new TopicPartition("t", 0), BROKER_1);
        CompletableFuture<RecordMetadata> f = send("t", 0, "v");
        sender.runOnce();
        assertThat(f.get().hasOffset()).isFalse();
        assertThat(f.get().partition()).isZero();
    }

    @Test
    void aLeaderErrorIsReportedAsWhatItIsWhenRetriesRunOut() {
        start((short) -1, 0, 120_000);
        leaders.put(new TopicPartition("t", 0), BROKER_1);
        CompletableFuture<RecordMetadata> f = send("t", 0, "v");
        sender.runOnce();
        ScriptedClient.answer(client.next(), Errors.NOT_LEADER_OR_FOLLOWER.code(), -1, time.monotonicMs());
        assertThatThrownBy(f::get).hasCauseInstanceOf(NotLeaderOrFollowerException.class);
    }
}
