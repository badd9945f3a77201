package io.sluice.it.producer;

import java.util.HashMap;
import java.util.Map;

/** The producer configuration the producer tests start from: a broker, String keys and values, then overrides. */
final class StringProducerConfig {

    private StringProducerConfig() {
    }

    /**
     * {@code bootstrap.servers} and String serializers, then {@code keyValues} (key, value, key, value, …) over them.
     */
    static Map<String, Object> of(String bootstrapServers, Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put("bootstrap.servers", bootstrapServers);
        m.put("key.serializer", "string");
        m.put("value.serializer", "string");
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
