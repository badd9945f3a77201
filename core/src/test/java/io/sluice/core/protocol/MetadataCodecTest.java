package io.sluice.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Node;
import io.sluice.api.errors.UnsupportedVersionException;
import io.sluice.core.protocol.MetadataResponse.PartitionMetadata;
import io.sluice.core.protocol.MetadataResponse.TopicMetadata;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataRequestData.MetadataRequestTopic;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseBroker;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponsePartition;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopic;
import org.apache.kafka.common.protocol.types.RawTaggedField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataCodecTest {

    static Stream<Short> versions() {
        return IntStream.rangeClosed(1, 13).mapToObj(v -> (short) v);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void shouldEncodeAllTopicsLikeKafkaAtEveryVersion(short version) {
        boolean allowAuto = version >= 4 ? false : true;
        MetadataRequestData kafka = new MetadataRequestData().setTopics(null).setAllowAutoTopicCreation(allowAuto);
        assertEncodesLikeKafka(MetadataRequest.allTopics(allowAuto), kafka, version);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void shouldEncodeNoTopicsLikeKafkaAtEveryVersion(short version) {
        MetadataRequestData kafka = new MetadataRequestData().setTopics(List.of()).setAllowAutoTopicCreation(true);
        assertEncodesLikeKafka(MetadataRequest.forTopics(List.of(), true), kafka, version);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void shouldEncodeNamedTopicsLikeKafkaAtEveryVersion(short version) {
        TestData data = new TestData(version);
        for (int round = 0; round < 5; round++) {
            List<String> names = new ArrayList<>();
            int n = 1 + data.count(6);
            for (int i = 0; i < n; i++) {
                names.add(data.name());
            }
            boolean topicOps = version >= 8 && data.nextBoolean();
            boolean clusterOps = version >= 8 && version <= 10 && data.nextBoolean();
            List<MetadataRequestTopic> kafkaTopics = names.stream().map(name -> new MetadataRequestTopic().setName(name)).toList();
            MetadataRequestData kafka = new MetadataRequestData().setTopics(kafkaTopics).setAllowAutoTopicCreation(true)
                    .setIncludeTopicAuthorizedOperations(topicOps).setIncludeClusterAuthorizedOperations(clusterOps);
            MetadataRequest ours = new MetadataRequest(names.stream().map(MetadataRequest.Topic::named).toList(), true,
                    clusterOps, topicOps);
            assertEncodesLikeKafka(ours, kafka, version);
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void shouldEncodeTopicsByIdLikeKafkaFromVersion12(short version) {
        if (version < 12) {
            MetadataRequest byId = new MetadataRequest(List.of(new MetadataRequest.Topic(UUID.randomUUID(), null)), true, false, false);
            assertThatThrownBy(() -> RequestFrames.encode(ApiKeys.METADATA, version, 1, "c", byId))
                    .isInstanceOf(UnsupportedVersionException.class)
                    .hasMessageContaining("Metadata v" + version + " cannot carry a topic asked for by id only")
                    .hasMessageContaining("v12 (Kafka 3.1)");
            return;
        }
        UUID id = new UUID(0x1234L, 0x5678L);
        MetadataRequest ours = new MetadataRequest(List.of(new MetadataRequest.Topic(id, null),
                new MetadataRequest.Topic(Uuids.ZERO, "named")), false, false, true);
        MetadataRequestData kafka = new MetadataRequestData().setTopics(List.of(
                new MetadataRequestTopic().setTopicId(KafkaOracle.uuid(id)).setName(null),
                new MetadataRequestTopic().setTopicId(Uuid.ZERO_UUID).setName("named")))
                .setAllowAutoTopicCreation(false).setIncludeTopicAuthorizedOperations(true);
        assertEncodesLikeKafka(ours, kafka, version);
    }

    @Test
    void shouldRefuseValuesAVersionCannotCarryAsKafkaDoes() {
        assertRefusedByBoth(MetadataRequest.allTopics(false), new MetadataRequestData().setTopics(null)
                .setAllowAutoTopicCreation(false), (short) 3, "allow_auto_topic_creation=false");
        assertRefusedByBoth(new MetadataRequest(null, true, true, false), new MetadataRequestData().setTopics(null)
                .setIncludeClusterAuthorizedOperations(true), (short) 11, "include_cluster_authorized_operations");
        assertRefusedByBoth(new MetadataRequest(null, true, false, true), new MetadataRequestData().setTopics(null)
                .setIncludeTopicAuthorizedOperations(true), (short) 7, "include_topic_authorized_operations");
    }

    private static void assertRefusedByBoth(MetadataRequest ours, MetadataRequestData kafka, short version, String what) {
        assertThatThrownBy(() -> RequestFrames.encode(ApiKeys.METADATA, version, 1, "c", ours))
                .isInstanceOf(UnsupportedVersionException.class).hasMessageContaining(what);
        assertThatThrownBy(() -> KafkaOracle.request(kafka, version, 1, "c"))
                .isInstanceOf(org.apache.kafka.common.errors.UnsupportedVersionException.class);
    }

    private static void assertEncodesLikeKafka(MetadataRequest ours, MetadataRequestData kafka, short version) {
        byte[] expected = KafkaOracle.request(kafka, version, 1001, "sluice-producer-1");
        EncodedFrame frame = RequestFrames.encode(ApiKeys.METADATA, version, 1001, "sluice-producer-1", ours);
        assertThat(frame.toByteArray()).as("Metadata v%d %s", version, ours).isEqualTo(expected);
        assertThat(frame.count()).isEqualTo(1);
        assertThat(frame.sizeInBytes()).isEqualTo(expected.length);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void shouldDecodeWhatAKafkaBrokerWritesAtEveryVersion(short version) {
        for (int round = 0; round < 10; round++) {
            MetadataResponseData kafka = randomResponse(new TestData(version * 100L + round), version);
            ByteBuffer frame = KafkaOracle.response(kafka, version, round);
            ResponseFrames.ParsedResponse parsed = ResponseFrames.parse(ApiKeys.METADATA, version, frame);
            assertThat(parsed.correlationId()).isEqualTo(round);
            MetadataResponseData projected = KafkaOracle.roundTrip(kafka, version, MetadataResponseData::new);
            assertThat(parsed.body()).as("Metadata v%d round %d", version, round).isEqualTo(convert(projected));
        }
    }

    @Test
    void shouldDecodeTheTopLevelErrorOfVersion13() {
        MetadataResponseData kafka = randomResponse(new TestData(13), (short) 13).setErrorCode((short) 129);
        MetadataResponse response = (MetadataResponse) ResponseFrames.parse(ApiKeys.METADATA, (short) 13,
                KafkaOracle.response(kafka, (short) 13, 1)).body();
        assertThat(response.errorCode()).isEqualTo((short) 129);
        assertThat(Errors.forCode(response.errorCode())).isEqualTo(Errors.REBOOTSTRAP_REQUIRED);
    }

    static MetadataResponseData randomResponse(TestData data, short v) {
        MetadataResponseData kafka = new MetadataResponseData().setThrottleTimeMs(v >= 3 ? data.nextInt(5000) : 0)
                .setClusterId(v >= 2 ? data.nullableName() : null).setControllerId(data.nextInt(10) - 1);
        int brokers = data.count(4);
        for (int i = 0; i < brokers; i++) {
            kafka.brokers().add(new MetadataResponseBroker().setNodeId(i).setHost(data.name()).setPort(9092 + i)
                    .setRack(data.nullableName()));
        }
        int topics = data.count(4);
        for (int t = 0; t < topics; t++) {
            MetadataResponseTopic topic = new MetadataResponseTopic().setErrorCode(data.errorCode())
                    .setName(v >= 12 && t == 0 ? null : "topic-" + t + "-" + data.name())
                    .setTopicId(v >= 10 ? KafkaOracle.uuid(data.uuid()) : Uuid.ZERO_UUID).setIsInternal(data.nextBoolean())
                    .setTopicAuthorizedOperations(v >= 8 ? data.nextInt() : Integer.MIN_VALUE);
            int partitions = data.count(5);
            for (int p = 0; p < partitions; p++) {
                topic.partitions().add(new MetadataResponsePartition().setErrorCode(data.errorCode()).setPartitionIndex(p)
                        .setLeaderId(data.nextInt(5) - 1).setLeaderEpoch(data.nextInt(100))
                        .setReplicaNodes(ids(data)).setIsrNodes(ids(data)).setOfflineReplicas(ids(data)));
                if (v >= 9) {
                    topic.partitions().get(p).unknownTaggedFields().add(new RawTaggedField(3, new byte[] {9, 9}));
                }
            }
            kafka.topics().add(topic);
        }
        if (v >= 8 && v <= 10) {
            kafka.setClusterAuthorizedOperations(data.nextInt());
        }
        if (v >= 9) {
            kafka.unknownTaggedFields().add(new RawTaggedField(99, new byte[] {1, 2, 3, 4}));
        }
        return kafka;
    }

    private static List<Integer> ids(TestData data) {
        int n = data.count(3);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(data.nextInt(6));
        }
        return ids;
    }

    static MetadataResponse convert(MetadataResponseData kafka) {
        List<Node> brokers = new ArrayList<>();
        kafka.brokers().forEach(b -> brokers.add(new Node(b.nodeId(), b.host(), b.port(), b.rack())));
        List<TopicMetadata> topics = new ArrayList<>();
        for (MetadataResponseTopic t : kafka.topics()) {
            List<PartitionMetadata> partitions = new ArrayList<>();
            for (MetadataResponsePartition p : t.partitions()) {
                partitions.add(new PartitionMetadata(p.errorCode(), p.partitionIndex(), p.leaderId(), p.leaderEpoch(),
                        ints(p.replicaNodes()), ints(p.isrNodes()), ints(p.offlineReplicas())));
            }
            topics.add(new TopicMetadata(t.errorCode(), t.name(), KafkaOracle.uuid(t.topicId()), t.isInternal(), partitions,
                    t.topicAuthorizedOperations()));
        }
        return new MetadataResponse(kafka.throttleTimeMs(), brokers, kafka.clusterId(), kafka.controllerId(), topics,
                kafka.clusterAuthorizedOperations(), kafka.errorCode());
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
