package io.sluice.examples.perf;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The producer configuration of a perf run, merged as Kafka's tool merges it: the config file first,
 * then {@code --command-property}/{@code --producer-props} over it, then {@code --bootstrap-server} over both;
 * byte-array serializers always (the tool sends bytes), and {@code client.id=perf-producer-client} unless set.
 * Stateless.
 */
public final class ProducerProperties {

    /** Kafka's tool's client id, kept so that metrics and broker logs look the same. */
    public static final String DEFAULT_CLIENT_ID = "perf-producer-client";

    private ProducerProperties() {
    }

    /**
     * @throws PerfArguments.UsageException if the config file cannot be read or a property is not {@code key=value}
     */
    public static Map<String, Object> of(PerfOptions options) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (options.configFile() != null) {
            config.putAll(load(Path.of(options.configFile())));
        }
        for (String property : options.properties()) {
            int eq = property.indexOf('=');
            if (eq <= 0) {
                throw new PerfArguments.UsageException("Invalid property: " + property
                        + " (expected PROP-NAME=PROP-VALUE, e.g. linger.ms=5)");
            }
            config.put(property.substring(0, eq).trim(), property.substring(eq + 1).trim());
        }
        if (options.bootstrapServer() != null) {
            config.put("bootstrap.servers", options.bootstrapServer());
        }
        config.put("key.serializer", "bytearray");
        config.put("value.serializer", "bytearray");
        config.putIfAbsent("client.id", DEFAULT_CLIENT_ID);
        return config;
    }

    private static Map<String, String> load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new PerfArguments.UsageException("Cannot read the producer config file " + file.toAbsolutePath() + ": "
                    + e + "; check --command-config / --producer.config");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            out.put(name, properties.getProperty(name));
        }
        return out;
    }
}
