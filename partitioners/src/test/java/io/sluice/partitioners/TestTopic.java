package io.sluice.partitioners;

import io.sluice.api.Headers;
import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import io.sluice.api.RecordHeaders;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.api.spi.TopicLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A minimal {@link TopicLayout} and {@link PartitionerRecord} for tests: partitions 0..n-1, some without leader. */
final class TestTopic implements TopicLayout {

    static final String NAME = "events";

    private final String name;
    private final int count;
    private final int[] available;

    private TestTopic(String name, int count, int[] available) {
        this.name = name;
        this.count = count;
        this.available = available;
    }

    static TestTopic of(int count, int... leaderless) {
        return named(NAME, count, leaderless);
    }

    static TestTopic named(String name, int count, int... leaderless) {
        int[] available = IntStream.range(0, count).filter(p -> IntStream.of(leaderless).noneMatch(l -> l == p)).toArray();
        return new TestTopic(name, count, available);
    }

    @Override
    public String topic() {
        return name;
    }

    @Override
    public int partitionCount() {
        return count;
    }

    @Override
    public List<PartitionInfo> partitions() {
        List<PartitionInfo> infos = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            Node leader = leader(p);
            List<Node> replicas = leader == null ? List.of() : List.of(leader);
            infos.add(new PartitionInfo(name, p, leader, replicas, replicas, List.of()));
        }
        return infos;
    }

    @Override
    public int availablePartitionCount() {
        return available.length;
    }

    @Override
    public int availablePartition(int index) {
        return available[index];
    }

    @Override
    public boolean isAvailable(int partition) {
        return IntStream.of(available).anyMatch(a -> a == partition);
    }

    @Override
    public Node leader(int partition) {
        return isAvailable(partition) ? new Node(partition % 3, "broker" + partition % 3, 9092) : null;
    }

    @Override
    public int queuedBatches(int partition) {
        return -1;
    }

    @Override
    public long leaderBacklogMs(int partition) {
        return 0;
    }

    /** A record with these key bytes (or none) and headers. */
    record Record(byte[] keyBytes, Headers headers) implements PartitionerRecord {

        static Record keyed(byte[] keyBytes) {
            return new Record(keyBytes, new RecordHeaders());
        }

        static Record keyless() {
            return new Record(null, new RecordHeaders());
        }

        static Record withHeader(String name, String value, byte[] keyBytes) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
            return new Record(keyBytes, headers);
        }

        @Override
        public String topic() {
            return NAME;
        }

        @Override
        public Object key() {
            return keyBytes;
        }

        @Override
        public Object value() {
            return "v";
        }

        @Override
        public byte[] valueBytes() {
            return new byte[] {'v'};
        }
    }
}
