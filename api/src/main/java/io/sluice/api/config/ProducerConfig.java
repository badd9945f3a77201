package io.sluice.api.config;

import static io.sluice.api.config.ConfigKey.NO_DEFAULT;
import static io.sluice.api.config.ConfigValidator.any;
import static io.sluice.api.config.ConfigValidator.atLeast;
import static io.sluice.api.config.ConfigValidator.between;
import static io.sluice.api.config.ConfigValidator.either;
import static io.sluice.api.config.ConfigValidator.oneOf;
import static io.sluice.api.config.ConfigValidator.oneOfIgnoreCase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key the producer understands, with Apache Kafka's names, defaults and
 * meaning (Kafka 4.x), so that existing producer properties work unchanged. Keys that Sluice adds
 * start with {@code sluice.}.
 *
 * <p>This class is the single table of keys: a constant per key for code, and
 * {@link #keys()} with type, default, valid values and doc for the parser and the docs.
 */
public final class ProducerConfig {

    // ---- connecting ----
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    public static final String CLIENT_ID_CONFIG = "client.id";
    public static final String CLIENT_DNS_LOOKUP_CONFIG = "client.dns.lookup";
    public static final String CLIENT_RACK_CONFIG = "client.rack";
    public static final String BOOTSTRAP_RESOLVE_TIMEOUT_MS_CONFIG = "bootstrap.resolve.timeout.ms";
    public static final String SECURITY_PROVIDERS_CONFIG = "security.providers";
    public static final String SECURITY_PROTOCOL_CONFIG = "security.protocol";
    public static final String SEND_BUFFER_CONFIG = "send.buffer.bytes";
    public static final String RECEIVE_BUFFER_CONFIG = "receive.buffer.bytes";
    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = "connections.max.idle.ms";
    public static final String RECONNECT_BACKOFF_MS_CONFIG = "reconnect.backoff.ms";
    public static final String RECONNECT_BACKOFF_MAX_MS_CONFIG = "reconnect.backoff.max.ms";
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG = "socket.connection.setup.timeout.ms";
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG = "socket.connection.setup.timeout.max.ms";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "request.timeout.ms";

    // ---- metadata ----
    public static final String METADATA_MAX_AGE_CONFIG = "metadata.max.age.ms";
    public static final String METADATA_MAX_IDLE_CONFIG = "metadata.max.idle.ms";
    public static final String ALLOW_AUTO_CREATE_TOPICS_CONFIG = "allow.auto.create.topics";
    public static final String METADATA_RECOVERY_STRATEGY_CONFIG = "metadata.recovery.strategy";
    public static final String METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG = "metadata.recovery.rebootstrap.trigger.ms";

    // ---- the record's way: serializers, partitioner, interceptors ----
    public static final String KEY_SERIALIZER_CLASS_CONFIG = "key.serializer";
    public static final String VALUE_SERIALIZER_CLASS_CONFIG = "value.serializer";
    public static final String PARTITIONER_CLASS_CONFIG = "partitioner.class";
    public static final String PARTITIONER_IGNORE_KEYS_CONFIG = "partitioner.ignore.keys";
    public static final String PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG = "partitioner.adaptive.partitioning.enable";
    public static final String PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG = "partitioner.availability.timeout.ms";
    public static final String PARTITIONER_RACK_AWARE_CONFIG = "partitioner.rack.aware";
    public static final String INTERCEPTOR_CLASSES_CONFIG = "interceptor.classes";

    // ---- batching and memory ----
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    public static final String LINGER_MS_CONFIG = "linger.ms";
    public static final String BUFFER_MEMORY_CONFIG = "buffer.memory";
    public static final String MAX_BLOCK_MS_CONFIG = "max.block.ms";
    public static final String MAX_REQUEST_SIZE_CONFIG = "max.request.size";
    public static final String BUFFER_MEMORY_ALLOCATION_STRATEGY_CONFIG = "buffer.memory.allocation.strategy";

    // ---- compression ----
    public static final String COMPRESSION_TYPE_CONFIG = "compression.type";
    public static final String COMPRESSION_GZIP_LEVEL_CONFIG = "compression.gzip.level";
    public static final String COMPRESSION_LZ4_LEVEL_CONFIG = "compression.lz4.level";
    public static final String COMPRESSION_ZSTD_LEVEL_CONFIG = "compression.zstd.level";

    // ---- delivery ----
    public static final String ACKS_CONFIG = "acks";
    public static final String RETRIES_CONFIG = "retries";
    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "retry.backoff.max.ms";
    public static final String DELIVERY_TIMEOUT_MS_CONFIG = "delivery.timeout.ms";
    public static final String MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION = "max.in.flight.requests.per.connection";
    public static final String ENABLE_IDEMPOTENCE_CONFIG = "enable.idempotence";
    public static final String TRANSACTIONAL_ID_CONFIG = "transactional.id";
    public static final String TRANSACTION_TIMEOUT_CONFIG = "transaction.timeout.ms";
    public static final String TRANSACTION_TWO_PHASE_COMMIT_ENABLE_CONFIG = "transaction.two.phase.commit.enable";

    // ---- metrics ----
    public static final String METRICS_SAMPLE_WINDOW_MS_CONFIG = "metrics.sample.window.ms";
    public static final String METRICS_NUM_SAMPLES_CONFIG = "metrics.num.samples";
    public static final String METRICS_RECORDING_LEVEL_CONFIG = "metrics.recording.level";
    public static final String METRIC_REPORTER_CLASSES_CONFIG = "metric.reporters";
    public static final String ENABLE_METRICS_PUSH_CONFIG = "enable.metrics.push";

    // ---- Sluice's own ----
    /** Which {@code TransportProvider} carries the bytes; {@code nio} is {@code io.sluice.transport.nio}. */
    public static final String SLUICE_TRANSPORT_CONFIG = "sluice.transport";
    /** The largest response frame the producer accepts from a broker, guarding against a corrupt length. */
    public static final String SLUICE_MAX_RESPONSE_SIZE_CONFIG = "sluice.max.response.bytes";
    /** The header whose value the {@code header} partitioner (io.sluice:sluice-partitioners) hashes. */
    public static final String SLUICE_PARTITIONER_HEADER_NAME_CONFIG = "sluice.partitioner.header.name";
    /** What the {@code header} partitioner does with a record that lacks the header. */
    public static final String SLUICE_PARTITIONER_HEADER_FALLBACK_CONFIG = "sluice.partitioner.header.fallback";

    private static final Map<String, ConfigKey> KEYS = table();

    private ProducerConfig() {
    }

    /** Every key, in documentation order. */
    public static List<ConfigKey> keys() {
        return List.copyOf(KEYS.values());
    }

    /** The key named {@code name}, or {@code null} if the producer does not know it. */
    public static ConfigKey key(String name) {
        return KEYS.get(name);
    }

    /** Every key by name, unmodifiable. */
    public static Map<String, ConfigKey> keysByName() {
        return KEYS;
    }

    private static Map<String, ConfigKey> table() {
        Map<String, ConfigKey> t = new LinkedHashMap<>();
        // connecting
        add(t, BOOTSTRAP_SERVERS_CONFIG, ConfigType.LIST, NO_DEFAULT, any(),
                "host:port pairs used to find the cluster at start-up, e.g. broker1:9092,broker2:9092. Any one reachable "
                        + "entry is enough; the producer then uses the brokers named in metadata.");
        add(t, CLIENT_ID_CONFIG, ConfigType.STRING, "", any(),
                "A name sent with every request, for broker logs and quotas, and used in thread and metric names. "
                        + "Empty: producer-1, producer-2, ... as in Kafka.");
        add(t, CLIENT_DNS_LOOKUP_CONFIG, ConfigType.STRING, "use_all_dns_ips",
                oneOf("use_all_dns_ips", "resolve_canonical_bootstrap_servers_only"),
                "use_all_dns_ips: try every address a host name resolves to, in order. "
                        + "resolve_canonical_bootstrap_servers_only: resolve bootstrap entries to their canonical names first.");
        add(t, CLIENT_RACK_CONFIG, ConfigType.STRING, "", any(),
                "The rack this client runs in (the broker's broker.rack values), for rack-aware partitioning.");
        add(t, BOOTSTRAP_RESOLVE_TIMEOUT_MS_CONFIG, ConfigType.LONG, 0L, atLeast(0),
                "0: resolve bootstrap.servers' host names when the producer is created and fail at once if none resolves. "
                        + "> 0: keep trying to resolve them in the background for up to this long (ms).");
        add(t, SECURITY_PROVIDERS_CONFIG, ConfigType.STRING, null, any(),
                "Kafka's SecurityProviderCreator classes. Not supported by Sluice: setting it is refused.");
        add(t, SECURITY_PROTOCOL_CONFIG, ConfigType.STRING, "PLAINTEXT",
                oneOfIgnoreCase("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"),
                "How to talk to brokers: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.");
        add(t, SEND_BUFFER_CONFIG, ConfigType.INT, 131072, atLeast(-1),
                "TCP send buffer (SO_SNDBUF) in bytes; -1 leaves the OS default.");
        add(t, RECEIVE_BUFFER_CONFIG, ConfigType.INT, 32768, atLeast(-1),
                "TCP receive buffer (SO_RCVBUF) in bytes; -1 leaves the OS default.");
        add(t, CONNECTIONS_MAX_IDLE_MS_CONFIG, ConfigType.LONG, 540000L, any(),
                "Close connections idle for this long (ms).");
        add(t, RECONNECT_BACKOFF_MS_CONFIG, ConfigType.LONG, 50L, atLeast(0),
                "Wait this long (ms) before reconnecting to a broker; doubles per failure up to reconnect.backoff.max.ms, with 20% jitter.");
        add(t, RECONNECT_BACKOFF_MAX_MS_CONFIG, ConfigType.LONG, 1000L, atLeast(0),
                "The longest wait (ms) before reconnecting to a broker that keeps failing.");
        add(t, SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, ConfigType.LONG, 10000L, atLeast(0),
                "How long (ms) a TCP connect may take before it is abandoned; doubles per failure up to the max.");
        add(t, SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, ConfigType.LONG, 30000L, atLeast(0),
                "The longest connection set-up timeout (ms).");
        add(t, REQUEST_TIMEOUT_MS_CONFIG, ConfigType.INT, 30000, atLeast(0),
                "How long (ms) to wait for a broker's response before the request fails (and is retried) "
                        + "and the connection is closed.");
        // metadata
        add(t, METADATA_MAX_AGE_CONFIG, ConfigType.LONG, 300000L, atLeast(0),
                "Refresh metadata at least this often (ms), even without leadership changes.");
        add(t, METADATA_MAX_IDLE_CONFIG, ConfigType.LONG, 300000L, atLeast(5000),
                "Forget a topic's metadata if nothing was sent to it for this long (ms).");
        add(t, ALLOW_AUTO_CREATE_TOPICS_CONFIG, ConfigType.BOOLEAN, true, any(),
                "Ask the broker to create a topic that does not exist when fetching its metadata "
                        + "(only if the broker's auto.create.topics.enable is true too).");
        add(t, METADATA_RECOVERY_STRATEGY_CONFIG, ConfigType.STRING, "rebootstrap", oneOfIgnoreCase("none", "rebootstrap"),
                "What to do when no known broker is reachable: rebootstrap goes back to bootstrap.servers.");
        add(t, METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG, ConfigType.LONG, 300000L, atLeast(0),
                "Rebootstrap after this long (ms) without being able to fetch metadata.");
        // serializers, partitioner, interceptors
        add(t, KEY_SERIALIZER_CLASS_CONFIG, ConfigType.CLASS, NO_DEFAULT, any(),
                "Serializer for keys: a Serializer class name, a short name (string, bytearray, bytebuffer, integer, "
                        + "long, short, double, float, boolean, uuid, void), or a Kafka serializer class name with a built-in equivalent "
                        + "(e.g. org.apache.kafka.common.serialization.StringSerializer). Not needed when an instance is given.");
        add(t, VALUE_SERIALIZER_CLASS_CONFIG, ConfigType.CLASS, NO_DEFAULT, any(),
                "Serializer for values; same forms as key.serializer.");
        add(t, PARTITIONER_CLASS_CONFIG, ConfigType.CLASS, null, any(),
                "A Partitioner by short name (e.g. round-robin) or class name. Unset: the built-in default "
                        + "(explicit partition, then murmur2 of the key, then uniform sticky for records without a key).");
        add(t, PARTITIONER_IGNORE_KEYS_CONFIG, ConfigType.BOOLEAN, false, any(),
                "true: the default partitioner ignores keys and spreads all records with uniform sticky partitioning.");
        add(t, PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG, ConfigType.BOOLEAN, true, any(),
                "true: uniform sticky partitioning prefers partitions whose brokers have shorter queues.");
        add(t, PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG, ConfigType.LONG, 0L, atLeast(0),
                "If > 0: uniform sticky partitioning avoids partitions whose broker could not take data for this long (ms).");
        add(t, PARTITIONER_RACK_AWARE_CONFIG, ConfigType.BOOLEAN, false, any(),
                "true: the default partitioner prefers partitions whose leader is in client.rack (KIP-1123). "
                        + "Not yet supported by Sluice: true is refused.");
        add(t, INTERCEPTOR_CLASSES_CONFIG, ConfigType.LIST, List.of(), any(),
                "ProducerInterceptors by short name or class name, run in this order.");
        // batching and memory
        add(t, BATCH_SIZE_CONFIG, ConfigType.INT, 16384, atLeast(0),
                "Target size in bytes of a batch of records for one partition. A batch is sent when it is full or "
                        + "linger.ms has passed. 0 disables batching (one record per batch).");
        add(t, LINGER_MS_CONFIG, ConfigType.LONG, 5L, atLeast(0),
                "How long (ms) a batch may wait for more records before it is sent (Kafka 4.0 default: 5).");
        add(t, BUFFER_MEMORY_CONFIG, ConfigType.LONG, 33554432L, atLeast(0),
                "Total bytes of memory for buffered records. When used up, send blocks up to max.block.ms.");
        add(t, MAX_BLOCK_MS_CONFIG, ConfigType.LONG, 60000L, atLeast(0),
                "How long (ms) send, partitionsFor and flush-side waits may block for metadata or buffer memory.");
        add(t, MAX_REQUEST_SIZE_CONFIG, ConfigType.INT, 1048576, atLeast(0),
                "The largest request (and so the largest record) in bytes the producer sends.");
        add(t, BUFFER_MEMORY_ALLOCATION_STRATEGY_CONFIG, ConfigType.STRING, "full", oneOfIgnoreCase("full", "incremental"),
                "full: a new batch reserves batch.size of buffer.memory at once (memory grows with the number of "
                        + "partitions written to). incremental: a batch starts small and grows up to batch.size as records "
                        + "arrive (memory grows with the data buffered).");
        // compression
        add(t, COMPRESSION_TYPE_CONFIG, ConfigType.STRING, "none", any(),
                "Codec for record batches: none, gzip, snappy, lz4, zstd, or the name of a Compressor plugin. "
                        + "Each codec lives in its own module, e.g. io.sluice:sluice-codec-lz4.");
        add(t, COMPRESSION_GZIP_LEVEL_CONFIG, ConfigType.INT, -1, either(between(-1, -1), between(1, 9)),
                "gzip level: 1 (fast) to 9 (small), or -1 for the JDK's default (6).");
        add(t, COMPRESSION_LZ4_LEVEL_CONFIG, ConfigType.INT, 9, between(1, 17),
                "lz4 level: 1 to 17; 9 (the default) uses the fast compressor, others the high-compression one.");
        add(t, COMPRESSION_ZSTD_LEVEL_CONFIG, ConfigType.INT, 3, between(-131072, 22),
                "zstd level: -131072 (fastest) to 22 (smallest).");
        // delivery
        add(t, ACKS_CONFIG, ConfigType.STRING, "all", oneOfIgnoreCase("all", "-1", "0", "1"),
                "How many replicas must have a record before it counts as sent: 0 (none, no response), "
                        + "1 (the leader), all or -1 (every in-sync replica).");
        add(t, RETRIES_CONFIG, ConfigType.INT, Integer.MAX_VALUE, atLeast(0),
                "How often a failed batch is retried; delivery.timeout.ms usually ends retrying first.");
        add(t, RETRY_BACKOFF_MS_CONFIG, ConfigType.LONG, 100L, atLeast(0),
                "First wait (ms) before a retry; doubles per attempt up to retry.backoff.max.ms, with 20% jitter (KIP-580).");
        add(t, RETRY_BACKOFF_MAX_MS_CONFIG, ConfigType.LONG, 1000L, atLeast(0),
                "The longest wait (ms) before a retry.");
        add(t, DELIVERY_TIMEOUT_MS_CONFIG, ConfigType.INT, 120000, atLeast(0),
                "Upper bound (ms) from send to success or failure, retries included. Must be at least "
                        + "linger.ms + request.timeout.ms.");
        add(t, MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, ConfigType.INT, 5, atLeast(1),
                "Unanswered requests allowed per broker connection. With retries and no idempotence, "
                        + "values above 1 may reorder records.");
        add(t, ENABLE_IDEMPOTENCE_CONFIG, ConfigType.BOOLEAN, true, any(),
                "Write each record exactly once per partition, in order, despite retries. Requires acks=all, "
                        + "retries > 0 and max.in.flight.requests.per.connection <= 5.");
        add(t, TRANSACTIONAL_ID_CONFIG, ConfigType.STRING, null, any(),
                "Transactional id for transactions (not yet supported by Sluice: setting it is refused).");
        add(t, TRANSACTION_TIMEOUT_CONFIG, ConfigType.INT, 60000, atLeast(1),
                "Transaction timeout (ms).");
        add(t, TRANSACTION_TWO_PHASE_COMMIT_ENABLE_CONFIG, ConfigType.BOOLEAN, false, any(),
                "Two-phase commit transactions (KIP-939). Not supported by Sluice: true is refused.");
        // metrics
        add(t, METRICS_SAMPLE_WINDOW_MS_CONFIG, ConfigType.LONG, 30000L, atLeast(0),
                "Window (ms) over which rates and averages are computed.");
        add(t, METRICS_NUM_SAMPLES_CONFIG, ConfigType.INT, 2, atLeast(1),
                "Number of samples kept for rates and averages.");
        add(t, METRICS_RECORDING_LEVEL_CONFIG, ConfigType.STRING, "INFO", oneOf("INFO", "DEBUG", "TRACE"),
                "Highest recording level of metrics.");
        add(t, METRIC_REPORTER_CLASSES_CONFIG, ConfigType.LIST, List.of(), any(),
                "Kafka metric reporter classes. Sluice exposes metrics through metrics() and JMX; reporters are not loaded.");
        add(t, ENABLE_METRICS_PUSH_CONFIG, ConfigType.BOOLEAN, true, any(),
                "Kafka's client telemetry push (KIP-714). Accepted for compatibility; Sluice does not push metrics.");
        // Sluice's own
        add(t, SLUICE_TRANSPORT_CONFIG, ConfigType.STRING, "nio", any(),
                "Sluice: the Transport plugin that carries bytes to brokers, by short name or class name. "
                        + "nio is io.sluice:sluice-transport-nio.");
        add(t, SLUICE_MAX_RESPONSE_SIZE_CONFIG, ConfigType.INT, 104857600, atLeast(1024),
                "Sluice: the largest response frame (bytes) accepted from a broker; a larger length prefix is "
                        + "treated as a corrupt stream and closes the connection.");
        add(t, SLUICE_PARTITIONER_HEADER_NAME_CONFIG, ConfigType.STRING, null, any(),
                "Sluice: the header the header partitioner (partitioner.class=header) hashes to pick a partition.");
        add(t, SLUICE_PARTITIONER_HEADER_FALLBACK_CONFIG, ConfigType.STRING, "defer", oneOfIgnoreCase("defer", "key", "fail"),
                "Sluice: what the header partitioner does when a record lacks the header: defer (uniform sticky), "
                        + "key (hash the key), fail (fail the record).");
        return Collections.unmodifiableMap(t);
    }

    private static void add(Map<String, ConfigKey> t, String name, ConfigType type, Object dflt, ConfigValidator v, String doc) {
        if (t.put(name, new ConfigKey(name, type, dflt, v, doc)) != null) {
            throw new IllegalStateException("duplicate config key " + name);
        }
    }
}
