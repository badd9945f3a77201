package io.sluice.core.metadata;

import io.sluice.api.errors.AuthenticationException;
import io.sluice.api.errors.InterruptException;
import io.sluice.api.errors.ProducerClosedException;
import io.sluice.api.errors.SaslAuthenticationException;
import io.sluice.api.errors.SslAuthenticationException;
import io.sluice.api.errors.TimeoutException;
import io.sluice.api.spi.TopicLayout;
import io.sluice.core.protocol.Errors;
import io.sluice.core.time.ExponentialBackoff;
import io.sluice.core.time.Time;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's metadata, shared by user threads and the sender: the current {@link Cluster}, the
 * topics of interest (with when each was last used; {@code metadata.max.idle.ms} drops idle ones),
 * when the next refresh is due, and a wait for user threads until a topic is known.
 *
 * <p>Who calls what:
 * <ul>
 *   <li>User threads: {@link #awaitTopic} (blocks up to {@code max.block.ms}), {@link #tryTopic}
 *       (never blocks), {@link #cluster()}, {@link #requestUpdate()}.</li>
 *   <li>The sender thread, through {@link MetadataUpdater}: {@link #bootstrap}, the fetch plan,
 *       {@link #update}, {@link #failedUpdate}, {@link #timeToNextUpdate}. Also
 *       {@link #requestUpdate()} after errors such as NOT_LEADER_OR_FOLLOWER.</li>
 * </ul>
 *
 * <p>Thread-safety: {@link #cluster()} is a volatile read; the topics of interest are a concurrent
 * map touched without locking on every send; everything else is guarded by {@code this}, whose
 * monitor waiting user threads sleep on until the sender publishes a new version.
 */
public final class Metadata {

    private static final Logger LOG = LoggerFactory.getLogger(Metadata.class);

    /** How a user thread sleeps on the monitor until an update; tests step a manual clock instead. */
    @FunctionalInterface
    public interface Waiter {
        /** Waits on {@code monitor} (held by the caller) for at most {@code timeoutMs}. */
        void await(Object monitor, long timeoutMs) throws InterruptedException;
    }

    /** {@link Object#wait(long)}. */
    public static final Waiter MONITOR_WAIT = (monitor, timeoutMs) -> monitor.wait(timeoutMs);

    /** What to ask the broker for, and which update requests that answers. */
    public record FetchPlan(Set<String> topics, int requestVersion) {
    }

    /**
     * One topic of interest. Its last use is wall-clock time ({@link Time#milliseconds()}), as in
     * Kafka's producer metadata: a send reads the wall clock anyway for its record's timestamp, so
     * recording the use costs no clock read of its own. The idle check in {@link #fetchPlan} reads the
     * same clock.
     */
    private static final class Interest {
        volatile long lastUseMs;

        Interest(long nowMs) {
            lastUseMs = nowMs;
        }

        /**
         * Records a use at {@code nowMs}. Writes only when the millisecond changed: every send touches
         * its topic, and a volatile write (a full fence on x86, and the cache line taken from the other
         * sending threads) per record for a value that moves once a millisecond is wasted. Concurrent
         * senders may store their {@code nowMs} in any order, as before; the idle check only needs a
         * recent use, not the latest to the millisecond.
         */
        void touch(long nowMs) {
            if (lastUseMs != nowMs) {
                lastUseMs = nowMs;
            }
        }
    }

    private final MetadataConfig config;
    private final Time time;
    private final Runnable wakeupSender;
    private final Waiter waiter;
    private final ExponentialBackoff refreshBackoff;
    private final ConcurrentHashMap<String, Interest> topics = new ConcurrentHashMap<>();
    private volatile Cluster cluster = Cluster.empty();

    // Guarded by this.
    private int updateVersion;
    private int requestVersion;
    private boolean needUpdate;
    private boolean newTopicsPending;
    private long lastSuccessfulRefreshMs;
    private long retryAfterMs = Long.MIN_VALUE;
    private int failedAttempts;
    private List<InetSocketAddress> bootstrapAddresses = List.of();
    private Map<String, Errors> fatalTopicErrors = Map.of();
    private RuntimeException lastError;
    private RuntimeException fatalError;
    /** A broker refused authentication, and no connection or refresh succeeded since (volatile: the sender reads it each turn). */
    private volatile AuthenticationException authenticationError;
    private boolean closed;

    /**
     * @param wakeupSender makes the sender's poll return, so a refresh a user thread asks for is sent now
     */
    public Metadata(MetadataConfig config, Time time, Runnable wakeupSender) {
        this(config, time, wakeupSender, new Random(), MONITOR_WAIT);
    }

    public Metadata(MetadataConfig config, Time time, Runnable wakeupSender, Random random, Waiter waiter) {
        this.config = Objects.requireNonNull(config, "config");
        this.time = Objects.requireNonNull(time, "time");
        this.wakeupSender = Objects.requireNonNull(wakeupSender, "wakeupSender");
        this.waiter = Objects.requireNonNull(waiter, "waiter");
        this.refreshBackoff = ExponentialBackoff.doubling(config.retryBackoffMs(), config.retryBackoffMaxMs(), random);
    }

    /** The current view. Any thread; never blocks. */
    public Cluster cluster() {
        return cluster;
    }

    /** Bumped by every update of the view. */
    public synchronized int version() {
        return updateVersion;
    }

    // ---- user threads ----

    /**
     * Waits until {@code topic} (and {@code partition}, if given) is in the metadata, asking the
     * sender for a refresh as needed.
     *
     * @param partition the partition the record was sent to explicitly, or {@code null}
     * @return the view that knows the topic
     * @throws TimeoutException after {@code maxWaitMs}, with Kafka's wording ("Topic X not present in
     *         metadata after N ms." or "Partition P of topic X with partition count C is not present in
     *         metadata after N ms."), the last connection problem attached as cause
     * @throws AuthenticationException at once (TLS or SASL) while a broker's refusal to authenticate
     *         this producer stands (Kafka's {@code Metadata.fatalError}): no refresh can come
     * @throws io.sluice.api.errors.TopicAuthorizationException at once if the broker refused the topic
     * @throws io.sluice.api.errors.InvalidTopicException at once if the topic name is invalid
     * @throws InterruptException if the thread is interrupted while waiting
     * @throws ProducerClosedException if the producer closes meanwhile
     */
    public Cluster awaitTopic(String topic, Integer partition, long maxWaitMs) {
        awaitLayout(topic, partition, maxWaitMs);
        return cluster; // the view that knew the topic, or a newer one
    }

    /**
     * {@link #awaitTopic} for the send path: the topic's layout itself, found with one lookup in the
     * view (the view's own {@code partitionCount} and {@code topicLayout} would look it up twice).
     * Each call reads the current view, so partition count changes and re-created topics show at once.
     *
     * @return the layout of {@code topic} in the view that knows it (and {@code partition}, if given)
     * @throws TimeoutException etc. as {@link #awaitTopic}
     */
    public TopicLayout awaitLayout(String topic, Integer partition, long maxWaitMs) {
        Objects.requireNonNull(topic, "topic");
        long startMs = time.monotonicMs();
        boolean added = addInterest(topic);
        TopicLayout layout = knownLayout(cluster, topic, partition);
        if (layout != null) {
            return layout;
        }
        long deadlineMs = maxWaitMs > Long.MAX_VALUE - startMs ? Long.MAX_VALUE : startMs + maxWaitMs;
        synchronized (this) {
            while (true) {
                throwIfFailed(topic);
                Cluster view = cluster;
                layout = knownLayout(view, topic, partition);
                if (layout != null) {
                    return layout;
                }
                long nowMs = time.monotonicMs();
                if (nowMs >= deadlineMs) {
                    throw notPresent(topic, partition, view.partitionCount(topic), maxWaitMs);
                }
                addInterest(topic);
                if (!added) {
                    needUpdate = true;
                    requestVersion++;
                }
                added = false;
                int version = updateVersion;
                wakeupSender.run();
                awaitVersionAfter(version, topic, deadlineMs);
            }
        }
    }

    /**
     * The send path's check before {@link #awaitLayout} or {@link #tryLayout}: the layout of {@code topic}
     * if the producer already wants the topic and the current view knows it (and {@code partition}, if
     * given), with its use recorded at {@code wallClockMs}; otherwise {@code null}, with nothing else done (no
     * interest added, no refresh asked for), so that the caller then waits or asks exactly as before.
     * Reads no clock: a send whose topic is known reads the wall clock once, in the caller, for its
     * record's timestamp and this use. Any thread.
     *
     * @param wallClockMs {@link Time#milliseconds()} now
     */
    public TopicLayout knownLayout(String topic, Integer partition, long wallClockMs) {
        Interest interest = topics.get(topic);
        if (interest == null) {
            return null;
        }
        TopicLayout layout = knownLayout(cluster, topic, partition);
        if (layout != null) {
            interest.touch(wallClockMs);
        }
        return layout;
    }

    /**
     * The non-blocking variant of {@link #awaitTopic} (for {@code trySend}): the view if it knows
     * {@code topic} (and {@code partition}), else {@code null} after asking the sender for a refresh.
     *
     * @throws io.sluice.api.errors.TopicAuthorizationException, io.sluice.api.errors.InvalidTopicException
     *         as {@link #awaitTopic} does; {@link ProducerClosedException} if closed
     */
    public Cluster tryTopic(String topic, Integer partition) {
        return tryLayout(topic, partition) == null ? null : cluster;
    }

    /** {@link #tryTopic} for the send path: the topic's layout (one lookup), or {@code null}. */
    public TopicLayout tryLayout(String topic, Integer partition) {
        Objects.requireNonNull(topic, "topic");
        boolean added = addInterest(topic);
        TopicLayout layout = knownLayout(cluster, topic, partition);
        if (layout != null) {
            return layout;
        }
        synchronized (this) {
            throwIfFailed(topic);
            if (!added) {
                needUpdate = true;
                requestVersion++;
            }
        }
        wakeupSender.run();
        return null;
    }

    /** Asks for a refresh (after {@code retry.backoff.ms} since the last one). Any thread. */
    public synchronized void requestUpdate() {
        needUpdate = true;
        requestVersion++;
    }

    /** Asks for a refresh now, ignoring the backoff: a topic nobody asked about before is wanted. */
    public synchronized void requestUpdateForNewTopics() {
        newTopicsPending = true;
        requestVersion++;
    }

    /** The topics of interest now (a copy). */
    public Set<String> topicsOfInterest() {
        return Set.copyOf(topics.keySet());
    }

    // ---- sender thread ----

    /** Starts from the bootstrap addresses (negative ids); a refresh is due at once. */
    public synchronized void bootstrap(List<InetSocketAddress> addresses) {
        bootstrapAddresses = List.copyOf(addresses);
        cluster = Cluster.bootstrap(bootstrapAddresses);
        needUpdate = true;
        updateVersion++;
        notifyAll();
    }

    /** Back to the bootstrap addresses ({@code metadata.recovery.strategy=rebootstrap}). */
    public synchronized void rebootstrap() {
        LOG.info("Rebootstrapping with {}: no known broker could be reached", bootstrapAddresses.stream()
                .map(a -> a.getHostString() + ":" + a.getPort()).toList());
        cluster = cluster.rebootstrapped(bootstrapAddresses);
        needUpdate = true;
        updateVersion++;
        notifyAll();
    }

    /** How long (ms) until a refresh is due: now if asked for, after backoff; else when the view gets too old. */
    public synchronized long timeToNextUpdate(long nowMs) {
        if (cluster.nodes().isEmpty()) {
            return Long.MAX_VALUE;
        }
        if (newTopicsPending) {
            return 0;
        }
        long untilAllowed = retryAfterMs == Long.MIN_VALUE ? 0 : Math.max(retryAfterMs - nowMs, 0);
        long untilExpired = needUpdate ? 0 : Math.max(lastSuccessfulRefreshMs + config.maxAgeMs() - nowMs, 0);
        return Math.max(untilAllowed, untilExpired);
    }

    /**
     * The topics to fetch now (idle ones forgotten first: unused for {@code metadata.max.idle.ms} by the
     * wall clock, see {@link Interest}) and the request version they answer.
     */
    public synchronized FetchPlan fetchPlan() {
        long wallClockMs = time.milliseconds();
        topics.entrySet().removeIf(e -> {
            boolean idle = wallClockMs - e.getValue().lastUseMs > config.maxIdleMs();
            if (idle) {
                LOG.debug("Forgetting the metadata of topic {}: unused for more than metadata.max.idle.ms={}", e.getKey(), config.maxIdleMs());
            }
            return idle;
        });
        newTopicsPending = false;
        return new FetchPlan(new LinkedHashSet<>(topics.keySet()), requestVersion);
    }

    /**
     * Publishes a new view from a metadata response and wakes waiting user threads.
     *
     * @param fatalTopicErrors topics the broker refused for good (authorization, invalid name)
     * @param wantsRefresh     the response had retriable problems (e.g. partitions without leader):
     *                         refresh again after the (growing) retry backoff
     * @param answeredVersion  the request version of the {@link FetchPlan} this answers
     */
    public synchronized void update(Cluster next, Map<String, Errors> fatalTopicErrors, boolean wantsRefresh,
                                    int answeredVersion, long nowMs) {
        cluster = Objects.requireNonNull(next, "next");
        this.fatalTopicErrors = Map.copyOf(fatalTopicErrors);
        updateVersion++;
        lastSuccessfulRefreshMs = nowMs;
        needUpdate = wantsRefresh || requestVersion > answeredVersion;
        failedAttempts = wantsRefresh ? failedAttempts + 1 : 0;
        retryAfterMs = nowMs + refreshBackoff.backoff(Math.max(failedAttempts - 1, 0));
        lastError = null;
        authenticationError = null;
        notifyAll();
    }

    /** Publishes a view changed by the sender itself (KIP-951 leader hints). */
    public synchronized void updateCluster(Cluster next) {
        cluster = Objects.requireNonNull(next, "next");
        updateVersion++;
        notifyAll();
    }

    /** A refresh failed (no response, or an unusable one): try again after the growing backoff. */
    public synchronized void failedUpdate(long nowMs, RuntimeException cause) {
        failedAttempts++;
        retryAfterMs = nowMs + refreshBackoff.backoff(failedAttempts - 1);
        if (cause != null) {
            lastError = cause;
        }
    }

    /** A problem worth telling a user whose wait times out (e.g. a broker too old); attached as cause. */
    public synchronized void recordError(RuntimeException error) {
        lastError = error;
    }

    /** A problem no wait can outlast (e.g. bootstrap addresses that never resolve): waiting threads throw it. */
    public synchronized void fatalError(RuntimeException error) {
        fatalError = error;
        notifyAll();
    }

    /**
     * A broker refused to authenticate this producer (TLS or SASL): threads waiting for metadata, and
     * those that start waiting, fail with it at once until a connection authenticates or a refresh
     * succeeds. Sender thread.
     */
    public synchronized void authenticationFailed(AuthenticationException error) {
        authenticationError = Objects.requireNonNull(error, "error");
        lastError = error;
        notifyAll();
    }

    /** The refusal that stands (see {@link #authenticationFailed}), or {@code null}. Any thread. */
    public AuthenticationException authenticationFailure() {
        return authenticationError;
    }

    /** A connection authenticated: an earlier refusal no longer stands. Sender thread. */
    public synchronized void authenticationSucceeded() {
        authenticationError = null;
    }

    /** Wakes waiting threads, which throw {@link ProducerClosedException}. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    // ---- internals ----

    /** {@code topic}'s layout if {@code view} knows it (and {@code partition}, if given), else null. One lookup. */
    private static TopicLayout knownLayout(Cluster view, String topic, Integer partition) {
        TopicLayout layout = view.topicLayout(topic);
        return layout != null && (partition == null || partition < layout.partitionCount()) ? layout : null;
    }

    /** Records use of {@code topic}; returns true if it was not of interest before (then a refresh is asked for now). */
    private boolean addInterest(String topic) {
        long wallClockMs = time.milliseconds();
        Interest interest = topics.get(topic);
        if (interest != null) {
            interest.touch(wallClockMs);
            return false;
        }
        if (topics.putIfAbsent(topic, new Interest(wallClockMs)) == null) {
            requestUpdateForNewTopics();
            return true;
        }
        return false;
    }

    private void awaitVersionAfter(int version, String topic, long deadlineMs) {
        try {
            while (updateVersion == version && !closed && fatalError == null && authenticationError == null
                    && !fatalTopicErrors.containsKey(topic)) {
                long remainingMs = deadlineMs - time.monotonicMs();
                if (remainingMs <= 0) {
                    return;
                }
                waiter.await(this, remainingMs);
            }
        } catch (InterruptedException e) {
            throw new InterruptException("Interrupted while waiting for metadata of topic " + topic, e);
        }
    }

    private void throwIfFailed(String topic) {
        if (closed) {
            throw new ProducerClosedException("The producer was closed while waiting for metadata of topic " + topic);
        }
        if (fatalError != null) {
            throw fatalError;
        }
        if (authenticationError != null) {
            throw forCaller(authenticationError);
        }
        Errors error = fatalTopicErrors.get(topic);
        if (error != null) {
            throw error.exception("metadata for topic " + topic);
        }
    }

    /** The same failure, thrown in the caller's thread (its stack trace), the sender's as the cause. */
    private static AuthenticationException forCaller(AuthenticationException e) {
        if (e instanceof SslAuthenticationException) {
            return new SslAuthenticationException(e.getMessage(), e);
        }
        if (e instanceof SaslAuthenticationException) {
            return new SaslAuthenticationException(e.getMessage(), e);
        }
        return new AuthenticationException(e.getMessage(), e);
    }

    private TimeoutException notPresent(String topic, Integer partition, int count, long maxWaitMs) {
        String message = partition != null && count >= 0
                ? "Partition " + partition + " of topic " + topic + " with partition count " + count
                        + " is not present in metadata after " + maxWaitMs + " ms."
                : "Topic " + topic + " not present in metadata after " + maxWaitMs + " ms.";
        // Kafka's first sentence, then what the user needs to know to fix it.
        if (cluster.isBootstrap()) {
            message += " No broker answered: metadata could not be fetched from bootstrap.servers=" + bootstrapAddresses.stream()
                    .map(a -> a.getHostString() + ":" + a.getPort()).toList()
                    + (lastError == null ? "" : " (last error: " + lastError.getMessage() + ")")
                    + ". Check that the brokers run and are reachable from here, and that bootstrap.servers names them.";
        } else if (partition == null || count < 0) {
            message += " The cluster does not know the topic: create it, or let brokers auto-create topics "
                    + "(auto.create.topics.enable on the broker and allow.auto.create.topics on the producer).";
        }
        return lastError == null ? new TimeoutException(message) : new TimeoutException(message, lastError);
    }
}
