package io.sluice.core.metadata;

import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import io.sluice.api.TopicPartition;
import io.sluice.api.spi.TopicLayout;
import io.sluice.core.accumulate.PartitionLeaders;
import io.sluice.core.protocol.Uuids;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The producer's view of the cluster at one moment: brokers by id, and for each topic of interest
 * its id, partitions (leader, leader epoch, replicas, in-sync and offline replicas) and the
 * {@link TopicLayout} its partitioner sees. Built by the metadata layer from each metadata
 * response; before the first one, a bootstrap view holds only the {@code bootstrap.servers}
 * addresses (ids -1, -2, ...).
 *
 * <p>Immutable; safe to share between any threads. Lookups are hash-map reads.
 */
public final class Cluster implements PartitionLeaders {

    private static final Cluster EMPTY = new Cluster(null, -1, List.of(), List.of(), false);

    private final String clusterId;
    private final int controllerId;
    private final boolean bootstrap;
    private final List<Node> nodes;
    private final Map<Integer, Node> nodesById;
    private final Map<String, TopicState> topics;
    private final Map<UUID, String> topicNamesById;
    private final Map<Integer, List<TopicPartition>> partitionsByLeader;

    /**
     * @param clusterId    the cluster id, or {@code null} (Metadata v1)
     * @param controllerId the controller's id, -1 if unknown
     * @param nodes        the brokers
     * @param topics       the topics (built with these brokers)
     */
    private Cluster(String clusterId, int controllerId, List<Node> nodes, Collection<TopicState> topics, boolean bootstrap) {
        this.clusterId = clusterId;
        this.controllerId = controllerId;
        this.bootstrap = bootstrap;
        this.nodes = List.copyOf(nodes);
        Map<Integer, Node> byId = new HashMap<>();
        for (Node node : this.nodes) {
            byId.put(node.id(), node);
        }
        this.nodesById = Collections.unmodifiableMap(byId);
        Map<String, TopicState> byName = new LinkedHashMap<>();
        Map<UUID, String> names = new HashMap<>();
        Map<Integer, List<TopicPartition>> byLeader = new HashMap<>();
        for (TopicState topic : topics) {
            byName.put(topic.name, topic);
            if (!Uuids.isZero(topic.topicId)) {
                names.put(topic.topicId, topic.name);
            }
            for (PartitionState partition : topic.partitions) {
                if (partition.leaderId() >= 0 && byId.containsKey(partition.leaderId())) {
                    byLeader.computeIfAbsent(partition.leaderId(), id -> new ArrayList<>()).add(partition.topicPartition());
                }
            }
        }
        byLeader.replaceAll((id, list) -> List.copyOf(list));
        this.topics = Collections.unmodifiableMap(byName);
        this.topicNamesById = Collections.unmodifiableMap(names);
        this.partitionsByLeader = Collections.unmodifiableMap(byLeader);
    }

    /** No brokers, no topics. */
    public static Cluster empty() {
        return EMPTY;
    }

    /** The bootstrap view: one node per address, ids -1, -2, ... in order; no topics. */
    public static Cluster bootstrap(List<InetSocketAddress> addresses) {
        List<Node> nodes = new ArrayList<>(addresses.size());
        int id = -1;
        for (InetSocketAddress address : addresses) {
            nodes.add(new Node(id--, address.getHostString(), address.getPort()));
        }
        return new Cluster(null, -1, nodes, List.of(), true);
    }

    /**
     * The bootstrap view for a rebootstrap that keeps what is known of the topics: connections go to
     * the bootstrap addresses again and leaders are unknown until a broker answers, while partition
     * counts stay, so records keep being partitioned (a key's partition does not move) and buffered
     * (up to {@code buffer.memory}) instead of waiting for metadata.
     */
    public Cluster rebootstrapped(List<InetSocketAddress> addresses) {
        return new Cluster(null, -1, bootstrap(addresses).nodes, topics.values(), true);
    }

    /**
     * A cluster of {@code nodes} and {@code topics}.
     *
     * @param topics each topic's partitions (any order; gaps in numbering become leaderless
     *               partitions), keyed by name, with its id or {@link Uuids#ZERO}
     */
    public static Cluster of(String clusterId, int controllerId, List<Node> nodes, List<TopicDescription> topics) {
        Map<Integer, Node> byId = new HashMap<>();
        for (Node node : nodes) {
            byId.put(node.id(), node);
        }
        List<TopicState> states = new ArrayList<>(topics.size());
        for (TopicDescription topic : topics) {
            states.add(TopicState.of(topic.name(), topic.topicId(), topic.internal(), topic.partitions(), byId));
        }
        return new Cluster(clusterId, controllerId, nodes, states, false);
    }

    /**
     * A topic for {@link #of}.
     *
     * @param topicId    the id, or {@link Uuids#ZERO} if unknown
     * @param partitions its partitions
     */
    public record TopicDescription(String name, UUID topicId, boolean internal, List<PartitionState> partitions) {
        public TopicDescription {
            partitions = List.copyOf(partitions);
        }
    }

    /** Whether this is the bootstrap view (no metadata response yet). */
    public boolean isBootstrap() {
        return bootstrap;
    }

    /** The cluster id, or {@code null} if unknown. */
    public String clusterId() {
        return clusterId;
    }

