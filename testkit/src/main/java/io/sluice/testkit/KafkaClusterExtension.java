package io.sluice.testkit;

import java.util.Objects;
import java.util.Set;

import io.sluice.testkit.fault.FaultProxy;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JUnit 5 extension that gives a test class a running {@link KafkaCluster}, shared by every test class of the
 * JVM (the Surefire fork) that asks for the same configuration.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();
 *
 * @Test
 * void writesAndReads() {
 *     String topic = kafka.createTopic("orders", 3, 1);   // a unique name
 *     // produce to kafka.bootstrapServers() ...
 *     assertThat(kafka.cluster().readAll(topic, 10, Duration.ofSeconds(30))).hasSize(10);
 * }
 * }</pre>
 *
 * <p>The first cluster of a JVM starts in a few seconds, later ones in about one, so clusters are kept in the
 * root {@link ExtensionContext.Store} and closed (data deleted) when the test run of the JVM ends. Because the
 * cluster is shared:
 * <ul>
 *   <li>use a new topic per test ({@link #createTopic}, {@link #uniqueTopic});</li>
 *   <li>a test may stop brokers: after each test the extension restarts any stopped broker;</li>
 *   <li>a test may inject faults through the {@link KafkaCluster#proxies() fault proxies}: after each test the
 *       extension heals them (open connections stay);</li>
 *   <li>tests needing other broker settings ask for another configuration ({@link #of}): equal configurations
 *       share one cluster, different ones get their own.</li>
 * </ul>
 * Register it in a {@code static} field; an instance field works too, but starts the cluster before the first
 * test instead of before the class.
 *
 * <p>Thread-safe: the store's computation starts each configuration's cluster once.
 */
public final class KafkaClusterExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaClusterExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            KafkaClusterExtension.class);

    private final ClusterSpec spec;
    private volatile KafkaCluster cluster;

    private KafkaClusterExtension(ClusterSpec spec) {
        this.spec = spec;
    }

    /**
     * One combined broker+controller node with {@link KafkaClusterBuilder#fastFailover() fast fail-over}, so that
     * restarting it takes about 3.5 s instead of 10.5.
     */
    public static KafkaClusterExtension singleNode() {
        return of(KafkaCluster.builder().fastFailover());
    }

    /**
     * {@code count} brokers beside one controller, with {@link KafkaClusterBuilder#fastFailover() fast fail-over}
     * (a stopped broker loses its leaderships after about 3 s).
     */
    public static KafkaClusterExtension brokers(int count) {
        return of(KafkaCluster.builder().brokers(count).fastFailover());
    }

    /** The cluster {@code builder} describes (read once, now); equal descriptions share one cluster. */
    public static KafkaClusterExtension of(KafkaClusterBuilder builder) {
        ClusterSpec spec = Objects.requireNonNull(builder, "builder").spec();
        if (spec.dataDirectory().isPresent() || spec.firstBrokerPort() != 0) {
            throw new IllegalArgumentException("A shared test cluster uses free ports and a temporary directory; "
                    + "drop firstBrokerPort/dataDirectory, or start a KafkaCluster of your own");
        }
        return new KafkaClusterExtension(spec);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = sharedCluster(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (cluster == null) {
            cluster = sharedCluster(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (cluster == null) {
            return; // the cluster failed to start; the test has reported why
        }
        if (cluster.hasFaultProxies()) {
            cluster.proxies().forEach(FaultProxy::heal);
        }
        Set<Integer> restarted = cluster.restartStoppedBrokers();
        if (!restarted.isEmpty()) {
            LOG.info("Restarted brokers {} that {} left stopped", restarted, context.getDisplayName());
        }
    }

    /**
     * The running cluster.
     *
     * @throws IllegalStateException before JUnit ran the extension's callbacks (e.g. in a static initializer)
     */
    public KafkaCluster cluster() {
        KafkaCluster running = cluster;
        if (running == null) {
            throw new IllegalStateException("The Kafka cluster is not started yet: use it from @BeforeAll, @BeforeEach "
                    + "or a test, and register the extension with @RegisterExtension");
        }
        return running;
    }

    /** {@link KafkaCluster#bootstrapServers()} of the cluster. */
    public String bootstrapServers() {
        return cluster().bootstrapServers();
    }

    /** A topic name no other test uses (see {@link TopicNames#unique}); the topic is not created. */
    public String uniqueTopic(String hint) {
        return TopicNames.unique(hint);
    }

    /** Creates a topic with a unique name built from {@code hint} and returns the name. */
    public String createTopic(String hint, int partitions, int replicationFactor) {
        String topic = uniqueTopic(hint);
        cluster().createTopic(topic, partitions, replicationFactor);
        return topic;
    }

    private KafkaCluster sharedCluster(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(spec, KafkaCluster::start, KafkaCluster.class);
    }
}
