package io.sluice.core.partition;

import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.TopicLayout;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * The producer's built-in uniform sticky partitioning (KIP-794, Kafka 3.3+): what a record gets when
 * its partitioner answers {@link Partitioner#DEFER}, which {@link DefaultPartitioner} does for records
 * without a key. It sends to one partition until about {@code batch.size} bytes went there and that
 * partition's batch is full (or {@code 2 × batch.size} bytes, regardless), then switches to another,
 * chosen uniformly or, by default, adaptively by queue length (see {@link StickyPartitionPicker}).
 *
 * <p>The name: Kafka's equivalent is the internal {@code BuiltInPartitioner}, which is not a plugin
 * either. "UniformSticky" is avoided on purpose: Kafka's public {@code UniformStickyPartitioner} is the
 * deprecated KIP-480 strategy that switched on every new batch (and ignored keys), which this is not.
 *
 * <p>Thread-safety: lock-free; one instance per producer, shared by all user threads. The per-topic
 * state lives in a concurrent map and is never removed (as in Kafka, the producer sends to few topics).
 */
public final class BuiltInStickyPartitioner {

    private static final IntSupplier THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextInt();

    private final ConcurrentHashMap<String, StickyTopicState> topics = new ConcurrentHashMap<>();
    private final int stickyBatchSize;
    private final StickyPartitionPicker picker;

    /** Built-in sticky partitioning with {@code settings} and {@link ThreadLocalRandom}. */
    public BuiltInStickyPartitioner(StickySettings settings) {
        this(settings, THREAD_LOCAL_RANDOM);
    }

    /** As above, with a given random source (e.g. a seeded one in tests); it must be thread-safe. */
    BuiltInStickyPartitioner(StickySettings settings, IntSupplier random) {
        Objects.requireNonNull(settings, "settings");
        this.stickyBatchSize = settings.stickyBatchSize();
        this.picker = new StickyPartitionPicker(settings, random);
    }

    /** From a producer configuration map (see {@link StickySettings#from}). */
    public static BuiltInStickyPartitioner fromConfig(Map<String, ?> configs) {
        return new BuiltInStickyPartitioner(StickySettings.from(configs));
    }

    /**
     * The current sticky partition of {@code layout.topic()}, picking one if needed. Allocation-free
     * except when a switch is due (one small object per ~{@code batch.size} bytes).
     *
     * @param layout the topic, with at least one partition
     * @return a partition in {@code [0, layout.partitionCount())}
     */
    public int partition(TopicLayout layout) {
        return topicState(layout.topic()).partition(layout);
    }

    /**
     * Called after a record this logic placed was appended, under the partition's batch-queue lock.
     *
     * @param batchFull whether the partition's last batch is full (Kafka's {@code allBatchesFull})
     */
    public void onAppend(String topic, int partition, int appendedBytes, boolean batchFull) {
        StickyTopicState state = topics.get(topic);
        if (state != null) {
            state.onAppend(partition, appendedBytes, batchFull);
        }
    }

    /**
     * Whether {@code partition} is still the sticky choice of {@code topic}. An accumulator may check it
     * under the partition's queue lock before appending, and ask again if it is not (Kafka's
     * {@code isPartitionChanged}); without the check a racing record lands in the old partition.
     */
    public boolean isCurrent(String topic, int partition) {
        StickyTopicState state = topics.get(topic);
        return state != null && state.isCurrent(partition);
    }

    /**
     * {@code topic}'s sticky state, created on first use and kept for the producer's life: a handle a
     * sending thread may look up once per record and pass to {@link PartitionChooser} (see
     * {@link StickyTopicState}).
     */
    public StickyTopicState topicState(String topic) {
        StickyTopicState state = topics.get(topic);
        if (state == null) {
            state = topics.computeIfAbsent(topic, t -> new StickyTopicState(stickyBatchSize, picker));
        }
        return state;
    }
}
