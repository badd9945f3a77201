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
 * {@link #keys()} with type, default, valid values and doc for the parser and the docs. Each
 * constant's comment says in one sentence what the key means; its type, default, valid values
 * and full description are in that table ({@link #key(String) key(name)}), which the README's
 * Configuration section prints, and Kafka's meaning of its keys is in
 * <a href="https://kafka.apache.org/documentation/#producerconfigs">Kafka's producer configuration reference</a>.
 */
public final class ProducerConfig {

    // ---- connecting ----
    /** {@code bootstrap.servers}: the {@code host:port} pairs used to find the cluster at start-up; any one reachable entry is enough. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    /** {@code client.id}: the name sent with every request, for broker logs and quotas, and used in thread and metric names. */
    public static final String CLIENT_ID_CONFIG = "client.id";
    /** {@code client.dns.lookup}: how broker host names are resolved ({@code use_all_dns_ips} or {@code resolve_canonical_bootstrap_servers_only}). */
    public static final String CLIENT_DNS_LOOKUP_CONFIG = "client.dns.lookup";
    /** {@code client.rack}: the rack this client runs in, compared with the brokers' {@code broker.rack}. */
    public static final String CLIENT_RACK_CONFIG = "client.rack";
    /** {@code bootstrap.resolve.timeout.ms}: how long (ms) to keep resolving the bootstrap host names; 0 fails at creation if none resolves. */
    public static final String BOOTSTRAP_RESOLVE_TIMEOUT_MS_CONFIG = "bootstrap.resolve.timeout.ms";
    /** {@code security.providers}: Kafka's {@code SecurityProviderCreator} classes; refused by Sluice. */
    public static final String SECURITY_PROVIDERS_CONFIG = "security.providers";
    /** {@code security.protocol}: how to talk to brokers: {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}. */
    public static final String SECURITY_PROTOCOL_CONFIG = "security.protocol";
    /** {@code send.buffer.bytes}: the TCP send buffer (SO_SNDBUF) in bytes; -1 leaves the OS default. */
    public static final String SEND_BUFFER_CONFIG = "send.buffer.bytes";
    /** {@code receive.buffer.bytes}: the TCP receive buffer (SO_RCVBUF) in bytes; -1 leaves the OS default. */
    public static final String RECEIVE_BUFFER_CONFIG = "receive.buffer.bytes";
    /** {@code connections.max.idle.ms}: connections idle for this long (ms) are closed. */
    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = "connections.max.idle.ms";
    /** {@code reconnect.backoff.ms}: the first wait (ms) before reconnecting to a broker; it grows per failure up to {@link #RECONNECT_BACKOFF_MAX_MS_CONFIG}. */
    public static final String RECONNECT_BACKOFF_MS_CONFIG = "reconnect.backoff.ms";
    /** {@code reconnect.backoff.max.ms}: the longest wait (ms) before reconnecting to a broker that keeps failing. */
    public static final String RECONNECT_BACKOFF_MAX_MS_CONFIG = "reconnect.backoff.max.ms";
    /** {@code socket.connection.setup.timeout.ms}: how long (ms) a connection set-up may take before it is abandoned; it grows per failure up to the max. */
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG = "socket.connection.setup.timeout.ms";
    /** {@code socket.connection.setup.timeout.max.ms}: the longest connection set-up timeout (ms). */
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG = "socket.connection.setup.timeout.max.ms";
    /** {@code request.timeout.ms}: how long (ms) to wait for a broker's response before the request fails (and may be retried). */
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "request.timeout.ms";

    // ---- TLS (read by the transport from the original properties; Kafka's SslConfigs) ----
    /** {@code ssl.protocol}: the protocol of the {@code SSLContext}, e.g. {@code TLSv1.3}. */
    public static final String SSL_PROTOCOL_CONFIG = "ssl.protocol";
    /** {@code ssl.provider}: the JCA security provider of the {@code SSLContext}; the JVM's default when unset. */
    public static final String SSL_PROVIDER_CONFIG = "ssl.provider";
    /** {@code ssl.cipher.suites}: the TLS cipher suites to offer; empty for the JVM's defaults. */
    public static final String SSL_CIPHER_SUITES_CONFIG = "ssl.cipher.suites";
    /** {@code ssl.enabled.protocols}: the TLS versions offered to brokers. */
    public static final String SSL_ENABLED_PROTOCOLS_CONFIG = "ssl.enabled.protocols";
    /** {@code ssl.keystore.type}: the format of the client key store for mutual TLS: JKS, PKCS12 or PEM. */
    public static final String SSL_KEYSTORE_TYPE_CONFIG = "ssl.keystore.type";
    /** {@code ssl.keystore.location}: the path of the key store with the client's certificate and key, for mutual TLS. */
    public static final String SSL_KEYSTORE_LOCATION_CONFIG = "ssl.keystore.location";
    /** {@code ssl.keystore.password}: the password of the key store file (a secret: logged as {@code [hidden]}). */
    public static final String SSL_KEYSTORE_PASSWORD_CONFIG = "ssl.keystore.password";
    /** {@code ssl.key.password}: the password of the private key in the key store or in {@code ssl.keystore.key} (a secret: logged as {@code [hidden]}). */
    public static final String SSL_KEY_PASSWORD_CONFIG = "ssl.key.password";
    /** {@code ssl.keystore.key}: the client's private key in PEM, with {@code ssl.keystore.type=PEM} (a secret: logged as {@code [hidden]}). */
    public static final String SSL_KEYSTORE_KEY_CONFIG = "ssl.keystore.key";
    /** {@code ssl.keystore.certificate.chain}: the client's certificate chain in PEM, with {@code ssl.keystore.type=PEM}. */
    public static final String SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG = "ssl.keystore.certificate.chain";
    /** {@code ssl.truststore.type}: the format of the trust store: JKS, PKCS12 or PEM. */
    public static final String SSL_TRUSTSTORE_TYPE_CONFIG = "ssl.truststore.type";
    /** {@code ssl.truststore.location}: the path of the trust store with the CA certificates that signed the brokers' certificates. */
    public static final String SSL_TRUSTSTORE_LOCATION_CONFIG = "ssl.truststore.location";
    /** {@code ssl.truststore.password}: the password of the trust store file (a secret: logged as {@code [hidden]}). */
    public static final String SSL_TRUSTSTORE_PASSWORD_CONFIG = "ssl.truststore.password";
    /** {@code ssl.truststore.certificates}: trusted CA certificates in PEM, with {@code ssl.truststore.type=PEM}. */
    public static final String SSL_TRUSTSTORE_CERTIFICATES_CONFIG = "ssl.truststore.certificates";
    /** {@code ssl.keymanager.algorithm}: the {@code KeyManagerFactory} algorithm for the client certificate. */
    public static final String SSL_KEYMANAGER_ALGORITHM_CONFIG = "ssl.keymanager.algorithm";
    /** {@code ssl.trustmanager.algorithm}: the {@code TrustManagerFactory} algorithm that checks brokers' certificates. */
    public static final String SSL_TRUSTMANAGER_ALGORITHM_CONFIG = "ssl.trustmanager.algorithm";
    /** {@code ssl.endpoint.identification.algorithm}: {@code https} checks that a broker's certificate names the host connected to; empty turns the check off. */
    public static final String SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG = "ssl.endpoint.identification.algorithm";
    /** {@code ssl.secure.random.implementation}: the {@code SecureRandom} algorithm for TLS; the JVM's default when unset. */
    public static final String SSL_SECURE_RANDOM_IMPLEMENTATION_CONFIG = "ssl.secure.random.implementation";
    /** {@code ssl.engine.factory.class}: Kafka's {@code SslEngineFactory} plugin; refused by Sluice's nio transport. */
    public static final String SSL_ENGINE_FACTORY_CLASS_CONFIG = "ssl.engine.factory.class";

    // ---- SASL (Kafka's SaslConfigs) ----
    /** {@code sasl.mechanism}: the SASL mechanism for {@code SASL_PLAINTEXT} and {@code SASL_SSL}; Sluice supports PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512. */
    public static final String SASL_MECHANISM_CONFIG = "sasl.mechanism";
    /** {@code sasl.jaas.config}: the login module and credentials in Kafka's JAAS syntax (a secret: logged as {@code [hidden]}). */
    public static final String SASL_JAAS_CONFIG = "sasl.jaas.config";
    /** {@code sasl.client.callback.handler.class}: Kafka's SASL client callback handler; refused by Sluice when SASL is used. */
    public static final String SASL_CLIENT_CALLBACK_HANDLER_CLASS = "sasl.client.callback.handler.class";
    /** {@code sasl.login.callback.handler.class}: Kafka's SASL login callback handler; refused by Sluice when SASL is used. */
    public static final String SASL_LOGIN_CALLBACK_HANDLER_CLASS = "sasl.login.callback.handler.class";
    /** {@code sasl.login.class}: Kafka's {@code Login} class; refused by Sluice when SASL is used. */
    public static final String SASL_LOGIN_CLASS = "sasl.login.class";
    /** {@code sasl.kerberos.service.name}: the brokers' Kerberos service name (GSSAPI); accepted and unused. */
    public static final String SASL_KERBEROS_SERVICE_NAME = "sasl.kerberos.service.name";
    /** {@code sasl.kerberos.kinit.cmd}: the Kerberos {@code kinit} command (GSSAPI); accepted and unused. */
    public static final String SASL_KERBEROS_KINIT_CMD = "sasl.kerberos.kinit.cmd";
    /** {@code sasl.kerberos.ticket.renew.window.factor}: the share of a Kerberos ticket's lifetime after which it is renewed; accepted and unused. */
    public static final String SASL_KERBEROS_TICKET_RENEW_WINDOW_FACTOR = "sasl.kerberos.ticket.renew.window.factor";
    /** {@code sasl.kerberos.ticket.renew.jitter}: the jitter added to Kerberos ticket renewal; accepted and unused. */
    public static final String SASL_KERBEROS_TICKET_RENEW_JITTER = "sasl.kerberos.ticket.renew.jitter";
    /** {@code sasl.kerberos.min.time.before.relogin}: the least time (ms) between Kerberos refresh attempts; accepted and unused. */
    public static final String SASL_KERBEROS_MIN_TIME_BEFORE_RELOGIN = "sasl.kerberos.min.time.before.relogin";
    /** {@code sasl.login.refresh.window.factor}: the share of a login token's lifetime after which it is refreshed (OAUTHBEARER); accepted and unused. */
    public static final String SASL_LOGIN_REFRESH_WINDOW_FACTOR = "sasl.login.refresh.window.factor";
    /** {@code sasl.login.refresh.window.jitter}: the jitter added to login token refresh (OAUTHBEARER); accepted and unused. */
    public static final String SASL_LOGIN_REFRESH_WINDOW_JITTER = "sasl.login.refresh.window.jitter";
    /** {@code sasl.login.refresh.min.period.seconds}: the least time (s) between login token refreshes (OAUTHBEARER); accepted and unused. */
    public static final String SASL_LOGIN_REFRESH_MIN_PERIOD_SECONDS = "sasl.login.refresh.min.period.seconds";
    /** {@code sasl.login.refresh.buffer.seconds}: how long (s) before a login token expires it is refreshed (OAUTHBEARER); accepted and unused. */
    public static final String SASL_LOGIN_REFRESH_BUFFER_SECONDS = "sasl.login.refresh.buffer.seconds";
    /** {@code sasl.login.connect.timeout.ms}: the connect timeout (ms) to the token endpoint (OAUTHBEARER); accepted and unused. */
    public static final String SASL_LOGIN_CONNECT_TIMEOUT_MS = "sasl.login.connect.timeout.ms";
    /** {@code sasl.login.read.timeout.ms}: the read timeout (ms) from the token endpoint (OAUTHBEARER); accepted and unused. */
    public static final String SASL_LOGIN_READ_TIMEOUT_MS = "sasl.login.read.timeout.ms";
    /** {@code sasl.login.retry.backoff.max.ms}: the longest wait (ms) between login attempts (OAUTHBEARER); accepted and unused. */
    public static final String SASL_LOGIN_RETRY_BACKOFF_MAX_MS = "sasl.login.retry.backoff.max.ms";
    /** {@code sasl.login.retry.backoff.ms}: the first wait (ms) between login attempts (OAUTHBEARER); accepted and unused. */
    public static final String SASL_LOGIN_RETRY_BACKOFF_MS = "sasl.login.retry.backoff.ms";
    /** Prefix of Kafka's OAUTHBEARER keys, accepted (and unused: OAUTHBEARER is refused) so that shared property files work. */
    public static final String SASL_OAUTHBEARER_PREFIX = "sasl.oauthbearer.";

    // ---- metadata ----
    /** {@code metadata.max.age.ms}: metadata is refreshed at least this often (ms), even without leadership changes. */
    public static final String METADATA_MAX_AGE_CONFIG = "metadata.max.age.ms";
    /** {@code metadata.max.idle.ms}: a topic's metadata is dropped when nothing was sent to it for this long (ms). */
    public static final String METADATA_MAX_IDLE_CONFIG = "metadata.max.idle.ms";
    /** {@code allow.auto.create.topics}: whether a metadata request may make the broker create a missing topic (if the broker allows it too). */
    public static final String ALLOW_AUTO_CREATE_TOPICS_CONFIG = "allow.auto.create.topics";
    /** {@code metadata.recovery.strategy}: what to do when no known broker is reachable: {@code rebootstrap} or {@code none}. */
    public static final String METADATA_RECOVERY_STRATEGY_CONFIG = "metadata.recovery.strategy";
    /** {@code metadata.recovery.rebootstrap.trigger.ms}: rebootstrap after this long (ms) without fresh metadata. */
    public static final String METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG = "metadata.recovery.rebootstrap.trigger.ms";

    // ---- the record's way: serializers, partitioner, interceptors ----
    /** {@code key.serializer}: the {@link io.sluice.api.spi.Serializer} for keys, by short name or class name (Kafka's serializer class names work too). */
    public static final String KEY_SERIALIZER_CLASS_CONFIG = "key.serializer";
    /** {@code value.serializer}: the {@link io.sluice.api.spi.Serializer} for values, in the same forms as {@link #KEY_SERIALIZER_CLASS_CONFIG}. */
    public static final String VALUE_SERIALIZER_CLASS_CONFIG = "value.serializer";
    /** {@code partitioner.class}: the {@link io.sluice.api.spi.Partitioner} by short name or class name; unset for the built-in default. */
    public static final String PARTITIONER_CLASS_CONFIG = "partitioner.class";
    /** {@code partitioner.ignore.keys}: whether the default partitioner ignores keys and spreads every record with uniform sticky partitioning. */
    public static final String PARTITIONER_IGNORE_KEYS_CONFIG = "partitioner.ignore.keys";
    /** {@code partitioner.adaptive.partitioning.enable}: whether uniform sticky partitioning prefers partitions whose brokers have shorter queues. */
    public static final String PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG = "partitioner.adaptive.partitioning.enable";
    /** {@code partitioner.availability.timeout.ms}: if above 0, uniform sticky partitioning avoids partitions whose broker could not take data for this long (ms). */
    public static final String PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG = "partitioner.availability.timeout.ms";
    /** {@code partitioner.rack.aware}: whether the default partitioner prefers leaders in {@code client.rack} (KIP-1123); {@code true} is refused by Sluice. */
    public static final String PARTITIONER_RACK_AWARE_CONFIG = "partitioner.rack.aware";
    /** {@code interceptor.classes}: the {@link io.sluice.api.spi.ProducerInterceptor}s, by short name or class name, in the order they run. */
    public static final String INTERCEPTOR_CLASSES_CONFIG = "interceptor.classes";

    // ---- batching and memory ----
    /** {@code batch.size}: the target size in bytes of one partition's batch of records; 0 sends one record per batch. */
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    /** {@code linger.ms}: how long (ms) a batch may wait for more records before it is sent. */
    public static final String LINGER_MS_CONFIG = "linger.ms";
    /** {@code buffer.memory}: the total bytes of memory for records waiting to be sent; when it is used up, {@code send} blocks. */
    public static final String BUFFER_MEMORY_CONFIG = "buffer.memory";
    /** {@code max.block.ms}: how long (ms) {@code send} and {@code partitionsFor} may block for metadata or buffer memory. */
    public static final String MAX_BLOCK_MS_CONFIG = "max.block.ms";
    /** {@code max.request.size}: the largest request, and so the largest record, in bytes. */
    public static final String MAX_REQUEST_SIZE_CONFIG = "max.request.size";
    /** {@code buffer.memory.allocation.strategy}: {@code full} reserves {@code batch.size} per new batch, {@code incremental} grows a batch as records arrive. */
    public static final String BUFFER_MEMORY_ALLOCATION_STRATEGY_CONFIG = "buffer.memory.allocation.strategy";

    // ---- compression ----
    /** {@code compression.type}: the codec for record batches ({@code none}, {@code gzip}, {@code snappy}, {@code lz4}, {@code zstd}, or a {@link io.sluice.api.spi.Compressor}'s name). */
    public static final String COMPRESSION_TYPE_CONFIG = "compression.type";
    /** {@code compression.gzip.level}: the gzip level, 1 to 9, or -1 for the default. */
    public static final String COMPRESSION_GZIP_LEVEL_CONFIG = "compression.gzip.level";
    /** {@code compression.lz4.level}: the lz4 level, 1 to 17. */
    public static final String COMPRESSION_LZ4_LEVEL_CONFIG = "compression.lz4.level";
    /** {@code compression.zstd.level}: the zstd level, -131072 to 22. */
    public static final String COMPRESSION_ZSTD_LEVEL_CONFIG = "compression.zstd.level";

    // ---- delivery ----
    /** {@code acks}: how many replicas must have a record before it counts as sent: {@code 0}, {@code 1}, or {@code all} ({@code -1}). */
    public static final String ACKS_CONFIG = "acks";
    /** {@code retries}: how often a failed batch is retried; {@code delivery.timeout.ms} usually ends retrying first. */
    public static final String RETRIES_CONFIG = "retries";
    /** {@code retry.backoff.ms}: the first wait (ms) before a retry; it grows per attempt up to {@link #RETRY_BACKOFF_MAX_MS_CONFIG}. */
    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    /** {@code retry.backoff.max.ms}: the longest wait (ms) before a retry. */
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "retry.backoff.max.ms";
    /** {@code delivery.timeout.ms}: the upper bound (ms) from {@code send} to success or failure, retries included. */
    public static final String DELIVERY_TIMEOUT_MS_CONFIG = "delivery.timeout.ms";
    /** {@code max.in.flight.requests.per.connection}: how many requests may await a response on one broker connection. */
    public static final String MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION = "max.in.flight.requests.per.connection";
    /** {@code enable.idempotence}: whether each record is written exactly once per partition, in order, despite retries. */
    public static final String ENABLE_IDEMPOTENCE_CONFIG = "enable.idempotence";
    /** {@code transactional.id}: the id of a transactional producer; transactions are not supported by Sluice, so setting it is refused. */
    public static final String TRANSACTIONAL_ID_CONFIG = "transactional.id";
    /** {@code transaction.timeout.ms}: how long (ms) a transaction may stay open before the coordinator aborts it; unused without transactions. */
    public static final String TRANSACTION_TIMEOUT_CONFIG = "transaction.timeout.ms";
    /** {@code transaction.two.phase.commit.enable}: two-phase commit transactions (KIP-939); {@code true} is refused by Sluice. */
    public static final String TRANSACTION_TWO_PHASE_COMMIT_ENABLE_CONFIG = "transaction.two.phase.commit.enable";

    // ---- metrics ----
    /** {@code metrics.sample.window.ms}: the window (ms) of one sample of rates and averages. */
    public static final String METRICS_SAMPLE_WINDOW_MS_CONFIG = "metrics.sample.window.ms";
    /** {@code metrics.num.samples}: how many samples rates and averages are computed over. */
    public static final String METRICS_NUM_SAMPLES_CONFIG = "metrics.num.samples";
    /** {@code metrics.recording.level}: the highest level of metrics recorded: {@code INFO}, {@code DEBUG} or {@code TRACE}. */
    public static final String METRICS_RECORDING_LEVEL_CONFIG = "metrics.recording.level";
    /** {@code metric.reporters}: Kafka's metric reporter classes; accepted, but Sluice does not load them. */
    public static final String METRIC_REPORTER_CLASSES_CONFIG = "metric.reporters";
    /** {@code enable.metrics.push}: Kafka's client telemetry push (KIP-714); accepted, but Sluice does not push metrics. */
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

    /** {@return every key, in documentation order; an unmodifiable copy} */
    public static List<ConfigKey> keys() {
        return List.copyOf(KEYS.values());
    }

    /**
     * {@return the key named {@code name}, or {@code null} if the producer does not know it}
     *
     * @param name the key's name, e.g. {@code linger.ms}; case matters
     */
    public static ConfigKey key(String name) {
        return KEYS.get(name);
    }

    /** {@return every key by name, in documentation order; unmodifiable} */
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
        security(t);
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

    /** TLS and SASL keys, with Kafka's types and defaults. */
    private static void security(Map<String, ConfigKey> t) {
        // TLS: the transport reads these from the original properties.
        add(t, SSL_PROTOCOL_CONFIG, ConfigType.STRING, "TLSv1.3", any(),
                "The SSLContext protocol. TLSv1.3 also allows TLSv1.2 connections as ssl.enabled.protocols permits.");
        add(t, SSL_PROVIDER_CONFIG, ConfigType.STRING, null, any(),
                "The JCA security provider of the SSLContext; the JVM's default when unset.");
        add(t, SSL_CIPHER_SUITES_CONFIG, ConfigType.LIST, List.of(), any(),
                "TLS cipher suites to offer; empty: the JVM's defaults for the enabled protocols.");
        add(t, SSL_ENABLED_PROTOCOLS_CONFIG, ConfigType.LIST, List.of("TLSv1.2", "TLSv1.3"), any(),
                "The TLS versions offered to brokers.");
        add(t, SSL_KEYSTORE_TYPE_CONFIG, ConfigType.STRING, "JKS", any(),
                "Format of the client key store for mutual TLS: JKS, PKCS12 or PEM.");
        add(t, SSL_KEYSTORE_LOCATION_CONFIG, ConfigType.STRING, null, any(),
                "Path of the key store holding the client certificate and key, for brokers with ssl.client.auth=required.");
        add(t, SSL_KEYSTORE_PASSWORD_CONFIG, ConfigType.PASSWORD, null, any(),
                "Password of the key store file.");
        add(t, SSL_KEY_PASSWORD_CONFIG, ConfigType.PASSWORD, null, any(),
                "Password of the private key in the key store (or of an encrypted PEM key in ssl.keystore.key).");
        add(t, SSL_KEYSTORE_KEY_CONFIG, ConfigType.PASSWORD, null, any(),
                "The client's private key in PEM (PKCS#8), with ssl.keystore.type=PEM, instead of a key store file.");
        add(t, SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, ConfigType.PASSWORD, null, any(),
                "The client's certificate chain in PEM, with ssl.keystore.type=PEM and ssl.keystore.key.");
        add(t, SSL_TRUSTSTORE_TYPE_CONFIG, ConfigType.STRING, "JKS", any(),
                "Format of the trust store: JKS, PKCS12 or PEM.");
        add(t, SSL_TRUSTSTORE_LOCATION_CONFIG, ConfigType.STRING, null, any(),
                "Path of the trust store holding the CA certificates that signed the brokers' certificates; "
                        + "unset: the JVM's default trust store.");
        add(t, SSL_TRUSTSTORE_PASSWORD_CONFIG, ConfigType.PASSWORD, null, any(),
                "Password of the trust store file (optional for PKCS12/JKS integrity checks).");
        add(t, SSL_TRUSTSTORE_CERTIFICATES_CONFIG, ConfigType.PASSWORD, null, any(),
                "Trusted CA certificates in PEM, with ssl.truststore.type=PEM, instead of a trust store file.");
        add(t, SSL_KEYMANAGER_ALGORITHM_CONFIG, ConfigType.STRING, "SunX509", any(),
                "KeyManagerFactory algorithm for the client certificate.");
        add(t, SSL_TRUSTMANAGER_ALGORITHM_CONFIG, ConfigType.STRING, "PKIX", any(),
                "TrustManagerFactory algorithm for checking brokers' certificates.");
        add(t, SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, ConfigType.STRING, "https", any(),
                "https: the broker's certificate must name the host connected to (host name verification). "
                        + "An empty value turns the check off, which is unsafe.");
        add(t, SSL_SECURE_RANDOM_IMPLEMENTATION_CONFIG, ConfigType.STRING, null, any(),
                "SecureRandom algorithm for TLS; the JVM's default when unset.");
        add(t, SSL_ENGINE_FACTORY_CLASS_CONFIG, ConfigType.CLASS, null, any(),
                "Kafka's SslEngineFactory plugin. Not supported by Sluice's nio transport: setting it is refused.");
        // SASL
        add(t, SASL_MECHANISM_CONFIG, ConfigType.STRING, "GSSAPI", any(),
                "SASL mechanism for SASL_PLAINTEXT and SASL_SSL: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512. Kafka's default "
                        + "GSSAPI (Kerberos) and OAUTHBEARER are not supported yet and are refused, so set this key.");
        add(t, SASL_JAAS_CONFIG, ConfigType.PASSWORD, null, any(),
                "The login, in Kafka's JAAS syntax: org.apache.kafka.common.security.plain.PlainLoginModule (or "
                        + "org.apache.kafka.common.security.scram.ScramLoginModule) required username=\"...\" password=\"...\";");
        add(t, SASL_CLIENT_CALLBACK_HANDLER_CLASS, ConfigType.CLASS, null, any(),
                "Kafka's SASL client callback handler class. Not supported by Sluice: setting it with SASL is refused.");
        add(t, SASL_LOGIN_CALLBACK_HANDLER_CLASS, ConfigType.CLASS, null, any(),
                "Kafka's SASL login callback handler class. Not supported by Sluice: setting it with SASL is refused.");
        add(t, SASL_LOGIN_CLASS, ConfigType.CLASS, null, any(),
                "Kafka's Login class. Not supported by Sluice: setting it with SASL is refused.");
        kerberosAndLoginRefresh(t);
        oauthBearer(t);
    }

    /** Keys of Kafka's GSSAPI and token login refresh; accepted for shared property files, unused (GSSAPI is refused). */
    private static void kerberosAndLoginRefresh(Map<String, ConfigKey> t) {
        String unused = " Accepted for compatibility; unused, as Sluice does not support GSSAPI or OAUTHBEARER yet.";
        add(t, SASL_KERBEROS_SERVICE_NAME, ConfigType.STRING, null, any(), "Kerberos service name of the brokers." + unused);
        add(t, SASL_KERBEROS_KINIT_CMD, ConfigType.STRING, "/usr/bin/kinit", any(), "Kerberos kinit command." + unused);
        add(t, SASL_KERBEROS_TICKET_RENEW_WINDOW_FACTOR, ConfigType.DOUBLE, 0.8, any(),
                "Share of a Kerberos ticket's lifetime after which it is renewed." + unused);
        add(t, SASL_KERBEROS_TICKET_RENEW_JITTER, ConfigType.DOUBLE, 0.05, any(), "Jitter of the Kerberos renewal." + unused);
        add(t, SASL_KERBEROS_MIN_TIME_BEFORE_RELOGIN, ConfigType.LONG, 60000L, any(),
                "Least time (ms) between Kerberos refresh attempts." + unused);
        add(t, SASL_LOGIN_REFRESH_WINDOW_FACTOR, ConfigType.DOUBLE, 0.8, fraction(0.5, 1.0),
                "Share of a login token's lifetime after which it is refreshed." + unused);
        add(t, SASL_LOGIN_REFRESH_WINDOW_JITTER, ConfigType.DOUBLE, 0.05, fraction(0.0, 0.25),
                "Jitter of the login token refresh." + unused);
        add(t, SASL_LOGIN_REFRESH_MIN_PERIOD_SECONDS, ConfigType.SHORT, (short) 60, between(0, 900),
                "Least time (s) between login token refreshes." + unused);
        add(t, SASL_LOGIN_REFRESH_BUFFER_SECONDS, ConfigType.SHORT, (short) 300, between(0, 3600),
                "Time (s) before a login token expires that a refresh is due." + unused);
        add(t, SASL_LOGIN_CONNECT_TIMEOUT_MS, ConfigType.INT, null, any(), "Connect timeout (ms) of the token endpoint." + unused);
        add(t, SASL_LOGIN_READ_TIMEOUT_MS, ConfigType.INT, null, any(), "Read timeout (ms) of the token endpoint." + unused);
        add(t, SASL_LOGIN_RETRY_BACKOFF_MAX_MS, ConfigType.LONG, 10000L, any(), "Longest login retry backoff (ms)." + unused);
        add(t, SASL_LOGIN_RETRY_BACKOFF_MS, ConfigType.LONG, 100L, any(), "First login retry backoff (ms)." + unused);
    }

    /** Kafka's OAUTHBEARER keys; accepted for shared property files, unused (OAUTHBEARER is refused). */
    private static void oauthBearer(Map<String, ConfigKey> t) {
        String unused = " OAUTHBEARER setting, accepted for compatibility; unused, as Sluice does not support OAUTHBEARER yet.";
        String p = SASL_OAUTHBEARER_PREFIX;
        add(t, p + "allow.unverified.audience", ConfigType.BOOLEAN, false, any(), "Skip the audience check." + unused);
        add(t, p + "allow.unverified.issuer", ConfigType.BOOLEAN, false, any(), "Skip the issuer check." + unused);
        add(t, p + "assertion.algorithm", ConfigType.STRING, "RS256", oneOfIgnoreCase("ES256", "RS256"),
                "Signature algorithm of the JWT assertion." + unused);
        add(t, p + "assertion.claim.aud", ConfigType.STRING, null, any(), "aud claim of the JWT assertion." + unused);
        add(t, p + "assertion.claim.exp.seconds", ConfigType.INT, 300, between(0, 86400),
                "Lifetime (s) of the JWT assertion." + unused);
        add(t, p + "assertion.claim.iss", ConfigType.STRING, null, any(), "iss claim of the JWT assertion." + unused);
        add(t, p + "assertion.claim.jti.include", ConfigType.BOOLEAN, false, any(), "Add a jti claim to the assertion." + unused);
        add(t, p + "assertion.claim.nbf.seconds", ConfigType.INT, 60, between(0, 3600), "nbf offset (s) of the assertion." + unused);
        add(t, p + "assertion.claim.sub", ConfigType.STRING, null, any(), "sub claim of the JWT assertion." + unused);
        add(t, p + "assertion.file", ConfigType.STRING, null, any(), "File holding a ready JWT assertion." + unused);
        add(t, p + "assertion.private.key.file", ConfigType.STRING, null, any(), "Private key file that signs the assertion." + unused);
        add(t, p + "assertion.private.key.passphrase", ConfigType.PASSWORD, null, any(), "Passphrase of that key." + unused);
        add(t, p + "assertion.template.file", ConfigType.STRING, null, any(), "Template of the JWT assertion." + unused);
        add(t, p + "client.credentials.client.id", ConfigType.STRING, null, any(), "OAuth client id." + unused);
        add(t, p + "client.credentials.client.secret", ConfigType.PASSWORD, null, any(), "OAuth client secret." + unused);
        add(t, p + "clock.skew.seconds", ConfigType.INT, 30, any(), "Allowed clock skew (s) for tokens." + unused);
        add(t, p + "expected.audience", ConfigType.LIST, List.of(), any(), "Accepted token audiences." + unused);
        add(t, p + "expected.issuer", ConfigType.STRING, null, any(), "Accepted token issuer." + unused);
        add(t, p + "header.urlencode", ConfigType.BOOLEAN, false, any(), "URL-encode the client credentials header." + unused);
        add(t, p + "jwks.endpoint.refresh.ms", ConfigType.LONG, 3600000L, any(), "JWKS refresh interval (ms)." + unused);
        add(t, p + "jwks.endpoint.retry.backoff.max.ms", ConfigType.LONG, 10000L, any(), "Longest JWKS retry backoff (ms)." + unused);
        add(t, p + "jwks.endpoint.retry.backoff.ms", ConfigType.LONG, 100L, any(), "First JWKS retry backoff (ms)." + unused);
        add(t, p + "jwks.endpoint.url", ConfigType.STRING, null, any(), "JWKS endpoint." + unused);
        add(t, p + "jwt.retriever.class", ConfigType.CLASS, "org.apache.kafka.common.security.oauthbearer.DefaultJwtRetriever",
                any(), "Kafka's JwtRetriever class." + unused);
        add(t, p + "jwt.validator.class", ConfigType.CLASS, "org.apache.kafka.common.security.oauthbearer.DefaultJwtValidator",
                any(), "Kafka's JwtValidator class." + unused);
        add(t, p + "scope", ConfigType.STRING, null, any(), "OAuth scope requested." + unused);
        add(t, p + "scope.claim.name", ConfigType.STRING, "scope", any(), "Name of the scope claim." + unused);
        add(t, p + "sub.claim.name", ConfigType.STRING, "sub", any(), "Name of the subject claim." + unused);
        add(t, p + "token.endpoint.url", ConfigType.STRING, null, any(), "OAuth token endpoint." + unused);
    }

    /** A decimal in {@code [min, max]} (Kafka's {@code Range} over doubles). */
    private static ConfigValidator fraction(double min, double max) {
        return new ConfigValidator() {
            @Override
            public String check(Object value) {
                return value == null || (value instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max)
                        ? null : describe();
            }

            @Override
            public String describe() {
                return "[" + min + ",...," + max + "]";
            }
        };
    }

    private static void add(Map<String, ConfigKey> t, String name, ConfigType type, Object dflt, ConfigValidator v, String doc) {
        if (t.put(name, new ConfigKey(name, type, dflt, v, doc)) != null) {
            throw new IllegalStateException("duplicate config key " + name);
        }
    }
}
