package io.sluice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the Kafka jars on this class path, as kafka-clients records it. */
final class KafkaVersion {

    private static final String RESOURCE = "kafka/kafka-version.properties";

    private KafkaVersion() {
    }

    /** E.g. {@code 4.4.0}. */
    static String current() {
        try (InputStream in = KafkaVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path; is kafka-clients missing?");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
