package io.sluice.core.metadata;

import io.sluice.api.TopicPartition;
import io.sluice.core.protocol.Errors;
import io.sluice.core.protocol.MetadataResponse;
import io.sluice.core.protocol.Uuids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a metadata response into the next {@link Cluster}, applying Kafka's rules:
 * <ul>
 *   <li><b>Stale metadata</b>: a partition whose leader epoch is older than the newest the producer
 *       has seen keeps its previous state (a lagging broker answered); an epoch at least as new
 *       replaces it. Without epochs (Metadata before v7) the response is taken as is. A topic whose
 *       id changed (deleted and re-created) starts its epochs afresh.</li>
 *   <li><b>Topic errors</b>: TOPIC_AUTHORIZATION_FAILED and INVALID_TOPIC_EXCEPTION are fatal for the
 *       topic (waiting sends fail at once); UNKNOWN_TOPIC_OR_PARTITION leaves the topic unknown (a
 *       waiting send keeps waiting, and refreshes while it waits); other retriable topic errors and
 *       partitions without leader ask for another refresh after the retry backoff.</li>
 * </ul>
 * Stateless; the epochs map passed in is the caller's (the sender thread's).
 */
final class MetadataResponses {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataResponses.class);

    private MetadataResponses() {
    }

    /**
     * @param cluster          the new view
     * @param fatalTopicErrors per topic: the error that fails its sends
     * @param wantsRefresh     whether something retriable is pending (leaderless partitions, topic being created)
     */
    record Outcome(Cluster cluster, Map<String, Errors> fatalTopicErrors, boolean wantsRefresh) {
    }

    /**
     * @param previous   the view before this response (for stale partitions)
     * @param lastEpochs newest leader epoch seen per partition; updated here
     */
    static Outcome toCluster(MetadataResponse response, Cluster previous, Map<TopicPartition, Integer> lastEpochs) {
        Map<String, Errors> fatal = new HashMap<>();
        Map<String, Errors> retriable = new HashMap<>();
        List<Cluster.TopicDescription> topics = new ArrayList<>();
        boolean wantsRefresh = false;
        for (MetadataResponse.TopicMetadata topic : response.topics()) {
            if (topic.name() == null) {
                continue; // asked by an id the broker does not know; we ask by name only
            }
            Errors error = Errors.forCode(topic.errorCode());
            if (topic.errorCode() != 0) {
                if (error == Errors.TOPIC_AUTHORIZATION_FAILED || error == Errors.INVALID_TOPIC_EXCEPTION) {
                    fatal.put(topic.name(), error);
                } else {
                    retriable.put(topic.name(), error);
                    wantsRefresh |= error != Errors.UNKNOWN_TOPIC_OR_PARTITION && Errors.isRetriable(topic.errorCode());
                }
                continue;
            }
            forgetEpochsIfRecreated(topic, previous, lastEpochs);
            List<PartitionState> partitions = new ArrayList<>(topic.partitions().size());
            for (MetadataResponse.PartitionMetadata partition : topic.partitions()) {
                TopicPartition tp = new TopicPartition(topic.name(), partition.partitionIndex());
                partitions.add(current(tp, partition, previous, lastEpochs));
                // No leader, or an error that a refresh may clear (a missing follower alone does not stop sends).
                wantsRefresh |= partition.leaderId() < 0 || (partition.errorCode() != 0
                        && partition.errorCode() != Errors.REPLICA_NOT_AVAILABLE.code() && Errors.isRetriable(partition.errorCode()));
            }
            topics.add(new Cluster.TopicDescription(topic.name(), topic.topicId(), topic.isInternal(), partitions));
        }
        if (!fatal.isEmpty() || !retriable.isEmpty()) {
            LOG.warn("The metadata response reported topic errors: {}", merged(fatal, retriable));
        }
        Cluster cluster = Cluster.of(response.clusterId(), response.controllerId(), response.brokers(), topics);
        return new Outcome(cluster, fatal, wantsRefresh);
    }

    /** The partition to keep: the response's unless it is older than an epoch already seen. */
    private static PartitionState current(TopicPartition tp, MetadataResponse.PartitionMetadata partition, Cluster previous,
                                          Map<TopicPartition, Integer> lastEpochs) {
        PartitionState fresh = new PartitionState(tp, partition.leaderId(), partition.leaderEpoch(), partition.replicaNodes(),
                partition.isrNodes(), partition.offlineReplicas());
        if (partition.leaderEpoch() < 0) {
            lastEpochs.remove(tp);
            return fresh;
        }
        Integer seen = lastEpochs.get(tp);
        if (seen == null || partition.leaderEpoch() >= seen) {
            lastEpochs.put(tp, partition.leaderEpoch());
            return fresh;
        }
        PartitionState known = previous.partition(tp);
        if (known != null && known.leaderEpoch() == seen) {
            LOG.debug("Ignoring stale metadata for {}: leader epoch {} is older than {}", tp, partition.leaderEpoch(), seen);
            return known;
        }
        // We saw a newer epoch (e.g. a KIP-951 hint) but hold no state for it: the response is the best there is.
        return fresh;
    }

    private static void forgetEpochsIfRecreated(MetadataResponse.TopicMetadata topic, Cluster previous,
                                                Map<TopicPartition, Integer> lastEpochs) {
        java.util.UUID before = previous.topicId(topic.name());
        if (!Uuids.isZero(before) && !Uuids.isZero(topic.topicId()) && !before.equals(topic.topicId())) {
            LOG.info("Topic {} was re-created (id {} is now {}); forgetting its leader epochs", topic.name(), before, topic.topicId());
            lastEpochs.keySet().removeIf(tp -> tp.topic().equals(topic.name()));
        }
    }

    private static Map<String, Errors> merged(Map<String, Errors> a, Map<String, Errors> b) {
        Map<String, Errors> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }
}
