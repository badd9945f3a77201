package io.sluice.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.sluice.testkit.fault.BrokerControl;
import io.sluice.testkit.fault.FaultProxy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka cluster (KRaft) running in this JVM: one combined broker+controller node, or several
 * brokers beside one dedicated controller. Brokers listen on 127.0.0.1 only, with PLAINTEXT, and with the TLS and
 * SASL listeners the builder adds ({@link #bootstrapServers(String)}, {@link #clientConfig(String)}).
 *
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaCluster.builder().brokers(3).fastFailover().start()) {
 *     kafka.createTopic("orders", 3, 3);
 *     // produce to kafka.bootstrapServers() ...
 *     List<ConsumerRecord<byte[], byte[]>> read = kafka.readAll("orders", 100, Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>With {@link KafkaClusterBuilder#withFaultProxies()}, clients reach each broker through its own
 * {@link FaultProxy} ({@link #proxy(int)}): the brokers advertise the proxies' addresses, so every connection a
 * client makes after bootstrapping goes through them too, while replication, this cluster's {@link #admin()} and
 * {@link #readAll} use a separate listener that bypasses them ({@link #directBootstrapServers()}). The cluster
 * implements {@link BrokerControl}, so a {@link io.sluice.testkit.fault.FaultSchedule} can stop and restart its
 * brokers.
 *
 * <p>Thread-safe. Broker lifecycle calls ({@link #stopBroker}, {@link #restartBroker}, {@link #close}) are
 * serialized by the cluster's monitor; queries may run from any thread at any time. Waits use a 30 s timeout
 * unless a method takes one; timeouts throw {@link IllegalStateException} naming what was awaited.
 */
public final class KafkaCluster implements BrokerControl, AutoCloseable {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final ClusterSpec spec;
    private final Path baseDirectory;
    private final String clusterId;
    private final ClusterNodes nodes;
    private final Admin admin;
    private final TopicOperations topics;
    private final ScramUsers scramUsers;
    private final TestCertificates certificates; // null without TLS listeners

    // guarded by this
    private boolean closed;

    private KafkaCluster(ClusterSpec spec, Path baseDirectory, String clusterId, ClusterNodes nodes,
                         TestCertificates certificates) {
        this.spec = spec;
        this.baseDirectory = baseDirectory;
        this.clusterId = clusterId;
        this.nodes = nodes;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, nodes.directBootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "sluice-testkit-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
        this.topics = new TopicOperations(admin, nodes);
        this.scramUsers = new ScramUsers(admin, nodes);
        this.certificates = certificates;
    }

    /** A builder for a one-broker cluster, to change as needed. */
    public static KafkaClusterBuilder builder() {
        return new KafkaClusterBuilder();
    }

    static KafkaCluster start(ClusterSpec spec) {
        if (!spec.exitJvmOnFatalFault()) {
            FatalFaultGuard.install();
        }
        Path base = spec.dataDirectory().orElseGet(() -> Directories.createTemp("sluice-kafka-"));
        String clusterId = StorageFormatter.existingClusterId(base).orElseGet(() -> Uuid.randomUuid().toString());
        for (int attempt = 1; ; attempt++) {
            ClusterNodes nodes = null;
            KafkaCluster cluster = null;
            try {
                TestCertificates certificates = certificatesFor(spec, base);
                nodes = ClusterNodes.create(spec, base, clusterId, certificates);
                nodes.startAll();
                cluster = new KafkaCluster(spec, base, clusterId, nodes, certificates);
                cluster.topics.awaitRegistered(new TreeSet<>(nodes.brokerIds()), DEFAULT_TIMEOUT);
                return cluster;
            } catch (RuntimeException e) {
                cleanUpFailedStart(cluster, nodes, e);
                if (attempt < START_ATTEMPTS && ClusterNodes.isPortClash(e)) {
                    continue; // another process took a port between picking and binding: pick again
                }
                if (spec.dataDirectory().isEmpty()) {
                    Directories.deleteRecursively(base);
                }
                throw e;
            }
        }
    }

    private static TestCertificates certificatesFor(ClusterSpec spec, Path base) {
        if (!spec.security().usesTls()) {
            return spec.security().certificates();
        }
        return spec.security().certificates() != null
                ? spec.security().certificates() : TestCertificates.in(base.resolve("certificates"));
    }

    private static void cleanUpFailedStart(KafkaCluster cluster, ClusterNodes nodes, RuntimeException failure) {
        try {
            if (cluster != null) {
                cluster.admin.close(Duration.ofSeconds(5));
            }
            if (nodes != null) {
                nodes.close();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the start failure stays the error reported
        }
    }

    /**
     * {@code 127.0.0.1:port} of every broker, comma-separated, for a client's {@code bootstrap.servers}. With fault
     * proxies, the proxies' addresses.
     */
    public String bootstrapServers() {
        return nodes.bootstrapServers();
    }

    /**
     * {@code 127.0.0.1:port} of every broker's listener {@code listenerName}: {@code PLAINTEXT}, or a secured listener
     * added with the builder ({@code SSL}, {@code SASL_PLAINTEXT}, {@code SASL_SSL}, or the name given).
     *
     * @throws IllegalArgumentException if the cluster has no such listener
     */
    public String bootstrapServers(String listenerName) {
        if (!listenerName.equals(NodeConfigs.BROKER_LISTENER)) {
            spec.security().listener(listenerName);
        }
        return nodes.bootstrapServers(listenerName);
    }

    /**
     * The certificates of the TLS listeners (the CA, the broker's and a client's).
     *
     * @throws IllegalStateException if the cluster has no TLS listener and none were given
     */
    public TestCertificates certificates() {
        if (certificates == null) {
            throw new IllegalStateException("This cluster has no TLS listener; add one with "
                    + "KafkaClusterBuilder.sslListener or saslSslListener");
        }
        return certificates;
    }

    /**
     * The Kafka client settings to reach listener {@code listenerName}: {@code bootstrap.servers},
     * {@code security.protocol}, and for TLS listeners {@code ssl.truststore.*} (plus {@code ssl.keystore.*} when the
     * listener requires a client certificate). For a SASL listener, add {@code sasl.mechanism} and
     * {@code sasl.jaas.config}, or use {@link #clientConfig(String, SaslMechanism, String, String)}.
     */
    public Map<String, Object> clientConfig(String listenerName) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers(listenerName));
        if (listenerName.equals(NodeConfigs.BROKER_LISTENER)) {
            config.put("security.protocol", "PLAINTEXT");
            return config;
        }
        ListenerSpec listener = spec.security().listener(listenerName);
        config.put("security.protocol", listener.protocol());
        if (listener.usesTls()) {
            config.putAll(listener.requireClientCertificate()
                    ? certificates.clientMutualTlsConfig() : certificates.clientTrustConfig());
        }
        return config;
    }

    /**
     * {@link #clientConfig(String)} for a SASL listener, logged in as {@code user} with {@code mechanism}: adds
     * {@code sasl.mechanism} and {@code sasl.jaas.config} (Kafka's login module syntax).
     */
    public Map<String, Object> clientConfig(String listenerName, SaslMechanism mechanism, String user,
                                            String password) {
        Map<String, Object> config = clientConfig(listenerName);
        config.put("sasl.mechanism", mechanism.mechanismName());
        config.put("sasl.jaas.config", mechanism.clientJaasConfig(user, password));
        return config;
    }

    /**
     * Creates (or updates) a SCRAM user through the Admin API and returns once every running broker knows it, so a
     * client can log in with it at once on any SASL listener that enables {@code mechanism}.
     */
    public void createScramUser(String user, String password, SaslMechanism mechanism) {
        checkOpen();
        scramUsers.create(Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"),
                mechanism, DEFAULT_TIMEOUT);
    }

    /**
     * Like {@link #bootstrapServers()}, but past the fault proxies (the brokers' internal listener): for oracles that
     * must not suffer the faults, such as a consumer checking what a producer wrote. Without fault proxies, the same
     * as {@link #bootstrapServers()}.
     */
    public String directBootstrapServers() {
        return nodes.directBootstrapServers();
    }

    /** The broker ids, ascending: 1 to the number of brokers. */
    @Override
    public List<Integer> brokerIds() {
        return nodes.brokerIds();
    }

    /** {@code 127.0.0.1:port} where clients reach one broker, running or not: its proxy's, with fault proxies. */
    public String brokerAddress(int brokerId) {
        return nodes.broker(brokerId).spec().brokerAddress();
    }

    /** Whether clients reach the brokers through fault proxies ({@link KafkaClusterBuilder#withFaultProxies()}). */
    public boolean hasFaultProxies() {
        return !nodes.proxies().isEmpty();
    }

    /**
     * The fault proxy in front of broker {@code brokerId}. It lives as long as the cluster, across broker restarts.
     *
     * @throws IllegalStateException if the cluster has no fault proxies
     */
    public FaultProxy proxy(int brokerId) {
        checkProxies();
        nodes.broker(brokerId); // names the brokers if the id is wrong
        return nodes.proxies().get(brokerId);
    }

    /**
     * Every broker's fault proxy, in broker id order.
     *
     * @throws IllegalStateException if the cluster has no fault proxies
     */
    public List<FaultProxy> proxies() {
        checkProxies();
        return List.copyOf(nodes.proxies().values());
    }

    /** The KRaft cluster id. */
    public String clusterId() {
        return clusterId;
    }

    /** The version of the Kafka brokers, e.g. {@code 4.4.0}. */
    public String kafkaVersion() {
        return KafkaVersion.current();
    }

    /**
     * Stops a broker the way a crash would look to the rest of the cluster: no controlled shutdown, so its
     * leaderships move only once the controller fences it ({@code broker.session.timeout.ms}, 3 s with
     * {@link KafkaClusterBuilder#fastFailover()}). Its data stays. Stopping a stopped broker does nothing.
     * For a real SIGKILL, use {@link ForkedKafka}.
     */
    @Override
    public synchronized void stopBroker(int brokerId) {
        checkOpen();
        nodes.broker(brokerId).stop();
    }

    /**
     * Starts a new broker instance on the same data directory and port (stopping the running one first, if any);
     * returns once the controller has registered and unfenced it. Whether it is back in a partition's ISR is
     * {@link #awaitInSync(String)}'s question.
     */
    @Override
    public synchronized void restartBroker(int brokerId) {
        checkOpen();
        InProcessNode broker = nodes.broker(brokerId);
        broker.stop();
        broker.start();
    }

    /** Whether the broker runs (it was not stopped, or was restarted since). */
    @Override
    public boolean isRunning(int brokerId) {
        return nodes.broker(brokerId).isRunning();
    }

    /** Restarts every stopped broker; returns the ids restarted. Lets a shared cluster heal between tests. */
    public synchronized Set<Integer> restartStoppedBrokers() {
        checkOpen();
        Set<Integer> restarted = new TreeSet<>();
        for (int brokerId : nodes.brokerIds()) {
            if (!nodes.broker(brokerId).isRunning()) {
                nodes.broker(brokerId).start();
                restarted.add(brokerId);
            }
        }
        return restarted;
    }

    /** Creates a topic; see {@link #createTopic(String, int, int, Map)}. */
    public void createTopic(String topic, int partitions, int replicationFactor) {
        createTopic(topic, partitions, replicationFactor, Map.of());
    }

    /**
     * Creates a topic with topic configs (e.g. {@code min.insync.replicas}) and returns once every running broker
     * knows all its partitions and their leaders, so a client bootstrapping from any broker finds it at once.
     *
     * @throws IllegalStateException if Kafka refuses (the topic exists, too few brokers, ...); the message says why
     */
    public void createTopic(String topic, int partitions, int replicationFactor, Map<String, String> configs) {
        Objects.requireNonNull(topic, "topic");
        if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("replicationFactor " + replicationFactor + " must be 1 or more");
        }
        topics.create(topic, partitions, (short) replicationFactor, configs, DEFAULT_TIMEOUT);
    }

    /** The id of the partition's current leader, or -1 while it has none. */
    @Override
    public int leaderOf(String topic, int partition) {
        return topics.leaderOf(topic, partition, DEFAULT_TIMEOUT);
    }

    /** Waits until the partition is led by a broker other than {@code previousLeader}, and returns its id. */
    public int awaitNewLeader(String topic, int partition, int previousLeader) {
        return topics.awaitNewLeader(topic, partition, previousLeader, DEFAULT_TIMEOUT);
    }

    /** Waits until every replica of every partition of {@code topic} is in sync. */
    @Override
    public void awaitInSync(String topic) {
        topics.awaitInSync(topic, DEFAULT_TIMEOUT);
    }

    /**
     * The cluster's Admin client, connected past any fault proxies. Owned by the cluster: do not close it;
     * {@link #close()} does.
     */
    public Admin admin() {
        return admin;
    }

    /**
     * Reads a topic back with the official consumer; see {@link TopicReader#readAll}. It connects past any fault
     * proxies ({@link #directBootstrapServers()}), so faults injected for a producer do not disturb the check.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expectedCount, Duration timeout) {
        return TopicReader.readAll(directBootstrapServers(), topic, expectedCount, timeout);
    }

    /**
     * Reads a topic back with the official consumer over a listener of choice, e.g.
     * {@code readAll(clientConfig("SASL_SSL", SCRAM_SHA_256, "bob", "bob-secret"), topic, 10, timeout)}.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(Map<String, Object> clientConfig, String topic,
                                                        int expectedCount, Duration timeout) {
        return TopicReader.readAll(clientConfig, topic, expectedCount, timeout);
    }

    /**
     * The record batches of a partition as its current leader stored them on disk (see {@link StoredBatch}).
     * Batches the leader has not yet finished writing are left out.
     */
    public List<StoredBatch> storedBatches(String topic, int partition) {
        int leader = leaderOf(topic, partition);
        if (leader < 0) {
            throw new IllegalStateException(topic + "-" + partition + " has no leader now; "
                    + "use storedBatches(brokerId, topic, partition) to read a replica");
        }
        return storedBatches(leader, topic, partition);
    }

    /** The record batches of a partition as broker {@code brokerId} stored them (it must hold a replica). */
    public List<StoredBatch> storedBatches(int brokerId, String topic, int partition) {
        return LogSegmentReader.read(logDirectory(brokerId).resolve(topic + "-" + partition));
    }

    /** The log directory ({@code log.dirs}) of a broker. */
    public Path logDirectory(int brokerId) {
        return nodes.broker(brokerId).spec().directory();
    }

    /**
     * Closes the Admin client, stops every node and deletes the data unless it lives in a
     * {@link KafkaClusterBuilder#dataDirectory kept directory}. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            admin.close(Duration.ofSeconds(5));
            nodes.close();
        } finally {
            if (spec.dataDirectory().isEmpty()) {
                Directories.deleteRecursively(baseDirectory);
            }
        }
    }

    @Override
    public String toString() {
        return "KafkaCluster[" + spec.brokers() + " broker(s) at " + bootstrapServers()
                + (hasFaultProxies() ? " (fault proxies)" : "") + ", cluster id " + clusterId + "]";
    }

    private void checkProxies() {
        if (!hasFaultProxies()) {
            throw new IllegalStateException("This cluster has no fault proxies; build it with "
                    + "KafkaCluster.builder().withFaultProxies()");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("This KafkaCluster is closed; start a new one");
        }
    }
}
