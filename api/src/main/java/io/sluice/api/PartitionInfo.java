package io.sluice.api;

import java.util.List;
import java.util.Objects;

/**
 * One partition of a topic as the last metadata response described it.
 *
 * @param topic           topic name
 * @param partition       partition number
 * @param leader          the leader broker, or {@code null} while there is none
 * @param replicas        all replicas
 * @param inSyncReplicas  the in-sync replicas
 * @param offlineReplicas replicas that are offline
 */
public record PartitionInfo(String topic, int partition, Node leader, List<Node> replicas,
                            List<Node> inSyncReplicas, List<Node> offlineReplicas) {

    /**
     * Copies the replica lists, so a {@code PartitionInfo} is immutable.
     *
     * @param topic           topic name, not {@code null}
     * @param partition       partition number
     * @param leader          the leader broker, or {@code null} while there is none
     * @param replicas        all replicas, not {@code null} (empty if unknown)
     * @param inSyncReplicas  the in-sync replicas, not {@code null}
     * @param offlineReplicas replicas that are offline, not {@code null}
     * @throws NullPointerException if {@code topic} or a list is null, or a list holds null
     */
    public PartitionInfo {
        Objects.requireNonNull(topic, "topic");
        replicas = List.copyOf(replicas);
        inSyncReplicas = List.copyOf(inSyncReplicas);
        offlineReplicas = List.copyOf(offlineReplicas);
    }
}
