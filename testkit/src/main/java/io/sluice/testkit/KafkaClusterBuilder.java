package io.sluice.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Describes a {@link KafkaCluster} and starts it. Obtain one with {@link KafkaCluster#builder()}.
 *
 * <p>Not thread-safe: one thread configures it, then calls {@link #start()} (which may be called again for
 * another cluster of the same shape).
 *
 * <p>Brokers always listen on 127.0.0.1 only, with a PLAINTEXT listener (used between brokers, by the cluster's
 * Admin client and by {@link KafkaCluster#readAll}). Secured listeners can be added beside it: TLS
 * ({@link #sslListener}), SASL without and with TLS ({@link #saslPlaintextListener}, {@link #saslSslListener}) with
 * PLAIN users ({@link #plainUser}) and SCRAM users ({@link KafkaCluster#createScramUser}); certificates come from
 * {@link TestCertificates}, made when the cluster starts unless given ({@link #certificates}).
 *
 * <pre>{@code
 * KafkaCluster kafka = KafkaCluster.builder()
 *         .sslListener()                                                  // "SSL"
 *         .sslListener("MTLS", true)                                      // client certificates required
 *         .saslPlaintextListener(SaslMechanism.PLAIN, SaslMechanism.SCRAM_SHA_256)   // "SASL_PLAINTEXT"
 *         .saslSslListener(SaslMechanism.SCRAM_SHA_512)                   // "SASL_SSL"
 *         .plainUser("alice", "alice-secret")
 *         .start();
 * kafka.createScramUser("bob", "bob-secret", SaslMechanism.SCRAM_SHA_256);
 * Map<String, Object> client = kafka.clientConfig("SASL_SSL", SaslMechanism.SCRAM_SHA_512, "bob", "bob-secret");
 * }</pre>
 *
 * <p>Defaults over Kafka's own, all overridable with {@link #property(String, String)}:
 * <ul>
 *   <li>{@code controlled.shutdown.enable=false}: {@link KafkaCluster#stopBroker(int)} looks like a crash to the
 *       cluster, and closing is quick;</li>
 *   <li>replication factor and min ISR of the internal topics fit the number of brokers, with 5 partitions each
 *       instead of 50 (a consumer group's first join costs far less);</li>
 *   <li>{@code group.initial.rebalance.delay.ms=0};</li>
 *   <li>{@code log.cleaner.dedupe.buffer.size=2097152} instead of 128 MB per broker;</li>
 *   <li>{@code server.max.startup.time.ms=120000}: a broker that cannot reach its controller fails to start
 *       instead of waiting for ever;</li>
 *   <li>unstable API and feature versions off, metadata version the latest production one: the broker
 *       advertises what a released Kafka 4.4 broker advertises.</li>
 * </ul>
 */
public final class KafkaClusterBuilder {

    /** Keys the testkit sets itself, because they decide where nodes listen and keep data. */
    private static final Set<String> RESERVED = Set.of(
            "process.roles", "node.id", "broker.id", "listeners", "advertised.listeners",
            "listener.security.protocol.map", "inter.broker.listener.name", "controller.listener.names",
            "controller.quorum.voters", "controller.quorum.bootstrap.servers", "log.dirs", "log.dir",
            "metadata.log.dir");

    private int brokers = 1;
    private final Map<String, String> clusterProperties = new TreeMap<>();
    private final Map<Integer, Map<String, String>> perBroker = new TreeMap<>();
    private int firstBrokerPort;
    private Path dataDirectory;
    private boolean exitJvmOnFatalFault;
    private final List<ListenerSpec> listeners = new ArrayList<>();
    private final Map<String, String> plainUsers = new TreeMap<>();
    private TestCertificates certificates;
    private boolean faultProxies;

    KafkaClusterBuilder() {
    }

    /**
     * Number of brokers, numbered 1 to {@code count}. One broker runs as a single combined broker+controller node;
     * two or more run beside one dedicated controller (three combined nodes fail on Kafka 4.4.0). Default 1.
     */
    public KafkaClusterBuilder brokers(int count) {
        if (count < 1 || count > 9) {
            throw new IllegalArgumentException("brokers(" + count + ") is out of range: use 1 to 9 brokers");
        }
        this.brokers = count;
        return this;
    }

    /**
     * Sets a Kafka server config (e.g. {@code min.insync.replicas}, {@code auto.create.topics.enable}) on every
     * node: the brokers and the controller, since the controller reads some settings that concern brokers
     * ({@code broker.session.timeout.ms}; {@code default.replication.factor} and {@code num.partitions} for topics
     * created without them).
     */
    public KafkaClusterBuilder property(String key, String value) {
        clusterProperties.put(checkKey(key), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Sets a Kafka server config on broker {@code brokerId} only, over the cluster-wide value. */
    public KafkaClusterBuilder brokerProperty(int brokerId, String key, String value) {
        if (brokerId < 1) {
            throw new IllegalArgumentException("brokerId " + brokerId + " does not exist: brokers are numbered from 1");
        }
        perBroker.computeIfAbsent(brokerId, id -> new TreeMap<>()).put(checkKey(key), Objects.requireNonNull(value));
        return this;
    }

    /** Sets several Kafka server configs on every node, as {@link #property(String, String)} does. */
    public KafkaClusterBuilder properties(Map<String, String> properties) {
        properties.forEach(this::property);
        return this;
    }

    /**
     * Fast fail-over: a stopped broker is fenced after 3 s ({@code broker.session.timeout.ms=3000},
     * {@code broker.heartbeat.interval.ms=500}), so a partition gets a new leader in about 3 s; a restarted broker
     * is back in the ISR in about 1 s, and restarting the node of a one-node cluster takes about 3.5 s. Without it,
     * Kafka's 9 s session timeout applies: a new leader after about 9 s, and the one-node restart takes about
     * 10.5 s, because the restarted controller refuses the new broker registration until the previous one's
     * session has expired.
     */
    public KafkaClusterBuilder fastFailover() {
        property("broker.session.timeout.ms", "3000");
        property("broker.heartbeat.interval.ms", "500");
        return this;
    }

    /**
     * Listens on fixed ports: broker {@code n} on {@code port + n - 1} (with {@link #withFaultProxies()}, its proxy
     * does, and the broker itself on a free port). Default: free ports picked at start.
     */
    public KafkaClusterBuilder firstBrokerPort(int port) {
        if (port < 1 || port > 65535 - brokers) {
            throw new IllegalArgumentException("firstBrokerPort(" + port + ") is not a usable TCP port");
        }
        this.firstBrokerPort = port;
        return this;
    }

    /**
     * Keeps the nodes' data in {@code directory} (created if missing, kept on close, reused by a later cluster of
     * the same shape). Default: a temporary directory deleted on close.
     */
    public KafkaClusterBuilder dataDirectory(Path directory) {
        this.dataDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * Whether a fatal fault in a node may end the JVM, as Kafka does in a real broker process. Default
     * {@code false}: the fault is logged and reported in the next timeout from the cluster, and the test JVM lives.
     * {@link LocalKafka} turns it on.
     */
    public KafkaClusterBuilder exitJvmOnFatalFault(boolean exit) {
        this.exitJvmOnFatalFault = exit;
        return this;
    }

    /** Adds a TLS listener named {@code SSL}, without client certificates. */
    public KafkaClusterBuilder sslListener() {
        return sslListener("SSL", false);
    }

    /**
     * Adds a TLS listener (security protocol SSL) with the broker certificate of {@link TestCertificates}
     * (names {@code localhost} and {@code 127.0.0.1}).
     *
     * @param name                     the listener name, upper case, e.g. {@code SSL} or {@code MTLS}
     * @param requireClientCertificate {@code ssl.client.auth=required}: clients must present a certificate signed
     *                                 by the test CA ({@link TestCertificates#clientMutualTlsConfig()})
     */
    public KafkaClusterBuilder sslListener(String name, boolean requireClientCertificate) {
        return listener(new ListenerSpec(name, "SSL", requireClientCertificate, List.of()));
    }

    /** Adds a SASL listener without TLS named {@code SASL_PLAINTEXT}, enabling {@code mechanisms}. */
    public KafkaClusterBuilder saslPlaintextListener(SaslMechanism... mechanisms) {
        return saslPlaintextListener("SASL_PLAINTEXT", mechanisms);
    }

    /** Adds a SASL listener without TLS (security protocol SASL_PLAINTEXT), enabling {@code mechanisms}. */
    public KafkaClusterBuilder saslPlaintextListener(String name, SaslMechanism... mechanisms) {
        return listener(new ListenerSpec(name, "SASL_PLAINTEXT", false, List.of(mechanisms)));
    }

    /** Adds a SASL listener over TLS named {@code SASL_SSL}, enabling {@code mechanisms}. */
    public KafkaClusterBuilder saslSslListener(SaslMechanism... mechanisms) {
        return saslSslListener("SASL_SSL", mechanisms);
    }

    /** Adds a SASL listener over TLS (security protocol SASL_SSL), enabling {@code mechanisms}. */
    public KafkaClusterBuilder saslSslListener(String name, SaslMechanism... mechanisms) {
        return listener(new ListenerSpec(name, "SASL_SSL", false, List.of(mechanisms)));
    }

    /**
     * Defines a PLAIN user in the brokers' JAAS configuration ({@code user_<name>="<password>"}), for every listener
     * that enables PLAIN. SCRAM users are created after start: {@link KafkaCluster#createScramUser}.
     */
    public KafkaClusterBuilder plainUser(String name, String password) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("PLAIN user name " + name + " must be letters, digits, _, . or - "
                    + "(it becomes a JAAS option name)");
        }
        plainUsers.put(name, Objects.requireNonNull(password, "password"));
        return this;
    }

    /**
     * Uses these certificates for TLS listeners. Default: a new set in the cluster's directory, made at start (a few
     * seconds; reused with a kept {@link #dataDirectory}).
     */
    public KafkaClusterBuilder certificates(TestCertificates certificates) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        return this;
    }

    /**
     * Puts a {@link io.sluice.testkit.fault.FaultProxy} in front of every broker, started before the brokers on a
     * free port (or on {@link #firstBrokerPort(int) fixed ports}). Each broker advertises its proxy's address on the
     * PLAINTEXT listener, so clients bootstrapping from {@link KafkaCluster#bootstrapServers()} send every request
     * through the proxies; the brokers replicate over a separate INTERNAL listener that the proxies never see, and
     * the cluster's own Admin and readers use it too ({@link KafkaCluster#directBootstrapServers()}).
     */
    public KafkaClusterBuilder withFaultProxies() {
        this.faultProxies = true;
        return this;
    }

    /** Starts the cluster; returns once every broker is registered and unfenced. */
    public KafkaCluster start() {
        return KafkaCluster.start(spec());
    }

    ClusterSpec spec() {
        for (int brokerId : perBroker.keySet()) {
            if (brokerId > brokers) {
                throw new IllegalStateException("brokerProperty(" + brokerId + ", ...) names a broker that does not "
                        + "exist: the cluster has brokers 1 to " + brokers);
            }
        }
        boolean plainEnabled = listeners.stream().anyMatch(l -> l.mechanisms().contains(SaslMechanism.PLAIN));
        if (plainEnabled && plainUsers.isEmpty()) {
            throw new IllegalStateException("A listener enables SASL PLAIN but no PLAIN user is defined; add "
                    + "plainUser(name, password)");
        }
        return new ClusterSpec(brokers, Collections2.immutableSorted(clusterProperties),
                Collections2.immutableSortedNested(perBroker),
                firstBrokerPort, Optional.ofNullable(dataDirectory), exitJvmOnFatalFault, faultProxies,
                new SecuritySpec(listeners, Collections2.immutableSorted(plainUsers), certificates));
    }

    private KafkaClusterBuilder listener(ListenerSpec listener) {
        if (listeners.stream().anyMatch(existing -> existing.name().equals(listener.name()))) {
            throw new IllegalArgumentException("A listener named " + listener.name() + " was added already; "
                    + "give the second one another name");
        }
        listeners.add(listener);
        return this;
    }

    private static String checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (RESERVED.contains(key)) {
            throw new IllegalArgumentException("Broker property " + key + " is set by the testkit (nodes listen on "
                    + "127.0.0.1 and keep data in its directories); use firstBrokerPort(int) or dataDirectory(Path)");
        }
        return key;
    }
}
