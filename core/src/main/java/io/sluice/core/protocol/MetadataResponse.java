package io.sluice.core.protocol;

import io.sluice.api.Node;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Metadata response (key 3), v1–v13 ({@code MetadataResponse.json}); decoded by
 * {@link MetadataResponseDecoder}. Fields a version does not carry hold Kafka's defaults, noted
 * per field.
 *
 * @param throttleTimeMs              v3+, else 0
 * @param brokers                     the live brokers (rack null before v1 or when unset)
 * @param clusterId                   v2+, else null
 * @param controllerId                v1+; −1 if unknown
 * @param topics                      the topics asked for (or all)
 * @param clusterAuthorizedOperations v8–v10, else {@link Integer#MIN_VALUE}
 * @param errorCode                   top-level error, v13+ (e.g. REBOOTSTRAP_REQUIRED, KIP-1102), else 0
 */
public record MetadataResponse(int throttleTimeMs, List<Node> brokers, String clusterId, int controllerId,
                               List<TopicMetadata> topics, int clusterAuthorizedOperations, short errorCode)
        implements ResponseBody {

    /** Kafka's default for authorized-operations fields: not asked for or not carried. */
    public static final int AUTHORIZED_OPERATIONS_OMITTED = Integer.MIN_VALUE;

    /**
     * One topic.
     *
     * @param errorCode                 0, or e.g. UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE
     * @param name                      the name; null only in v12+ for a topic asked for by an unknown id
     * @param topicId                   v10+, else {@link Uuids#ZERO} (also zero for an unknown topic)
     * @param isInternal                e.g. {@code __consumer_offsets}
     * @param partitions                its partitions
     * @param topicAuthorizedOperations v8+, else {@link #AUTHORIZED_OPERATIONS_OMITTED}
     */
    public record TopicMetadata(short errorCode, String name, UUID topicId, boolean isInternal,
                                List<PartitionMetadata> partitions, int topicAuthorizedOperations) {
    }

    /**
     * One partition. The arrays are owned by this value: read them, do not modify them.
     *
     * @param errorCode       0, or e.g. LEADER_NOT_AVAILABLE, REPLICA_NOT_AVAILABLE
     * @param partitionIndex  the partition
     * @param leaderId        the leader's broker id, −1 if none
     * @param leaderEpoch     v7+, else −1
     * @param replicaNodes    all replicas
     * @param isrNodes        the in-sync replicas
     * @param offlineReplicas v5+, else empty
     */
    public record PartitionMetadata(short errorCode, int partitionIndex, int leaderId, int leaderEpoch,
                                    int[] replicaNodes, int[] isrNodes, int[] offlineReplicas) {

        @Override
        public boolean equals(Object o) {
            return o instanceof PartitionMetadata p && errorCode == p.errorCode && partitionIndex == p.partitionIndex
                    && leaderId == p.leaderId && leaderEpoch == p.leaderEpoch && Arrays.equals(replicaNodes, p.replicaNodes)
                    && Arrays.equals(isrNodes, p.isrNodes) && Arrays.equals(offlineReplicas, p.offlineReplicas);
        }

        @Override
        public int hashCode() {
            int h = 31 * (31 * (31 * errorCode + partitionIndex) + leaderId) + leaderEpoch;
            h = 31 * h + Arrays.hashCode(replicaNodes);
            h = 31 * h + Arrays.hashCode(isrNodes);
            return 31 * h + Arrays.hashCode(offlineReplicas);
        }

        @Override
        public String toString() {
            return "PartitionMetadata[errorCode=" + errorCode + ", partitionIndex=" + partitionIndex + ", leaderId=" + leaderId
                    + ", leaderEpoch=" + leaderEpoch + ", replicaNodes=" + Arrays.toString(replicaNodes)
                    + ", isrNodes=" + Arrays.toString(isrNodes) + ", offlineReplicas=" + Arrays.toString(offlineReplicas) + "]";
        }
    }
}