    /** The controller's id as metadata named it, -1 if unknown. */
    public int controllerId() {
        return controllerId;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The broker with {@code id}, or {@code null}. */
    public Node nodeById(int id) {
        return nodesById.get(id);
    }

    /** The topics this view describes (those of interest the last response knew). */
    public Set<String> topics() {
        return topics.keySet();
    }

    /** The number of partitions of {@code topic}, or -1 if the topic is not known. */
    public int partitionCount(String topic) {
        TopicState state = topics.get(topic);
        return state == null ? -1 : state.partitions.length;
    }

    /** The partitioner's view of {@code topic}, or {@code null} if the topic is not known. */
    public TopicLayout topicLayout(String topic) {
        TopicState state = topics.get(topic);
        return state == null ? null : state.layout;
    }

    /** {@code topic}'s partitions for {@code Producer.partitionsFor}, in partition order; empty if unknown. */
    public List<PartitionInfo> partitionsForTopic(String topic) {
        TopicState state = topics.get(topic);
        return state == null ? List.of() : state.layout.partitions();
    }

    /** One partition's metadata, or {@code null} if unknown. */
    public PartitionState partition(TopicPartition tp) {
        TopicState state = topics.get(tp.topic());
        return state == null || tp.partition() < 0 || tp.partition() >= state.partitions.length ? null : state.partitions[tp.partition()];
    }

    /** One partition in the API's form, or {@code null} if unknown. */
    public PartitionInfo partitionInfo(TopicPartition tp) {
        TopicState state = topics.get(tp.topic());
        return state == null || tp.partition() < 0 || tp.partition() >= state.partitions.length ? null
                : state.layout.partitions().get(tp.partition());
    }

    /** The leader of {@code tp}, or {@code null} if unknown or leaderless (or the leader is not among the brokers). */
    public Node leaderFor(TopicPartition tp) {
        PartitionState partition = partition(tp);
        return partition == null || partition.leaderId() < 0 ? null : nodesById.get(partition.leaderId());
    }

    /** The leader epoch of {@code tp}, -1 if unknown. */
    public int leaderEpoch(TopicPartition tp) {
        PartitionState partition = partition(tp);
        return partition == null ? -1 : partition.leaderEpoch();
    }

    /** The partitions whose leader is broker {@code nodeId} (the sender drains them into one request), in topic then partition order. */
    public List<TopicPartition> partitionsForNode(int nodeId) {
        return partitionsByLeader.getOrDefault(nodeId, List.of());
    }

    @Override
    public Node leaderFor(String topic, int partition) {
        TopicState state = topics.get(topic);
        if (state == null || partition < 0 || partition >= state.partitions.length) {
            return null;
        }
        int leaderId = state.partitions[partition].leaderId();
        return leaderId < 0 ? null : nodesById.get(leaderId);
    }

    @Override
    public List<TopicPartition> partitionsLedBy(int nodeId) {
        return partitionsForNode(nodeId);
    }

    /** The id of {@code topic}, or {@link Uuids#ZERO} if unknown (Metadata before v10, or unknown topic). */
    public UUID topicId(String topic) {
        TopicState state = topics.get(topic);
        return state == null ? Uuids.ZERO : state.topicId;
    }

    /** The topic with id {@code topicId}, or {@code null}. */
    public String topicName(UUID topicId) {
        return topicNamesById.get(topicId);
    }

    /** Every topic's id by name, for topics whose id is known. */
    public Map<String, UUID> topicIds() {
        Map<String, UUID> ids = new HashMap<>();
        for (Map.Entry<UUID, String> e : topicNamesById.entrySet()) {
            ids.put(e.getValue(), e.getKey());
        }
        return ids;
    }

    /**
     * This view with {@code tp} led by {@code leaderId} at {@code leaderEpoch}, adding or updating
     * the brokers in {@code endpoints} (KIP-951 hints from Produce responses). Unknown topics and
     * partitions are returned unchanged.
     */
    public Cluster withPartitionLeader(TopicPartition tp, int leaderId, int leaderEpoch, List<Node> endpoints) {
        TopicState topic = topics.get(tp.topic());
        PartitionState partition = partition(tp);
        if (topic == null || partition == null) {
            return this;
        }
        List<Node> merged = new ArrayList<>(nodes);
        Map<Integer, Node> byId = new HashMap<>(nodesById);
        for (Node endpoint : endpoints) {
            Node previous = byId.put(endpoint.id(), endpoint);
            if (previous != null) {
                merged.remove(previous);
            }
            merged.add(endpoint);
        }
        boolean nodesChanged = merged.size() != nodes.size() || !merged.containsAll(nodes);
        List<TopicState> states = new ArrayList<>(topics.size());
        for (TopicState state : topics.values()) {
            TopicState updated = state == topic ? state.with(partition.withLeader(leaderId, leaderEpoch), byId)
                    : nodesChanged ? state.withNodes(byId) : state;
            states.add(updated);
        }
        return new Cluster(clusterId, controllerId, merged, states, bootstrap);
    }

    /** Topics as built by the metadata layer, by name (package use). */
    Map<String, TopicState> topicStates() {
        return topics;
    }

    /** A cluster of {@code nodes} and prepared topic states (package use). */
    static Cluster ofStates(String clusterId, int controllerId, List<Node> nodes, Collection<TopicState> topics) {
        return new Cluster(clusterId, controllerId, nodes, topics, false);
    }

    @Override
    public String toString() {
        return "Cluster{id=" + clusterId + (bootstrap ? ", bootstrap" : "") + ", nodes=" + nodes + ", topics=" + topics.keySet() + "}";
    }
}
