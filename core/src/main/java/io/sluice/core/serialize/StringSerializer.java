package io.sluice.core.serialize;

import io.sluice.api.errors.ConfigException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/**
 * A {@code String} in UTF-8, or in the charset named by {@code key.serializer.encoding} /
 * {@code value.serializer.encoding} / {@code serializer.encoding} (Kafka's {@code StringSerializer}).
 * Short name {@code string}. Thread-safe once configured.
 */
public final class StringSerializer implements io.sluice.api.spi.Serializer<String> {

    private volatile Charset charset = StandardCharsets.UTF_8;

    @Override
    public String name() {
        return "string";
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        String key = isKey ? "key.serializer.encoding" : "value.serializer.encoding";
        Object encoding = configs.get(key);
        if (encoding == null) {
            key = "serializer.encoding";
            encoding = configs.get(key);
        }
        if (encoding instanceof String name) {
            try {
                charset = Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new ConfigException(key, key + "=" + name + " is not a charset this JVM supports; use e.g. UTF-8", e);
            }
        }
    }

    @Override
    public byte[] serialize(String topic, String data) {
        return data == null ? null : data.getBytes(charset);
    }
}
