package io.sluice.core.config;

import static io.sluice.api.config.ProducerConfig.ACKS_CONFIG;
import static io.sluice.api.config.ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG;
import static io.sluice.api.config.ProducerConfig.LINGER_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
import static io.sluice.api.config.ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.RETRIES_CONFIG;
import static io.sluice.api.config.ProducerConfig.SASL_JAAS_CONFIG;
import static io.sluice.api.config.ProducerConfig.SASL_MECHANISM_CONFIG;
import static io.sluice.api.config.ProducerConfig.SECURITY_PROTOCOL_CONFIG;
import static io.sluice.api.config.ProducerConfig.TRANSACTIONAL_ID_CONFIG;

import io.sluice.api.config.ProducerConfig;
import io.sluice.api.errors.ConfigException;
import io.sluice.core.security.SaslSettings;
import java.util.Locale;

/**
 * The rules that involve more than one key, with Apache Kafka's outcomes
 * ({@code ProducerConfig.postProcessAndValidateIdempotenceConfigs} and
 * {@code KafkaProducer.configureDeliveryTimeout}), and the refusal of what Sluice does not support.
 * Stateless.
 */
public final class ConfigRules {

    /** Kafka's limit: the broker caches the last 5 batches per producer for de-duplication. */
    public static final int MAX_IN_FLIGHT_FOR_IDEMPOTENCE = 5;

    /** Kafka's pluggable SASL classes, which Sluice cannot load. */
    private static final String[] SASL_PLUGGABLE_CLASSES = {ProducerConfig.SASL_CLIENT_CALLBACK_HANDLER_CLASS,
            ProducerConfig.SASL_LOGIN_CALLBACK_HANDLER_CLASS, ProducerConfig.SASL_LOGIN_CLASS};

    private ConfigRules() {
    }

    /** {@code acks} as a number: -1 for {@code all}. */
    public static short acks(ProducerSettings s) {
        String acks = s.getString(ACKS_CONFIG).trim().toLowerCase(Locale.ROOT);
        return acks.equals("all") ? -1 : Short.parseShort(acks);
    }

    /**
     * Whether the producer is idempotent. As in Kafka: explicitly enabled with a conflicting
     * setting is an error; enabled by default with a conflicting explicit setting quietly turns it off.
     *
     * @throws ConfigException naming both keys and what to change
     */
    public static boolean idempotence(ProducerSettings s) {
        boolean wanted = s.getBoolean(ENABLE_IDEMPOTENCE_CONFIG);
        if (!wanted) {
            return false;
        }
        String conflict = idempotenceConflict(s);
        if (conflict == null) {
            return true;
        }
        if (s.isSet(ENABLE_IDEMPOTENCE_CONFIG)) {
            throw new ConfigException(ENABLE_IDEMPOTENCE_CONFIG, "enable.idempotence=true conflicts with " + conflict
                    + ". Idempotence needs acks=all, retries > 0 and max.in.flight.requests.per.connection <= "
                    + MAX_IN_FLIGHT_FOR_IDEMPOTENCE + "; change that setting or set enable.idempotence=false.");
        }
        return false;
    }

    /** The first explicit setting that rules out idempotence, or null. */
    public static String idempotenceConflict(ProducerSettings s) {
        if (s.isSet(ACKS_CONFIG) && acks(s) != -1) {
            return "acks=" + s.getString(ACKS_CONFIG);
        }
        if (s.isSet(RETRIES_CONFIG) && s.getInt(RETRIES_CONFIG) == 0) {
            return "retries=0";
        }
        if (s.isSet(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)
                && s.getInt(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION) > MAX_IN_FLIGHT_FOR_IDEMPOTENCE) {
            return "max.in.flight.requests.per.connection=" + s.getInt(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        }
        return null;
    }

    /**
     * {@code delivery.timeout.ms}, which must cover {@code linger.ms + request.timeout.ms}. As in Kafka:
     * an explicit smaller value is an error; a default smaller value is raised to the sum.
     */
    public static long deliveryTimeoutMs(ProducerSettings s) {
        long delivery = s.getInt(DELIVERY_TIMEOUT_MS_CONFIG);
        long lingerAndRequest = s.getLong(LINGER_MS_CONFIG) + s.getInt(REQUEST_TIMEOUT_MS_CONFIG);
        if (delivery >= lingerAndRequest) {
            return delivery;
        }
        if (s.isSet(DELIVERY_TIMEOUT_MS_CONFIG)) {
            throw new ConfigException(DELIVERY_TIMEOUT_MS_CONFIG, "delivery.timeout.ms=" + delivery
                    + " must be at least linger.ms + request.timeout.ms = " + lingerAndRequest
                    + "; raise delivery.timeout.ms or lower linger.ms or request.timeout.ms.");
        }
        return Math.min(lingerAndRequest, Integer.MAX_VALUE);
    }

    /**
     * A SASL protocol needs a mechanism Sluice speaks and credentials it can read
     * ({@link SaslSettings#from}); Kafka's pluggable login and callback classes cannot be loaded.
     */
    private static void checkSasl(ProducerSettings s, String protocol) {
        for (String key : SASL_PLUGGABLE_CLASSES) {
            if (s.get(key) != null) {
                throw new ConfigException(key, key + " is set, but Sluice does not load Kafka's SASL login or callback "
                        + "handler classes; remove it. Sluice logs in with the username and password of sasl.jaas.config "
                        + "(PLAIN, SCRAM-SHA-256, SCRAM-SHA-512).");
            }
        }
        SaslSettings.from(protocol, s.getString(SASL_MECHANISM_CONFIG), s.isSet(SASL_MECHANISM_CONFIG),
                s.getString(SASL_JAAS_CONFIG));
    }

    private static void refuseIfTrue(ProducerSettings s, String key, String feature) {
        if (s.getBoolean(key)) {
            throw new ConfigException(key, key + "=true asks for " + feature + ", which Sluice does not support yet; "
                    + "remove the setting or set it to false.");
        }
    }

    /**
     * Refuses settings that ask for features Sluice does not have yet, instead of silently ignoring
     * them (a user asking for TLS must never get plaintext, nor GSSAPI a PLAIN login).
     */
    public static void refuseUnsupported(ProducerSettings s) {
        String protocol = s.getString(SECURITY_PROTOCOL_CONFIG).trim().toUpperCase(Locale.ROOT);
        if (protocol.startsWith("SASL_")) {
            checkSasl(s, protocol);
        }
        refuseIfTrue(s, ProducerConfig.PARTITIONER_RACK_AWARE_CONFIG, "rack-aware partitioning");
        refuseIfTrue(s, ProducerConfig.TRANSACTION_TWO_PHASE_COMMIT_ENABLE_CONFIG, "two-phase commit transactions");
        if (s.get(ProducerConfig.SECURITY_PROVIDERS_CONFIG) != null) {
            throw new ConfigException(ProducerConfig.SECURITY_PROVIDERS_CONFIG, "security.providers is set, but Sluice "
                    + "does not load Kafka security provider creators; remove it and install JCA providers in the JVM instead.");
        }
        if (s.get(TRANSACTIONAL_ID_CONFIG) != null) {
            throw new ConfigException(TRANSACTIONAL_ID_CONFIG, "transactional.id is set, but Sluice does not support "
                    + "transactions yet; remove transactional.id (idempotent delivery stays available).");
        }
    }
}
