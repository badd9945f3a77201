package io.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Temporary directories for brokers' data, and their removal. */
final class Directories {

    private Directories() {
    }

    /** A new empty directory under {@code java.io.tmpdir} whose name starts with {@code prefix}. */
    static Path createTemp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory in "
                    + System.getProperty("java.io.tmpdir") + " for Kafka's data; is the disk full?", e);
        }
    }

    /** Deletes {@code directory} and everything below it; a missing directory is fine. */
    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + directory + " to delete it", e);
        }
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + path + "; delete " + directory + " by hand", e);
            }
        }
    }
}
