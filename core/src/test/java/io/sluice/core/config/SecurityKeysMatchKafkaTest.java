package io.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.config.ConfigKey;
import io.sluice.api.config.ConfigType;
import io.sluice.api.config.ProducerConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ssl.*}, {@code sasl.*} and {@code security.*} key of Kafka 4.4's producer is in
 * Sluice's table with Kafka's type and default, so users' properties raise no unknown-key warning
 * and mean what they mean in Kafka; secrets are PASSWORD, as in Kafka, so they are never logged.
 */
class SecurityKeysMatchKafkaTest {

    private static final List<String> PREFIXES = List.of("ssl.", "sasl.", "security.");

    @Test
    void shouldHaveEveryTlsAndSaslKeyOfKafkasProducerWithItsTypeAndDefault() {
        Map<String, String> kafka = new TreeMap<>();
        for (ConfigDef.ConfigKey key : org.apache.kafka.clients.producer.ProducerConfig.configDef().configKeys().values()) {
            if (isSecurityKey(key.name)) {
                kafka.put(key.name, key.type.name() + " " + kafkaDefault(key));
            }
        }
        Map<String, String> ours = new TreeMap<>();
        for (ConfigKey key : ProducerConfig.keys()) {
            if (isSecurityKey(key.name())) {
                ours.put(key.name(), key.type().name() + " " + key.defaultValue());
            }
        }

        assertThat(ours).isEqualTo(kafka);
    }

    @Test
    void shouldMaskEverySecretInTheStartUpLogLine() {
        ProducerSettings settings = ProducerSettings.parse(Map.of("bootstrap.servers", "b:9092", "key.serializer", "string",
                "value.serializer", "string", "ssl.keystore.password", "ks-secret", "ssl.key.password", "key-secret",
                "ssl.keystore.key", "-----BEGIN PRIVATE KEY-----", "sasl.jaas.config", "x required password=\"jaas-secret\";"));

        assertThat(settings.maskedValues().toString()).doesNotContain("ks-secret", "key-secret", "BEGIN PRIVATE", "jaas-secret");
        assertThat(ProducerConfig.key("ssl.truststore.password").type()).isEqualTo(ConfigType.PASSWORD);
    }

    private static boolean isSecurityKey(String name) {
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static String kafkaDefault(ConfigDef.ConfigKey key) {
        Object value = key.defaultValue;
        return value instanceof Class<?> c ? c.getName() : String.valueOf(value);
    }
}
