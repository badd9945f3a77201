package io.sluice.core.metadata;

import io.sluice.api.Node;
import io.sluice.api.TopicPartition;
import io.sluice.api.errors.AuthenticationException;
import io.sluice.api.errors.ConfigException;
import io.sluice.api.errors.NetworkException;
import io.sluice.core.network.BootstrapResolver;
import io.sluice.core.network.ClientRequest;
import io.sluice.core.network.ClientResponse;
import io.sluice.core.network.LeastLoadedNode;
import io.sluice.core.network.MetadataChannel;
import io.sluice.core.network.MetadataUpdates;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.Errors;
import io.sluice.core.protocol.MetadataRequest;
import io.sluice.core.protocol.MetadataResponse;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Metadata} fresh from the sender thread, driven by {@code NetworkClient.poll}: when a
 * refresh is due (asked for, or {@code metadata.max.age.ms} passed) and the retry backoff allows,
 * sends a Metadata request for the topics of interest (never "all topics") to the least loaded
 * broker, connecting to one first if needed, and publishes what comes back.
 *
 * <p>Recovery ({@code metadata.recovery.strategy=rebootstrap}): back to {@code bootstrap.servers}
 * when no known broker is connectable and none is connected (KIP-899), when no refresh succeeded for
 * {@code metadata.recovery.rebootstrap.trigger.ms} since one became due, or when a broker answers
 * REBOOTSTRAP_REQUIRED (KIP-1102).
 *
 * <p>Owned by the sender thread (all methods, including the response handler, run on it).
 */
