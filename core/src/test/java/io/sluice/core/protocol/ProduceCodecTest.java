package io.sluice.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Node;
import io.sluice.core.protocol.ProduceRequest.PartitionData;
import io.sluice.core.protocol.ProduceRequest.TopicData;
import io.sluice.core.protocol.ProduceResponse.CurrentLeader;
import io.sluice.core.protocol.ProduceResponse.PartitionResponse;
import io.sluice.core.protocol.ProduceResponse.RecordError;
import io.sluice.core.protocol.ProduceResponse.TopicResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.BatchIndexAndErrorMessage;
import org.apache.kafka.common.message.ProduceResponseData.LeaderIdAndEpoch;
import org.apache.kafka.common.message.ProduceResponseData.NodeEndpoint;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.protocol.types.RawTaggedField;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProduceCodecTest {

    static Stream<Short> versions() {
        return IntStream.rangeClosed(3, 13).mapToObj(v -> (short) v);
    }

    /** A record batch v2 built by Kafka, copied into a buffer of our own (heap with an offset, or direct). */
    static ByteBuffer kafkaBatch(TestData data, boolean direct) {
        int records = 1 + data.count(4);
        SimpleRecord[] simple = new SimpleRecord[records];
        for (int i = 0; i < records; i++) {
            byte[] value = new byte[data.nextInt(3) == 0 ? 20_000 : data.nextInt(300)];
            Arrays.fill(value, (byte) i);
            simple[i] = new SimpleRecord(1_700_000_000_000L + i, ("key-" + i).getBytes(StandardCharsets.UTF_8), value);
        }
        ByteBuffer bytes = MemoryRecords.withRecords(Compression.NONE, simple).buffer();
        if (direct) {
            return ByteBuffer.allocateDirect(bytes.remaining()).put(bytes).flip();
        }
        ByteBuffer heap = ByteBuffer.allocate(bytes.remaining() + 16);
        heap.position(8);
        heap.put(bytes);
        heap.limit(heap.position()).position(8); // the batch sits at [8, 8 + size): a non-zero position must be honoured
        return heap;
    }

    private record Case(ProduceRequest ours, ProduceRequestData kafka) {
    }

    private static Case randomCase(TestData data, short version) {
        String txn = data.nextBoolean() ? null : "txn-" + data.name();
        short acks = new short[] {-1, 0, 1}[data.nextInt(3)];
        int timeout = data.nextInt(60_000);
        List<TopicData> ours = new ArrayList<>();
        ProduceRequestData.TopicProduceDataCollection kafkaTopics = new ProduceRequestData.TopicProduceDataCollection();
        int topics = 1 + data.count(3);
        for (int t = 0; t < topics; t++) {
            String name = "topic-" + t + "-" + data.name();
            UUID id = data.uuid();
            List<PartitionData> partitions = new ArrayList<>();
            List<ProduceRequestData.PartitionProduceData> kafkaPartitions = new ArrayList<>();
            int n = 1 + data.count(3);
            for (int p = 0; p < n; p++) {
                ByteBuffer batch = kafkaBatch(data, data.nextBoolean());
                partitions.add(new PartitionData(p * 3, batch));
                kafkaPartitions.add(new ProduceRequestData.PartitionProduceData().setIndex(p * 3)
                        .setRecords(MemoryRecords.readableRecords(batch.slice()))); // Kafka wants position 0
            }
            ours.add(new TopicData(version <= 12 ? name : null, version >= 13 ? id : Uuids.ZERO, partitions));
            ProduceRequestData.TopicProduceData kafkaTopic = new ProduceRequestData.TopicProduceData().setPartitionData(kafkaPartitions);
            kafkaTopics.add(version <= 12 ? kafkaTopic.setName(name) : kafkaTopic.setTopicId(KafkaOracle.uuid(id)));
        }
        return new Case(new ProduceRequest(txn, acks, timeout, ours),
                new ProduceRequestData().setTransactionalId(txn).setAcks(acks).setTimeoutMs(timeout).setTopicData(kafkaTopics));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void shouldEncodeLikeKafkaAtEveryVersion(short version) {
        TestData data = new TestData(version);
        for (int round = 0; round < 8; round++) {
            Case c = randomCase(data, version);
            byte[] expected = KafkaOracle.request(c.kafka(), version, round, "sluice-1");
            EncodedFrame frame = RequestFrames.encode(ApiKeys.PRODUCE, version, round, "sluice-1", c.ours());
            assertThat(frame.toByteArray()).as("Produce v%d round %d", version, round).isEqualTo(expected);
            assertThat(frame.sizeInBytes()).isEqualTo(expected.length);
            int headerSize = RequestHeader.sizeOf(ApiKeys.PRODUCE, version, "sluice-1");
            assertThat(c.ours().sizeInBytes(version) + headerSize).isEqualTo(expected.length);
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void shouldReferenceEveryBatchBufferInsteadOfCopyingIt(short version) {
        Case c = randomCase(new TestData(1000 + version), version);
        List<ByteBuffer> batches = c.ours().topics().stream().flatMap(t -> t.partitions().stream())
                .map(PartitionData::records).toList();
        List<Integer> positions = batches.stream().map(ByteBuffer::position).toList();
        EncodedFrame frame = RequestFrames.encode(ApiKeys.PRODUCE, version, 1, "c", c.ours());

        // framing, batch, framing, batch, ... and a last piece of framing only where tagged fields follow (v9+)
        assertThat(frame.count()).isEqualTo(2 * batches.size() + (ApiKeys.PRODUCE.isFlexible(version) ? 1 : 0));
        for (int i = 0; i < batches.size(); i++) {
            ByteBuffer batch = batches.get(i);
            ByteBuffer piece = frame.buffers()[2 * i + 1];
            assertThat(piece).isNotSameAs(batch).isEqualTo(batch); // a view with its own position, same content
            if (batch.hasArray()) {
                assertThat(piece.array()).isSameAs(batch.array());
            }
            byte before = piece.get(piece.position() + 20);
            batch.put(batch.position() + 20, (byte) (before + 1)); // a change to the batch shows through the frame
            assertThat(piece.get(piece.position() + 20)).isEqualTo((byte) (before + 1));
            batch.put(batch.position() + 20, before);
        }
        for (int i = 0; i < frame.count(); i++) { // "send" the frame: drain every piece as a gathering write would
            frame.buffers()[i].position(frame.buffers()[i].limit());
        }
        assertThat(batches.stream().map(ByteBuffer::position).toList()).as("batch positions untouched").isEqualTo(positions);
    }

    @Test
    void shouldRefuseVersion13ForATopicWithoutAnIdAndOlderVersionsForATopicWithoutAName() {
        ByteBuffer batch = kafkaBatch(new TestData(1), false);
        ProduceRequest noId = new ProduceRequest(null, (short) -1, 30_000,
                List.of(new TopicData("orders", Uuids.ZERO, List.of(new PartitionData(0, batch)))));
        assertThatThrownBy(() -> RequestFrames.encode(ApiKeys.PRODUCE, (short) 13, 1, "c", noId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic 'orders' has none; cap the version at v12");
        ProduceRequest noName = new ProduceRequest(null, (short) -1, 30_000,
                List.of(new TopicData(null, UUID.randomUUID(), List.of(new PartitionData(0, batch)))));
        assertThatThrownBy(() -> RequestFrames.encode(ApiKeys.PRODUCE, (short) 12, 1, "c", noName))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names topics by name");
    }

    @Test
    void shouldRefuseVersionsBelowTheV3FloorEvenThoughBrokersAdvertiseThem() {
        ProduceRequest request = new ProduceRequest(null, (short) 1, 1000, List.of());
        assertThatThrownBy(() -> RequestFrames.encode(ApiKeys.PRODUCE, (short) 2, 1, "c", request))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Produce v2 is outside the versions Sluice speaks, v3–v13");
        assertThat(request.expectsResponse()).isTrue();
        assertThat(new ProduceRequest(null, (short) 0, 1000, List.of()).expectsResponse()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("versions")
    void shouldDecodeWhatAKafkaBrokerWritesAtEveryVersion(short version) {
        for (int round = 0; round < 10; round++) {
            ProduceResponseData kafka = randomResponse(new TestData(version * 1000L + round), version);
            ByteBuffer frame = KafkaOracle.response(kafka, version, round);
            ResponseFrames.ParsedResponse parsed = ResponseFrames.parse(ApiKeys.PRODUCE, version, frame);
            assertThat(parsed.correlationId()).isEqualTo(round);
            ProduceResponseData projected = KafkaOracle.roundTrip(kafka, version, ProduceResponseData::new);
            assertThat(parsed.body()).as("Produce v%d round %d", version, round).isEqualTo(convert(projected, version));
        }
    }

    @Test
    void shouldDecodeTheLeaderHintsOfKip951FromVersion10() {
        ProduceResponseData kafka = new ProduceResponseData().setThrottleTimeMs(5);
        kafka.responses().add(new TopicProduceResponse().setName("orders").setPartitionResponses(List.of(
                new PartitionProduceResponse().setIndex(2).setErrorCode((short) 6).setBaseOffset(-1)
                        .setCurrentLeader(new LeaderIdAndEpoch().setLeaderId(3).setLeaderEpoch(12)))));
        kafka.nodeEndpoints().add(new NodeEndpoint().setNodeId(3).setHost("broker-3.example").setPort(9093).setRack("rack-b"));
        ProduceResponse response = (ProduceResponse) ResponseFrames.parse(ApiKeys.PRODUCE, (short) 10,
                KafkaOracle.response(kafka, (short) 10, 1)).body();
        PartitionResponse partition = response.topics().get(0).partitions().get(0);
        assertThat(partition.currentLeader()).isEqualTo(new CurrentLeader(3, 12));
        assertThat(partition.currentLeader().isKnown()).isTrue();
        assertThat(response.nodeEndpoints()).containsExactly(new Node(3, "broker-3.example", 9093, "rack-b"));
        assertThat(Errors.forCode(partition.errorCode())).isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER);
    }

    @Test
    void shouldSkipTagZeroInVersion9WhereItIsNotYetDefined() {
        ProduceResponseData kafka = new ProduceResponseData();
        kafka.responses().add(new TopicProduceResponse().setName("t").setPartitionResponses(List.of(new PartitionProduceResponse())));
        kafka.responses().iterator().next().partitionResponses().get(0).unknownTaggedFields()
                .add(new RawTaggedField(0, new byte[] {0, 0, 0, 3, 0, 0, 0, 4, 0}));
        kafka.unknownTaggedFields().add(new RawTaggedField(0, new byte[] {0}));
        ProduceResponse response = (ProduceResponse) ResponseFrames.parse(ApiKeys.PRODUCE, (short) 9,
                KafkaOracle.response(kafka, (short) 9, 1)).body();
        assertThat(response.topics().get(0).partitions().get(0).currentLeader()).isEqualTo(CurrentLeader.UNKNOWN);
        assertThat(response.nodeEndpoints()).isEmpty();
    }

    @Test
    void shouldDecodeAnUnknownErrorCodeAndMapItToAClearException() {
        ProduceResponseData kafka = new ProduceResponseData();
        kafka.responses().add(new TopicProduceResponse().setName("t").setPartitionResponses(List.of(
                new PartitionProduceResponse().setErrorCode((short) 9999))));
        ProduceResponse response = (ProduceResponse) ResponseFrames.parse(ApiKeys.PRODUCE, (short) 11,
                KafkaOracle.response(kafka, (short) 11, 1)).body();
        short code = response.topics().get(0).partitions().get(0).errorCode();
        assertThat(code).isEqualTo((short) 9999);
        assertThat(Errors.exceptionFor(code, "Produce to t-0")).hasMessageStartingWith("Unknown error code 9999 from broker: Produce to t-0")
                .isNotInstanceOf(io.sluice.api.errors.RetriableException.class);
    }

    static ProduceResponseData randomResponse(TestData data, short v) {
        ProduceResponseData kafka = new ProduceResponseData().setThrottleTimeMs(data.nextInt(1000));
        int topics = data.count(3);
        for (int t = 0; t < topics; t++) {
            TopicProduceResponse topic = new TopicProduceResponse();
            if (v <= 12) {
                topic.setName("topic-" + t + "-" + data.name());
            } else {
                topic.setTopicId(KafkaOracle.uuid(data.uuid()));
            }
            int partitions = data.count(4);
            for (int p = 0; p < partitions; p++) {
                PartitionProduceResponse partition = new PartitionProduceResponse().setIndex(p).setErrorCode(data.errorCode())
                        .setBaseOffset(data.nextLong()).setLogAppendTimeMs(data.nextLong());
                if (v >= 5) {
                    partition.setLogStartOffset(data.nextLong());
                }
                if (v >= 8) {
                    int errors = data.count(2);
                    List<BatchIndexAndErrorMessage> recordErrors = new ArrayList<>();
                    for (int e = 0; e < errors; e++) {
                        recordErrors.add(new BatchIndexAndErrorMessage().setBatchIndex(data.nextInt(100))
                                .setBatchIndexErrorMessage(data.nullableName()));
                    }
                    partition.setRecordErrors(recordErrors).setErrorMessage(data.nullableName());
                }
                if (v >= 10 && data.nextBoolean()) {
                    partition.setCurrentLeader(new LeaderIdAndEpoch().setLeaderId(data.nextInt(5)).setLeaderEpoch(data.nextInt(50)));
                }
                if (v >= 9 && data.nextBoolean()) {
                    partition.unknownTaggedFields().add(new RawTaggedField(7, new byte[] {1, 2}));
                }
                topic.partitionResponses().add(partition);
            }
            kafka.responses().add(topic);
        }
        if (v >= 10) {
            int nodes = data.count(2);
            for (int n = 0; n < nodes; n++) {
                kafka.nodeEndpoints().add(new NodeEndpoint().setNodeId(n).setHost(data.name()).setPort(9092).setRack(data.nullableName()));
            }
        }
        if (v >= 9) {
            kafka.unknownTaggedFields().add(new RawTaggedField(42, new byte[] {4, 2}));
        }
        return kafka;
    }

    static ProduceResponse convert(ProduceResponseData kafka, short version) {
        List<TopicResponse> topics = new ArrayList<>();
        for (TopicProduceResponse t : kafka.responses()) {
            List<PartitionResponse> partitions = new ArrayList<>();
            for (PartitionProduceResponse p : t.partitionResponses()) {
                List<RecordError> errors = p.recordErrors().stream()
                        .map(e -> new RecordError(e.batchIndex(), e.batchIndexErrorMessage())).toList();
                partitions.add(new PartitionResponse(p.index(), p.errorCode(), p.baseOffset(), p.logAppendTimeMs(),
                        p.logStartOffset(), errors, p.errorMessage(),
                        new CurrentLeader(p.currentLeader().leaderId(), p.currentLeader().leaderEpoch())));
            }
            topics.add(new TopicResponse(version <= 12 ? t.name() : null, KafkaOracle.uuid(t.topicId()), partitions));
        }
        List<Node> nodes = new ArrayList<>();
        kafka.nodeEndpoints().forEach(n -> nodes.add(new Node(n.nodeId(), n.host(), n.port(), n.rack())));
        return new ProduceResponse(topics, kafka.throttleTimeMs(), nodes);
    }
}
