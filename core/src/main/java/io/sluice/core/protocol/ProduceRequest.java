package io.sluice.core.protocol;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Produce request (key 0), v3–v13 ({@code ProduceRequest.json}); flexible from v9. The record
 * batches are <b>not copied</b>: {@link RequestFrames#encode} puts a view of each partition's batch
 * buffer into the frame, between the pieces of framing Sluice writes itself.
 *
 * <pre>
 *   nullable string transactional_id                 (compact v9+)
 *   int16  acks                                      0: no response at all; 1; −1: all in-sync replicas
 *   int32  timeout_ms
 *   array  topic_data
 *     string name                                    v3–v12
 *     uuid   topic_id                                v13+ (KIP-516)
 *     array  partition_data
 *       int32   index
 *       records records   int32 length (v3–v8) | unsigned varint length+1 (v9+), then the batch bytes
 *       tagged fields                                v9+
 *     tagged fields                                  v9+
 *   tagged fields                                    v9+
 * </pre>
 *
 * Immutable. The batch buffers are shared, not owned: their remaining bytes must not change until
 * the frame is sent, and their positions are never moved by encoding or sending.
 */
public final class ProduceRequest implements RequestBody {

    /** The last version that names topics; v13 needs a topic id for every topic. */
    public static final short LAST_VERSION_WITH_TOPIC_NAMES = 12;

    /**
     * The batches of one topic.
     *
     * @param name       the topic name (v3–v12)
     * @param topicId    the topic id (v13+), or {@link Uuids#ZERO} if unknown
     * @param partitions its partitions, each at most once
     */
    public record TopicData(String name, UUID topicId, List<PartitionData> partitions) {
        public TopicData {
            Objects.requireNonNull(topicId, "topicId (use Uuids.ZERO if unknown)");
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * One partition's record batch(es): the buffer's remaining bytes, already encoded (record batch v2).
     *
     * @param index   the partition
     * @param records the encoded batch; position to limit is sent
     */
    public record PartitionData(int index, ByteBuffer records) {
        public PartitionData {
            Objects.requireNonNull(records, "records");
        }
    }

    private final String transactionalId;
    private final short acks;
    private final int timeoutMs;
    private final List<TopicData> topics;
    private final int partitionCount;
    private final long recordBytes;

    /**
     * @param transactionalId {@code transactional.id}, or {@code null}
     * @param acks            0, 1 or −1
     * @param timeoutMs       how long the broker may wait for replication ({@code request.timeout.ms})
     * @param topics          the batches, grouped by topic
     */
    public ProduceRequest(String transactionalId, short acks, int timeoutMs, List<TopicData> topics) {
        this.transactionalId = transactionalId;
        this.acks = acks;
        this.timeoutMs = timeoutMs;
        this.topics = List.copyOf(topics);
        int partitions = 0;
        long bytes = 0;
        for (TopicData topic : this.topics) {
            partitions += topic.partitions().size();
            for (PartitionData partition : topic.partitions()) {
                bytes += partition.records().remaining();
            }
        }
        this.partitionCount = partitions;
        this.recordBytes = bytes;
    }

    public String transactionalId() {
        return transactionalId;
    }

    public short acks() {
        return acks;
    }

    public int timeoutMs() {
        return timeoutMs;
    }

    public List<TopicData> topics() {
        return topics;
    }

    /** Whether the broker answers: not with {@code acks=0}, so the caller must not wait for a response. */
    public boolean expectsResponse() {
        return acks != 0;
    }

    /** The body's size in bytes at {@code version}, batches included: for {@code max.request.size} checks. */
    public long sizeInBytes(short version) {
        return framingSize(version) + recordBytes;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.PRODUCE;
    }

    @Override
    public int splicedBufferCount() {
        return partitionCount;
    }

    @Override
    public int framingSize(short version) {
        boolean flexible = ApiKeys.PRODUCE.isFlexible(version);
        int size = ProtocolWriter.sizeOfNullableString(transactionalId, flexible, "transactional.id") + 2 + 4
                + ProtocolWriter.sizeOfArrayLength(topics.size(), flexible);
        for (TopicData topic : topics) {
            size += topicKeySize(topic, version, flexible)
                    + ProtocolWriter.sizeOfArrayLength(topic.partitions().size(), flexible)
                    + ProtocolWriter.sizeOfTaggedFields(flexible);
            for (PartitionData partition : topic.partitions()) {
                size += 4 + ProtocolWriter.sizeOfBytesLength(partition.records().remaining(), flexible)
                        + ProtocolWriter.sizeOfTaggedFields(flexible);
            }
        }
        return size + ProtocolWriter.sizeOfTaggedFields(flexible);
    }

    /** The topic's name (v3–v12) or id (v13+), checked to be there. */
    private static int topicKeySize(TopicData topic, short version, boolean flexible) {
        if (version > LAST_VERSION_WITH_TOPIC_NAMES) {
            if (Uuids.isZero(topic.topicId())) {
                throw new IllegalArgumentException("Produce v" + version + " names topics by id, but topic '" + topic.name()
                        + "' has none; cap the version at v" + LAST_VERSION_WITH_TOPIC_NAMES
                        + " (NegotiatedVersions.versionAtMost) until metadata v10+ gave its id");
            }
            return ProtocolWriter.UUID_SIZE;
        }
        if (topic.name() == null) {
            throw new IllegalArgumentException("Produce v" + version + " names topics by name, but topic " + topic.topicId()
                    + " has none");
        }
        return ProtocolWriter.sizeOfString(topic.name(), flexible, "topic name");
    }

    @Override
    public void writeTo(ProtocolWriter out, short version) {
        boolean flexible = ApiKeys.PRODUCE.isFlexible(version);
        out.nullableString(transactionalId, flexible);
        out.int16(acks);
        out.int32(timeoutMs);
        out.arrayLength(topics.size(), flexible);
        for (TopicData topic : topics) {
            if (version > LAST_VERSION_WITH_TOPIC_NAMES) {
                out.uuid(topic.topicId());
            } else {
                out.string(topic.name(), flexible);
            }
            out.arrayLength(topic.partitions().size(), flexible);
            for (PartitionData partition : topic.partitions()) {
                out.int32(partition.index());
                out.bytesLength(partition.records().remaining(), flexible);
                out.splice(partition.records());
                out.taggedFields(flexible);
            }
            out.taggedFields(flexible);
        }
        out.taggedFields(flexible);
    }

    @Override
    public String toString() {
        return "ProduceRequest[transactionalId=" + transactionalId + ", acks=" + acks + ", timeoutMs=" + timeoutMs
                + ", topics=" + topics.size() + ", partitions=" + partitionCount + ", recordBytes=" + recordBytes + "]";
    }
}
