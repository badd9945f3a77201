package io.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.config.ConfigKey;
import io.sluice.api.config.ProducerConfig;
import io.sluice.api.errors.ConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    private static Map<String, Object> minimal() {
        Map<String, Object> m = new HashMap<>();
        m.put("bootstrap.servers", "localhost:9092");
        m.put("key.serializer", "string");
        m.put("value.serializer", "string");
        return m;
    }

    @Test
    void shouldFillKafkaDefaultsForKeysNotGiven() {
        ProducerSettings s = ProducerSettings.parse(minimal());
        assertThat(s.getString("acks")).isEqualTo("all");
        assertThat(s.getInt("batch.size")).isEqualTo(16384);
        assertThat(s.getLong("linger.ms")).isEqualTo(5L);
        assertThat(s.getLong("buffer.memory")).isEqualTo(33554432L);
        assertThat(s.getLong("max.block.ms")).isEqualTo(60000L);
        assertThat(s.getInt("retries")).isEqualTo(Integer.MAX_VALUE);
        assertThat(s.getInt("delivery.timeout.ms")).isEqualTo(120000);
        assertThat(s.getInt("request.timeout.ms")).isEqualTo(30000);
        assertThat(s.getInt("max.in.flight.requests.per.connection")).isEqualTo(5);
        assertThat(s.getBoolean("enable.idempotence")).isTrue();
        assertThat(s.getInt("max.request.size")).isEqualTo(1048576);
        assertThat(s.getString("compression.type")).isEqualTo("none");
        assertThat(s.getList("bootstrap.servers")).containsExactly("localhost:9092");
        assertThat(s.isSet("linger.ms")).isFalse();
    }

    @Test
    void shouldParseStringValuesFromPropertiesLikeKafka() {
        Properties p = new Properties();
        p.putAll(minimal());
        p.setProperty("bootstrap.servers", " a:1 , b:2 ");
        p.setProperty("linger.ms", " 20 ");
        p.setProperty("enable.idempotence", "FALSE");
        p.setProperty("acks", "1");
        ProducerSettings s = ProducerSettings.parse(p);
        assertThat(s.getList("bootstrap.servers")).containsExactly("a:1", "b:2");
        assertThat(s.getLong("linger.ms")).isEqualTo(20L);
        assertThat(s.getBoolean("enable.idempotence")).isFalse();
        assertThat(s.isSet("linger.ms")).isTrue();
    }

    @Test
    void shouldAcceptNumbersOfAnyIntegralTypeInMaps() {
        Map<String, Object> m = minimal();
        m.put("linger.ms", 7);
        m.put("batch.size", 100L);
        ProducerSettings s = ProducerSettings.parse(m);
        assertThat(s.getLong("linger.ms")).isEqualTo(7L);
        assertThat(s.getInt("batch.size")).isEqualTo(100);
    }

    @Test
    void shouldNameKeyValueAndRangeWhenAValueIsOutOfRange() {
        Map<String, Object> m = minimal();
        m.put("batch.size", "-5");
        assertThatThrownBy(() -> ProducerSettings.parse(m))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value -5 for configuration batch.size: must be [0,...] (default: 16384)")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("batch.size");
    }

    @Test
    void shouldNameKeyAndTypeWhenAValueIsNotANumber() {
        Map<String, Object> m = minimal();
        m.put("linger.ms", "soon");
        assertThatThrownBy(() -> ProducerSettings.parse(m))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value soon for configuration linger.ms: not a number of type LONG");
    }

    @Test
    void shouldRefuseAnAcksValueKafkaDoesNotKnow() {
        Map<String, Object> m = minimal();
        m.put("acks", "2");
        assertThatThrownBy(() -> ProducerSettings.parse(m))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 2 for configuration acks: must be [all, -1, 0, 1] (default: all)");
    }

    @Test
    void shouldAcceptEveryAcksValueKafkaAccepts() {
        for (String acks : List.of("all", "ALL", "-1", "0", "1")) {
            Map<String, Object> m = minimal();
            m.put("acks", acks);
            assertThat(ConfigRules.acks(ProducerSettings.parse(m))).isIn((short) -1, (short) 0, (short) 1);
        }
    }

    @Test
    void shouldExplainAMissingBootstrapServers() {
        Map<String, Object> m = minimal();
        m.remove("bootstrap.servers");
        assertThatThrownBy(() -> ProducerSettings.parse(m))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Missing required configuration \"bootstrap.servers\" which has no default value.")
                .hasMessageContaining("host:port");
    }

    @Test
    void shouldRefuseABooleanThatIsNotTrueOrFalse() {
        Map<String, Object> m = minimal();
        m.put("enable.idempotence", "yes");
        assertThatThrownBy(() -> ProducerSettings.parse(m))
                .hasMessage("Invalid value yes for configuration enable.idempotence: expected true or false");
    }

    @Test
    void shouldRefuseAGzipLevelOutsideKafkasRange() {
        Map<String, Object> m = minimal();
        m.put("compression.gzip.level", "10");
        assertThatThrownBy(() -> ProducerSettings.parse(m))
                .hasMessageContaining("compression.gzip.level: must be [-1,...,-1] or [1,...,9]");
    }

    @Test
    void shouldKeepUnknownKeysAsOriginalsForPlugins() {
        Map<String, Object> m = minimal();
        m.put("partitioner.header.name", "region");
        ProducerSettings s = ProducerSettings.parse(m);
        assertThat(s.keysOutsideTable()).containsExactly("partitioner.header.name");
        assertThat(s.pluginView()).containsEntry("partitioner.header.name", "region").containsEntry("batch.size", 16384);
    }

    @Test
    void shouldMaskSecretsInLoggedValues() {
        assertThat(SecretKeys.isSecret("ssl.truststore.password")).isTrue();
        assertThat(SecretKeys.isSecret("sasl.jaas.config")).isTrue();
        assertThat(SecretKeys.isSecret("linger.ms")).isFalse();
        ConfigKey jaas = new ConfigKey("sasl.jaas.config", io.sluice.api.config.ConfigType.STRING, null,
                io.sluice.api.config.ConfigValidator.any(), "");
        assertThat(ConfigParser.shown(jaas, "secret")).isEqualTo("[hidden]");
    }

    @Test
    void everyTableKeyHasADocAndAValidDefault() {
        for (ConfigKey key : ProducerConfig.keys()) {
            assertThat(key.doc()).as(key.name()).isNotBlank();
            if (key.hasDefault() && key.defaultValue() != null) {
                assertThat(key.validator().check(key.defaultValue())).as(key.name() + " default").isNull();
            }
        }
    }
}
