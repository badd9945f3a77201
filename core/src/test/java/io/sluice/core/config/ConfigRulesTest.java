package io.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {

    private static ProducerSettings settings(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("bootstrap.servers", "localhost:9092");
        m.put("key.serializer", "string");
        m.put("value.serializer", "string");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return ProducerSettings.parse(m);
    }

    @Test
    void idempotenceIsOnByDefaultAsInKafka() {
        assertThat(ConfigRules.idempotence(settings())).isTrue();
    }

    @Test
    void aConflictingSettingQuietlyDisablesDefaultIdempotence() {
        assertThat(ConfigRules.idempotence(settings("acks", "1"))).isFalse();
        assertThat(ConfigRules.idempotence(settings("retries", "0"))).isFalse();
        assertThat(ConfigRules.idempotence(settings("max.in.flight.requests.per.connection", "6"))).isFalse();
    }

    @Test
    void explicitIdempotenceWithAConflictingSettingIsAnError() {
        assertThatThrownBy(() -> ConfigRules.idempotence(settings("enable.idempotence", "true", "acks", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("enable.idempotence=true conflicts with acks=1. Idempotence needs acks=all, retries > 0 and "
                        + "max.in.flight.requests.per.connection <= 5; change that setting or set enable.idempotence=false.");
        assertThatThrownBy(() -> ConfigRules.idempotence(settings("enable.idempotence", "true",
                "max.in.flight.requests.per.connection", "6")))
                .hasMessageContaining("max.in.flight.requests.per.connection=6");
    }

    @Test
    void deliveryTimeoutMustCoverLingerAndRequestTimeout() {
        assertThat(ConfigRules.deliveryTimeoutMs(settings())).isEqualTo(120000L);
        assertThat(ConfigRules.deliveryTimeoutMs(settings("request.timeout.ms", "200000"))).isEqualTo(200005L);
        assertThatThrownBy(() -> ConfigRules.deliveryTimeoutMs(settings("delivery.timeout.ms", "1000")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("delivery.timeout.ms=1000 must be at least linger.ms + request.timeout.ms = 30005; raise "
                        + "delivery.timeout.ms or lower linger.ms or request.timeout.ms.");
    }

    private static final String PLAIN_JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"alice\" password=\"alice-secret\";";

    @Test
    void everySecurityProtocolIsAcceptedWithUsableSettings() {
        ConfigRules.refuseUnsupported(settings("security.protocol", "SSL", "ssl.truststore.location", "/etc/kafka/ca.p12"));
        ConfigRules.refuseUnsupported(settings("security.protocol", "sasl_ssl", "sasl.mechanism", "PLAIN", "sasl.jaas.config", PLAIN_JAAS));
        ConfigRules.refuseUnsupported(settings("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", PLAIN_JAAS.replace("plain.PlainLoginModule", "scram.ScramLoginModule")));
        // as in Kafka, SASL keys mean nothing without a SASL protocol
        ConfigRules.refuseUnsupported(settings("security.protocol", "PLAINTEXT", "sasl.mechanism", "GSSAPI",
                "sasl.login.class", "com.example.Login"));
    }

    @Test
    void saslWithoutUsableCredentialsOrMechanismIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> ConfigRules.refuseUnsupported(settings("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("security.protocol=SASL_SSL needs sasl.jaas.config with the user to log in as")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("sasl.jaas.config"));
        assertThatThrownBy(() -> ConfigRules.refuseUnsupported(settings("security.protocol", "SASL_SSL", "sasl.jaas.config", PLAIN_JAAS)))
                .hasMessageStartingWith("sasl.mechanism=GSSAPI (Kafka's default, as sasl.mechanism is not set) is not "
                        + "supported by Sluice yet")
                .hasMessageContaining("set sasl.mechanism=PLAIN")
                .hasMessageNotContaining("alice-secret");
        assertThatThrownBy(() -> ConfigRules.refuseUnsupported(settings("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", PLAIN_JAAS, "sasl.client.callback.handler.class", "com.example.Handler")))
                .hasMessageStartingWith("sasl.client.callback.handler.class is set, but Sluice does not load Kafka's SASL "
                        + "login or callback handler classes; remove it.");
    }

    @Test
    void transactionsAreRefusedNotIgnored() {
        assertThatThrownBy(() -> ConfigRules.refuseUnsupported(settings("transactional.id", "tx-1")))
                .hasMessageStartingWith("transactional.id is set, but Sluice does not support transactions yet");
    }
}
