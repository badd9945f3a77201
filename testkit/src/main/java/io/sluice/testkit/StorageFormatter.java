package io.sluice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Formats the directory of an in-process node, as {@code kafka-storage.sh format} would, with Kafka's own
 * {@link Formatter}: {@code meta.properties} plus the bootstrap metadata at the latest production metadata
 * version, static quorum ({@code controller.quorum.voters}). A directory formatted before is left as it is, so a
 * restarted node keeps its data and a kept {@link KafkaClusterBuilder#dataDirectory data directory} is reused.
 */
final class StorageFormatter {

    private static final String META_PROPERTIES = "meta.properties";

    private StorageFormatter() {
    }

    /** Formats {@code node}'s directory for cluster {@code clusterId} unless it is formatted already. */
    static void formatIfNeeded(NodeSpec node, String clusterId) {
        if (Files.exists(node.directory().resolve(META_PROPERTIES))) {
            return;
        }
        try {
            Files.createDirectories(node.directory());
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(node.id())
                    .setClusterId(clusterId)
                    .setDirectories(List.of(node.directory().toString()))
                    .setMetadataLogDirectory(node.directory().toString())
                    .setControllerListenerName(NodeConfigs.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setUnstableFeatureVersionsEnabled(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the storage of Kafka node " + node.id() + " in "
                    + node.directory() + " for cluster " + clusterId + ": " + e.getMessage()
                    + "; delete the directory to start afresh", e);
        }
    }

    /**
     * The cluster id found in a {@code meta.properties} anywhere under {@code root} (a kept data directory), so
     * nodes formatted now join the cluster formatted before.
     */
    static Optional<String> existingClusterId(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(file -> file.getFileName().toString().equals(META_PROPERTIES))
                    .findFirst()
                    .map(StorageFormatter::clusterIdIn);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not search " + root + " for Kafka's meta.properties", e);
        }
    }

    private static String clusterIdIn(Path metaProperties) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + metaProperties, e);
        }
        String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null) {
            throw new IllegalStateException(metaProperties + " has no cluster.id; delete its directory to start afresh");
        }
        return clusterId;
    }
}
