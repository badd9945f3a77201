package io.sluice.core.protocol;

import io.sluice.api.Node;
import java.util.List;
import java.util.UUID;

/**
 * Produce response (key 0), v3–v13 ({@code ProduceResponse.json}); decoded by
 * {@link ProduceResponseDecoder}. Fields a version does not carry hold Kafka's defaults.
 *
 * @param topics         per topic, per partition results
 * @param throttleTimeMs quota throttle, ms
 * @param nodeEndpoints  v10+ tagged (KIP-951): the brokers named as {@code currentLeader} of
 *                       partitions that failed with NOT_LEADER_OR_FOLLOWER, so the producer can
 *                       redirect without waiting for a metadata refresh; empty otherwise
 */
public record ProduceResponse(List<TopicResponse> topics, int throttleTimeMs, List<Node> nodeEndpoints)
        implements ResponseBody {

    /**
     * @param name       the topic name (v3–v12); null in v13+
     * @param topicId    the topic id (v13+); {@link Uuids#ZERO} before
     * @param partitions the partitions of the request, with their results
     */
    public record TopicResponse(String name, UUID topicId, List<PartitionResponse> partitions) {
    }

    /**
     * The result for one partition's batch.
     *
     * @param index           the partition
     * @param errorCode       0, or the reason the batch was not appended; see {@link Errors}
     * @param baseOffset      the offset of the batch's first record, −1 on error
     * @param logAppendTimeMs the broker's timestamp if the topic uses LogAppendTime, else −1
     * @param logStartOffset  v5+, else −1: helps judge UNKNOWN_PRODUCER_ID
     * @param recordErrors    v8+ (KIP-467): the records that made the broker drop the batch
     * @param errorMessage    v8+: a summary of why, or null
     * @param currentLeader   v10+ tagged (KIP-951): the new leader on NOT_LEADER_OR_FOLLOWER,
     *                        {@link CurrentLeader#UNKNOWN} otherwise
     */
    public record PartitionResponse(int index, short errorCode, long baseOffset, long logAppendTimeMs, long logStartOffset,
                                    List<RecordError> recordErrors, String errorMessage, CurrentLeader currentLeader) {
    }

    /**
     * @param batchIndex   the index of the record within its batch
     * @param errorMessage why it was refused, or null
     */
    public record RecordError(int batchIndex, String errorMessage) {
    }

    /**
     * @param leaderId    the broker id of the current leader, −1 if unknown
     * @param leaderEpoch its epoch, −1 if unknown
     */
    public record CurrentLeader(int leaderId, int leaderEpoch) {
        public static final CurrentLeader UNKNOWN = new CurrentLeader(-1, -1);

        public boolean isKnown() {
            return leaderId >= 0 && leaderEpoch >= 0;
        }
    }
}
