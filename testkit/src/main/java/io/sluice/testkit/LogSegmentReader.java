package io.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.FileRecords;

/**
 * Reads the record batches of one partition straight from a broker's log segment files.
 *
 * <p>This is the ONLY class of the testkit that uses Kafka's internal record API
 * ({@code org.apache.kafka.common.record.internal}, moved there in Kafka 4.4 and free to change in any release);
 * everything it learns leaves as {@link StoredBatch}. Segments are opened read-only; a batch the broker is still
 * appending at the end of the active segment is not returned.
 */
final class LogSegmentReader {

    private LogSegmentReader() {
    }

    /** The batches of the partition whose directory is {@code partitionDirectory} ({@code <log.dir>/<topic>-<n>}). */
    static List<StoredBatch> read(Path partitionDirectory) {
        if (!Files.isDirectory(partitionDirectory)) {
            throw new IllegalArgumentException("No partition directory " + partitionDirectory
                    + "; is the broker a replica of this partition, and was the topic created?");
        }
        List<StoredBatch> batches = new ArrayList<>();
        for (Path segment : segments(partitionDirectory)) {
            try (FileRecords records = FileRecords.open(segment.toFile(), false)) {
                for (FileChannelRecordBatch batch : records.batches()) {
                    batches.add(toStoredBatch(batch));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read log segment " + segment, e);
            }
        }
        return batches;
    }

    private static StoredBatch toStoredBatch(FileChannelRecordBatch batch) {
        Integer count = batch.countOrNull();
        return new StoredBatch(
                batch.baseOffset(),
                batch.lastOffset(),
                count == null ? (int) (batch.lastOffset() - batch.baseOffset() + 1) : count,
                batch.magic(),
                batch.compressionType().id,
                batch.sizeInBytes(),
                batch.producerId(),
                batch.producerEpoch(),
                batch.baseSequence(),
                batch.isTransactional(),
                batch.isControlBatch(),
                batch.maxTimestamp());
    }

    /** Segment files in offset order: their names are the zero-padded base offset, so name order is offset order. */
    private static List<Path> segments(Path partitionDirectory) {
        try (Stream<Path> files = Files.list(partitionDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list log segments in " + partitionDirectory, e);
        }
    }
}
