package io.sluice.it.codec;

import io.sluice.testkit.KafkaCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The raw bytes of a partition's log, read from the leader's {@code .log} segment files: a log
 * segment is record batches laid end to end, exactly the input of Sluice's {@code RecordBatchReader}.
 * With {@code compression.type=producer} on the topic (Kafka's default) a v2 batch is stored as the
 * producer compressed it; the broker only assigns offsets and the leader epoch in its header.
 * Read after the producer's writes were acknowledged, so no batch is half written. Stateless.
 */
final class SegmentBytes {

    private SegmentBytes() {
    }

    /** Every segment of {@code topic-partition} on its current leader, in offset order, concatenated. */
    static ByteBuffer of(KafkaCluster cluster, String topic, int partition) {
        int leader = cluster.leaderOf(topic, partition);
        if (leader < 0) {
            throw new IllegalStateException(topic + "-" + partition + " has no leader; cannot pick whose log to read");
        }
        Path directory = cluster.logDirectory(leader).resolve(topic + "-" + partition);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path segment : segments(directory)) {
            try {
                all.write(Files.readAllBytes(segment));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read log segment " + segment, e);
            }
        }
        return ByteBuffer.wrap(all.toByteArray());
    }

    /** Segment files are named by their zero-padded base offset, so name order is offset order. */
    private static List<Path> segments(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the log segments in " + directory
                    + "; is the broker a replica of this partition?", e);
        }
    }
}
