package io.sluice.core.protocol;

import io.sluice.api.Node;
import io.sluice.core.protocol.ProduceResponse.CurrentLeader;
import io.sluice.core.protocol.ProduceResponse.PartitionResponse;
import io.sluice.core.protocol.ProduceResponse.RecordError;
import io.sluice.core.protocol.ProduceResponse.TopicResponse;
import java.util.List;
import java.util.UUID;

/**
 * Decodes a {@link ProduceResponse} body, v3–v13:
 *
 * <pre>
 *   array responses
 *     string name (v3–v12) | uuid topic_id (v13+)
 *     array partition_responses
 *       int32 index, int16 error_code, int64 base_offset, int64 log_append_time_ms,
 *       int64 log_start_offset                                        v5+
 *       array record_errors: int32 batch_index,
 *                            nullable string batch_index_error_message  v8+ (tagged fields v9+)
 *       nullable string error_message                                 v8+
 *       tagged fields                                                 v9+
 *         0: current_leader {int32 leader_id, int32 leader_epoch, tagged fields}   v10+
 *     tagged fields                                                   v9+
 *   int32 throttle_time_ms
 *   tagged fields                                                     v9+
 *     0: node_endpoints [int32 node_id, string host, int32 port, nullable string rack, tagged fields]  v10+
 * </pre>
 *
 * Tags a version does not define, or that Sluice does not know, are skipped. Stateless.
 */
final class ProduceResponseDecoder {

    private static final short FIRST_VERSION_WITH_LEADER_HINTS = 10;

    private ProduceResponseDecoder() {
    }

    static ProduceResponse read(ProtocolReader in) {
        TopicResponse[] topics = new TopicResponse[in.arrayLength(3, "responses")];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = readTopic(in);
        }
        int throttleTimeMs = in.int32("throttle_time_ms");
        List<Node> nodeEndpoints = List.of();
        if (in.flexible()) {
            int tags = in.taggedFieldCount("tagged fields");
            for (int i = 0; i < tags; i++) {
                int tag = in.taggedFieldTag("tagged fields");
                int saved = in.beginTaggedField("tagged fields");
                if (tag == 0 && in.version() >= FIRST_VERSION_WITH_LEADER_HINTS) {
                    nodeEndpoints = readNodeEndpoints(in);
                } else {
                    in.skipRest();
                }
                in.endTaggedField(saved, "tagged fields");
            }
        }
        return new ProduceResponse(Lists.of(topics), throttleTimeMs, nodeEndpoints);
    }

    private static TopicResponse readTopic(ProtocolReader in) {
        String name = null;
        UUID topicId = Uuids.ZERO;
        if (in.version() > ProduceRequest.LAST_VERSION_WITH_TOPIC_NAMES) {
            topicId = in.uuid("topic_id");
        } else {
            name = in.string("topic name");
        }
        PartitionResponse[] partitions = new PartitionResponse[in.arrayLength(22, "partition_responses")];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = readPartition(in);
        }
        if (in.flexible()) {
            in.skipTaggedFields("topic tagged fields");
        }
        return new TopicResponse(name, topicId, Lists.of(partitions));
    }

    private static PartitionResponse readPartition(ProtocolReader in) {
        short v = in.version();
        int index = in.int32("partition index");
        short errorCode = in.int16("partition error_code");
        long baseOffset = in.int64("base_offset");
        long logAppendTimeMs = in.int64("log_append_time_ms");
        long logStartOffset = v >= 5 ? in.int64("log_start_offset") : -1L;
        List<RecordError> recordErrors = v >= 8 ? readRecordErrors(in) : List.of();
        String errorMessage = v >= 8 ? in.nullableString("error_message") : null;
        CurrentLeader currentLeader = CurrentLeader.UNKNOWN;
        if (in.flexible()) {
            int tags = in.taggedFieldCount("partition tagged fields");
            for (int i = 0; i < tags; i++) {
                int tag = in.taggedFieldTag("partition tagged fields");
                int saved = in.beginTaggedField("partition tagged fields");
                if (tag == 0 && v >= FIRST_VERSION_WITH_LEADER_HINTS) {
                    currentLeader = new CurrentLeader(in.int32("current_leader leader_id"), in.int32("current_leader leader_epoch"));
                    in.skipTaggedFields("current_leader tagged fields");
                } else {
                    in.skipRest();
                }
                in.endTaggedField(saved, "partition tagged fields");
            }
        }
        return new PartitionResponse(index, errorCode, baseOffset, logAppendTimeMs, logStartOffset, recordErrors,
                errorMessage, currentLeader);
    }

    private static List<RecordError> readRecordErrors(ProtocolReader in) {
        int n = in.arrayLength(6, "record_errors");
        if (n == 0) {
            return List.of();
        }
        RecordError[] errors = new RecordError[n];
        for (int i = 0; i < n; i++) {
            errors[i] = new RecordError(in.int32("batch_index"), in.nullableString("batch_index_error_message"));
            if (in.flexible()) {
                in.skipTaggedFields("record_errors tagged fields");
            }
        }
        return Lists.of(errors);
    }

    private static List<Node> readNodeEndpoints(ProtocolReader in) {
        Node[] nodes = new Node[in.arrayLength(11, "node_endpoints")];
        for (int i = 0; i < nodes.length; i++) {
            int nodeId = in.int32("node_endpoints node_id");
            String host = in.string("node_endpoints host");
            int port = in.int32("node_endpoints port");
            String rack = in.nullableString("node_endpoints rack");
            in.skipTaggedFields("node_endpoints tagged fields");
            nodes[i] = new Node(nodeId, host, port, rack);
        }
        return Lists.of(nodes);
    }
}
