package io.sluice.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Kafka release a {@link ForkedKafka} can run: its version and the class path of a JVM that runs its broker.
 *
 * @param version   e.g. {@code 4.4.0} or {@code 3.9.2}
 * @param classPath the jars (and directories) of that release's broker, in class path order
 */
public record KafkaDistribution(String version, List<Path> classPath) {

    /** System property naming the directory that holds the Kafka 3.9 jars (set by the testkit's own pom). */
    public static final String KAFKA_39_DIR_PROPERTY = "sluice.kafka39.dir";

    private static final Pattern CLIENTS_JAR = Pattern.compile("kafka-clients-(\\d[^/]*?)\\.jar");

    public KafkaDistribution {
        Objects.requireNonNull(version, "version");
        classPath = List.copyOf(classPath);
        if (classPath.isEmpty()) {
            throw new IllegalArgumentException("The class path of Kafka " + version + " is empty");
        }
    }

    /**
     * The Kafka of this JVM's class path (4.4.0 in Sluice's build). Under Surefire that is the test class path
     * from the {@code surefire.test.class.path} property: Surefire's own {@code java.class.path} is a one-jar
     * manifest. Elsewhere, {@code java.class.path}.
     */
    public static KafkaDistribution current() {
        String classPath = System.getProperty("surefire.test.class.path");
        if (classPath == null || classPath.isBlank()) {
            classPath = System.getProperty("java.class.path");
        }
        List<Path> entries = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Paths::get)
                .collect(Collectors.toList());
        return new KafkaDistribution(KafkaVersion.current(), entries);
    }

    /**
     * Kafka 3.9, whose broker jars the testkit's build copies to {@code testkit/target/kafka-3.9}: from the
     * directory the {@value #KAFKA_39_DIR_PROPERTY} system property names, else from {@code kafka-3.9} beside the
     * testkit's own classes or jar (both live in {@code testkit/target} in a reactor build).
     *
     * @throws IllegalStateException if neither holds Kafka jars; the message says how to fix it
     */
    public static KafkaDistribution kafka39() {
        String dir = System.getProperty(KAFKA_39_DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return fromDirectory(Paths.get(dir));
        }
        Path besideTestkit = testkitLocation().resolveSibling("kafka-3.9");
        if (Files.isDirectory(besideTestkit)) {
            return fromDirectory(besideTestkit);
        }
        throw new IllegalStateException("Kafka 3.9 jars not found: system property " + KAFKA_39_DIR_PROPERTY
                + " is not set and " + besideTestkit + " does not exist. Build the testkit module (it copies Kafka "
                + "3.9 to testkit/target/kafka-3.9), or pass -D" + KAFKA_39_DIR_PROPERTY + "=<a directory of its jars>");
    }

    /**
     * The jars of one directory (a Kafka distribution's {@code libs/}, say); the version is read from the name of
     * its {@code kafka-clients-<version>.jar}.
     */
    public static KafkaDistribution fromDirectory(Path libs) {
        List<Path> jars;
        try (Stream<Path> files = Files.list(libs)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list Kafka jars in " + libs + "; does the directory exist? "
                    + "Build the testkit module first (mvn -pl testkit -am verify)", e);
        }
        String version = jars.stream()
                .map(jar -> CLIENTS_JAR.matcher(jar.getFileName().toString()))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No kafka-clients-<version>.jar in " + libs
                        + "; it does not hold a Kafka distribution"));
        return new KafkaDistribution(version, jars);
    }

    /** This class path plus the testkit's own classes, which hold the child JVM's entry point {@link ForkedMain}. */
    List<Path> classPathWithTestkit() {
        Path testkit = testkitLocation();
        List<Path> entries = new ArrayList<>(classPath);
        if (!entries.contains(testkit)) {
            entries.add(testkit);
        }
        return entries;
    }

    private static Path testkitLocation() {
        try {
            return Paths.get(ForkedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the testkit's classes", e);
        }
    }
}