public final class MetadataUpdater implements MetadataUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataUpdater.class);
    private static final long NOT_ATTEMPTING = Long.MIN_VALUE;

    private final Metadata metadata;
    private final MetadataConfig config;
    /** Newest leader epoch seen per partition (Kafka's stale-metadata rule); survives rebootstraps. */
    private final Map<TopicPartition, Integer> lastEpochs = new HashMap<>();
    private boolean inProgress;
    /** When refresh attempts started without success, for the rebootstrap trigger. */
    private long attemptsStartedMs = NOT_ATTEMPTING;
    private boolean rebootstrapRequired;
    /** Set while {@code bootstrap.servers} has not resolved yet and {@code bootstrap.resolve.timeout.ms} allows waiting. */
    private BootstrapResolver pendingBootstrap;

    /** An updater for {@code metadata} that was already {@link Metadata#bootstrap bootstrapped}. */
    public MetadataUpdater(Metadata metadata, MetadataConfig config) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * An updater that bootstraps {@code metadata} now if {@code bootstrap.servers} resolves, or keeps
     * trying from the sender thread while {@code bootstrap.resolve.timeout.ms} allows; once that is
     * spent, waiting sends fail with the {@link ConfigException}.
     *
     * @throws ConfigException if the entries are malformed, or none resolves and the timeout is 0
     */
    public MetadataUpdater(Metadata metadata, MetadataConfig config, BootstrapResolver bootstrap, long nowMs) {
        this(metadata, config);
        List<InetSocketAddress> addresses = bootstrap.tryResolve(nowMs);
        if (addresses != null) {
            metadata.bootstrap(addresses);
        } else {
            LOG.warn("No entry of bootstrap.servers resolves yet; trying again until bootstrap.resolve.timeout.ms runs out");
            pendingBootstrap = bootstrap;
        }
    }

    public Metadata metadata() {
        return metadata;
    }

    @Override
    public List<Node> nodes() {
        return metadata.cluster().nodes();
    }

    @Override
    public boolean isUpdateDue(long nowMs) {
        return !inProgress && metadata.timeToNextUpdate(nowMs) == 0;
    }

    @Override
    public long maybeUpdate(long nowMs, MetadataChannel channel) {
        if (pendingBootstrap != null) {
            return retryBootstrap(nowMs);
        }
        long untilDue = metadata.timeToNextUpdate(nowMs);
        long wait = Math.max(untilDue, inProgress ? channel.requestTimeoutMs() : 0);
        if (wait > 0) {
            return wait;
        }
        if (attemptsStartedMs == NOT_ATTEMPTING) {
            attemptsStartedMs = nowMs;
        }
        if (config.rebootstrap() && (rebootstrapRequired || nowMs - attemptsStartedMs > config.rebootstrapTriggerMs())) {
            rebootstrap(nowMs);
        }
        LeastLoadedNode choice = channel.leastLoaded(nowMs);
        if (config.rebootstrap() && !choice.hasNodeOrReadyConnection() && !metadata.cluster().isBootstrap()) {
            rebootstrap(nowMs); // KIP-899: none of the known brokers can be reached
            choice = channel.leastLoaded(nowMs);
        }
        Node node = choice.node();
        if (node == null) {
            LOG.debug("No broker available for a metadata request; waiting reconnect.backoff.ms");
            return channel.reconnectBackoffMs();
        }
        if (channel.canSendRequest(node.id(), nowMs)) {
            send(node, nowMs, channel);
            return channel.requestTimeoutMs();
        }
        if (channel.isAnyNodeConnecting()) {
            return channel.reconnectBackoffMs();
        }
        if (channel.canConnect(node, nowMs)) {
            LOG.debug("Connecting to {} to fetch metadata", node);
            channel.initiateConnect(node, nowMs);
            return channel.reconnectBackoffMs();
        }
        return Long.MAX_VALUE; // connected but busy, or connecting: a network event will wake the poll
    }

    @Override
    public void onDisconnect(int nodeId, RuntimeException cause, long nowMs) {
        if (metadata.cluster().nodeById(nodeId) == null) {
            return; // a connection to a broker no longer in the view (e.g. a retired bootstrap address)
        }
        if (cause instanceof AuthenticationException refused) {
            metadata.authenticationFailed(refused); // Kafka's handleServerDisconnect → Metadata.fatalError
        } else if (cause != null) {
            metadata.recordError(cause);
        }
        if (isUpdateDue(nowMs)) {
            metadata.failedUpdate(nowMs, null); // count it as a failed attempt, so the next one backs off
        }
        metadata.requestUpdate(); // the disconnect may come from stale metadata
    }

    @Override
    public void onConnectionReady(int nodeId, long nowMs) {
        metadata.authenticationSucceeded();
    }

    /**
     * Applies a leader hint from a Produce response (KIP-951: NOT_LEADER_OR_FOLLOWER with the new
     * leader and its endpoint), if its epoch is newer than any seen for {@code tp}.
     *
     * @return whether the view changed
     */
    public boolean updateLeader(TopicPartition tp, int leaderId, int leaderEpoch, List<Node> endpoints) {
        Integer seen = lastEpochs.get(tp);
        Cluster current = metadata.cluster();
        if (leaderEpoch < 0 || (seen != null && leaderEpoch <= seen) || current.partition(tp) == null
                || (current.nodeById(leaderId) == null && endpoints.stream().noneMatch(n -> n.id() == leaderId))) {
            return false;
        }
        lastEpochs.put(tp, leaderEpoch);
        metadata.updateCluster(current.withPartitionLeader(tp, leaderId, leaderEpoch, endpoints));
        return true;
    }

    private void send(Node node, long nowMs, MetadataChannel channel) {
        short version = channel.apiVersion(node.id(), ApiKeys.METADATA, ApiKeys.METADATA.latestVersion);
        Metadata.FetchPlan plan = metadata.fetchPlan();
        boolean autoCreate = config.allowAutoCreateTopics() || version < 4; // v1–v3 cannot say no (brokers older than 0.11)
        MetadataRequest body = MetadataRequest.forTopics(plan.topics(), autoCreate);
        LOG.debug("Fetching metadata of {} from {} (Metadata v{})", plan.topics(), node, version);
        inProgress = true;
        channel.sendInternal(new ClientRequest(node.id(), ApiKeys.METADATA, version, body, true, nowMs, channel.requestTimeoutMs(),
                response -> onResponse(response, plan)), nowMs);
    }

    private void onResponse(ClientResponse response, Metadata.FetchPlan plan) {
        inProgress = false;
        long nowMs = response.receivedMs();
        if (response.failed()) {
            LOG.debug("Metadata request to node {} failed: {}", response.nodeId(), response.failure().getMessage());
            metadata.failedUpdate(nowMs, response.failure());
            return;
        }
        MetadataResponse answer = (MetadataResponse) response.body();
        if (answer.errorCode() == Errors.REBOOTSTRAP_REQUIRED.code() && config.rebootstrap()) {
            LOG.info("Broker {} asked this client to rebootstrap", response.nodeId());
            rebootstrapRequired = true;
            metadata.requestUpdate();
            return;
        }
        if (answer.errorCode() != 0) {
            metadata.failedUpdate(nowMs, Errors.exceptionFor(answer.errorCode(), "Metadata from node " + response.nodeId()));
            return;
        }
        if (answer.brokers().isEmpty()) {
            // a broker still starting up may list no brokers: try again later
            metadata.failedUpdate(nowMs, new NetworkException("Node " + response.nodeId() + " answered metadata without any broker"));
            return;
        }
        MetadataResponses.Outcome outcome = MetadataResponses.toCluster(answer, metadata.cluster(), lastEpochs);
        metadata.update(outcome.cluster(), outcome.fatalTopicErrors(), outcome.wantsRefresh(), plan.requestVersion(), nowMs);
        attemptsStartedMs = NOT_ATTEMPTING;
    }

    private long retryBootstrap(long nowMs) {
        long delay = pendingBootstrap.retryDelayMs(nowMs);
        if (delay > 0) {
            return delay;
        }
        try {
            List<InetSocketAddress> addresses = pendingBootstrap.tryResolve(nowMs);
            if (addresses == null) {
                return pendingBootstrap.retryDelayMs(nowMs);
            }
            LOG.info("bootstrap.servers resolved: {}", addresses);
            metadata.bootstrap(addresses);
        } catch (ConfigException e) {
            metadata.fatalError(e);
        }
        pendingBootstrap = null;
        return 0;
    }

    private void rebootstrap(long nowMs) {
        metadata.rebootstrap();
        attemptsStartedMs = nowMs;
        rebootstrapRequired = false;
    }
}
