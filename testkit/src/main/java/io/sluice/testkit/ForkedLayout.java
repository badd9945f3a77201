package io.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The files of a {@link ForkedKafka} under its base directory: the broker's data, its generated
 * {@code server.properties}, logging configs for both Log4j 2 (Kafka 4.x) and Log4j 1 / reload4j (Kafka 3.x), and
 * the log file that takes the child JVM's standard output and error.
 *
 * @param base             the base directory
 * @param data             Kafka's {@code log.dirs} (and metadata log directory)
 * @param serverProperties the broker config file passed to {@code kafka.Kafka} and the storage tool
 * @param log4j2Config     Log4j 2 config, for Kafka 4.x
 * @param log4jConfig      Log4j 1 config, for Kafka 3.x
 * @param logFile          the child JVM's output, appended to across restarts
 */
record ForkedLayout(Path base, Path data, Path serverProperties, Path log4j2Config, Path log4jConfig, Path logFile) {

    static ForkedLayout in(Path base) {
        return new ForkedLayout(base, base.resolve("data"), base.resolve("server.properties"),
                base.resolve("log4j2.properties"), base.resolve("log4j.properties"), base.resolve("broker.log"));
    }

    /** Whether the storage tool has formatted the data directory already. */
    boolean formatted() {
        return Files.exists(data.resolve("meta.properties"));
    }

    /** Writes {@code server.properties} and both logging configs, with Kafka's loggers at {@code logLevel}. */
    void write(Map<String, String> serverConfig, String logLevel) {
        try {
            Files.createDirectories(data);
            Properties properties = new Properties();
            properties.putAll(new TreeMap<>(serverConfig));
            try (Writer out = Files.newBufferedWriter(serverProperties, StandardCharsets.UTF_8)) {
                properties.store(out, "Written by io.sluice.testkit.ForkedKafka");
            }
            Files.writeString(log4j2Config, String.join("\n",
                    "status = warn",
                    "appender.out.type = Console",
                    "appender.out.name = out",
                    "appender.out.layout.type = PatternLayout",
                    "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                    "rootLogger.level = " + logLevel,
                    "rootLogger.appenderRef.out.ref = out",
                    ""));
            Files.writeString(log4jConfig, String.join("\n",
                    "log4j.rootLogger=" + logLevel + ", out",
                    "log4j.appender.out=org.apache.log4j.ConsoleAppender",
                    "log4j.appender.out.layout=org.apache.log4j.PatternLayout",
                    "log4j.appender.out.layout.ConversionPattern=[%d] %p %m (%c)%n",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the forked broker's files in " + base, e);
        }
    }
}
