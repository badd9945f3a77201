package io.sluice.it.wire;

import io.sluice.api.Header;
import io.sluice.api.RecordHeader;
import io.sluice.api.TopicPartition;
import io.sluice.core.metadata.Cluster;
import io.sluice.core.protocol.ProduceRequest;
import io.sluice.core.protocol.Uuids;
import io.sluice.core.record.CompressionScratch;
import io.sluice.core.record.RecordBatchBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records a wire test sends: per partition one record batch v2 (built by Sluice's builder) of
 * a few records with key, value, two headers and a distinct timestamp, and what each record should
 * read back as. Built on the test thread.
 */
final class SentBatches {

    /** One record as sent. */
    record Sent(TopicPartition tp, int indexInBatch, String key, String value, long timestamp, String traceHeader) {
    }

    final Map<TopicPartition, ByteBuffer> batches = new LinkedHashMap<>();
    final List<Sent> records = new ArrayList<>();

    /** {@code perPartition} records for every partition of {@code topics} (in the cluster's numbering). */
    static SentBatches forTopics(Cluster cluster, List<String> topics, int perPartition, long baseTimestamp) {
        SentBatches sent = new SentBatches();
        CompressionScratch scratch = new CompressionScratch();
        for (String topic : topics) {
            for (int p = 0; p < cluster.partitionCount(topic); p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(16_384), 16_384);
                for (int i = 0; i < perPartition; i++) {
                    String key = "key-" + tp + "-" + i;
                    String value = "value of record " + i + " for " + tp + " ✓";
                    long timestamp = baseTimestamp + 1_000L * p + i;
                    String trace = "trace-" + tp + "-" + i;
                    Header[] headers = {new RecordHeader("trace", trace.getBytes(StandardCharsets.UTF_8)),
                            new RecordHeader("empty", new byte[0])};
                    int index = builder.tryAppend(timestamp, key.getBytes(StandardCharsets.UTF_8),
                            value.getBytes(StandardCharsets.UTF_8), headers);
                    if (index != i) {
                        throw new AssertionError("record " + i + " did not fit the batch: " + index);
                    }
                    sent.records.add(new Sent(tp, i, key, value, timestamp, trace));
                }
                sent.batches.put(tp, builder.close(scratch));
            }
        }
        return sent;
    }

    /** One Produce request body holding every batch, topics named (and identified, for v13). */
    ProduceRequest request(Cluster cluster, short acks) {
        Map<String, List<ProduceRequest.PartitionData>> byTopic = new LinkedHashMap<>();
        batches.forEach((tp, batch) -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>())
                .add(new ProduceRequest.PartitionData(tp.partition(), batch.duplicate())));
        List<ProduceRequest.TopicData> topics = new ArrayList<>();
        byTopic.forEach((topic, partitions) -> topics.add(new ProduceRequest.TopicData(topic,
                cluster.topicId(topic) == null ? Uuids.ZERO : cluster.topicId(topic), partitions)));
        return new ProduceRequest(null, acks, 30_000, topics);
    }
}
