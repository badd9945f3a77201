package io.sluice.core.protocol;

import io.sluice.api.Node;
import io.sluice.core.protocol.MetadataResponse.PartitionMetadata;
import io.sluice.core.protocol.MetadataResponse.TopicMetadata;
import java.util.UUID;

/**
 * Decodes a {@link MetadataResponse} body, v1–v13:
 *
 * <pre>
 *   int32  throttle_time_ms                                        v3+
 *   array  brokers: int32 node_id, string host, int32 port,
 *                   nullable string rack (v1+), tagged fields (v9+)
 *   nullable string cluster_id                                     v2+
 *   int32  controller_id                                           v1+
 *   array  topics:  int16 error_code, string name (nullable v12+), uuid topic_id (v10+),
 *                   bool is_internal (v1+),
 *                   array partitions: int16 error_code, int32 partition_index, int32 leader_id,
 *                                     int32 leader_epoch (v7+), [int32] replica_nodes, [int32] isr_nodes,
 *                                     [int32] offline_replicas (v5+), tagged fields (v9+)
 *                   int32 topic_authorized_operations (v8+), tagged fields (v9+)
 *   int32  cluster_authorized_operations                           v8–v10
 *   int16  error_code                                              v13+
 *   tagged fields                                                  v9+
 * </pre>
 *
 * Stateless.
 */
final class MetadataResponseDecoder {

    private static final int[] NO_REPLICAS = new int[0];

    private MetadataResponseDecoder() {
    }

    static MetadataResponse read(ProtocolReader in) {
        short v = in.version();
        int throttleTimeMs = v >= 3 ? in.int32("throttle_time_ms") : 0;
        Node[] brokers = new Node[in.arrayLength(10, "brokers")];
        for (int i = 0; i < brokers.length; i++) {
            brokers[i] = readBroker(in);
        }
        String clusterId = v >= 2 ? in.nullableString("cluster_id") : null;
        int controllerId = v >= 1 ? in.int32("controller_id") : -1;
        TopicMetadata[] topics = new TopicMetadata[in.arrayLength(9, "topics")];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = readTopic(in);
        }
        int clusterOps = v >= 8 && v <= 10 ? in.int32("cluster_authorized_operations")
                : MetadataResponse.AUTHORIZED_OPERATIONS_OMITTED;
        short errorCode = v >= 13 ? in.int16("error_code") : 0;
        if (in.flexible()) {
            in.skipTaggedFields("tagged fields");
        }
        return new MetadataResponse(throttleTimeMs, Lists.of(brokers), clusterId, controllerId, Lists.of(topics),
                clusterOps, errorCode);
    }

    private static Node readBroker(ProtocolReader in) {
        int nodeId = in.int32("broker node_id");
        String host = in.string("broker host");
        int port = in.int32("broker port");
        String rack = in.version() >= 1 ? in.nullableString("broker rack") : null;
        if (in.flexible()) {
            in.skipTaggedFields("broker tagged fields");
        }
        return new Node(nodeId, host, port, rack);
    }

    private static TopicMetadata readTopic(ProtocolReader in) {
        short v = in.version();
        short errorCode = in.int16("topic error_code");
        String name = v >= 12 ? in.nullableString("topic name") : in.string("topic name");
        UUID topicId = v >= 10 ? in.uuid("topic_id") : Uuids.ZERO;
        boolean internal = v >= 1 && in.bool("is_internal");
        PartitionMetadata[] partitions = new PartitionMetadata[in.arrayLength(18, "partitions")];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = readPartition(in);
        }
        int topicOps = v >= 8 ? in.int32("topic_authorized_operations") : MetadataResponse.AUTHORIZED_OPERATIONS_OMITTED;
        if (in.flexible()) {
            in.skipTaggedFields("topic tagged fields");
        }
        return new TopicMetadata(errorCode, name, topicId, internal, Lists.of(partitions), topicOps);
    }

    private static PartitionMetadata readPartition(ProtocolReader in) {
        short v = in.version();
        short errorCode = in.int16("partition error_code");
        int index = in.int32("partition_index");
        int leaderId = in.int32("leader_id");
        int leaderEpoch = v >= 7 ? in.int32("leader_epoch") : -1;
        int[] replicas = in.int32Array("replica_nodes");
        int[] isr = in.int32Array("isr_nodes");
        int[] offline = v >= 5 ? in.int32Array("offline_replicas") : NO_REPLICAS;
        if (in.flexible()) {
            in.skipTaggedFields("partition tagged fields");
        }
        return new PartitionMetadata(errorCode, index, leaderId, leaderEpoch, replicas, isr, offline);
    }
}
