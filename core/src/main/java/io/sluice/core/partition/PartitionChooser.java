package io.sluice.core.partition;

import io.sluice.api.errors.SluiceException;
import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.api.spi.TopicLayout;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitioner station of the producer: decides each record's partition, in Kafka's order.
 * <ol>
 *   <li>An explicit partition on the record wins (checked against the topic's partition count).</li>
 *   <li>Otherwise the configured {@link Partitioner} (the {@link DefaultPartitioner} unless
 *       {@code partitioner.class} names another), through the SPI like any plugin.</li>
 *   <li>If it answers {@link Partitioner#DEFER}, the built-in uniform sticky partitioning.</li>
 * </ol>
 *
 * <p>The answer is a {@code long} "choice" that carries the partition ({@link #partitionOf}) and who
 * decided it, so that {@link #onAppend} reaches the one that decided (and only it) without any
 * per-record object: the configured partitioner for its own picks, the built-in sticky logic for
 * deferred records, nobody for explicit partitions. The producer's use, per record:
 * <pre>{@code
 * long choice = chooser.choose(record.partition(), partitionerRecord, layout);  // may throw SluiceException
 * int partition = PartitionChooser.partitionOf(choice);
 * // lock partition's deque; optionally: if (chooser.isStale(choice, topic)) choose again
 * // append; then, still under the lock:
 * chooser.onAppend(choice, topic, appendedBytes, batchFull);
 * }</pre>
 *
 * <p>Errors: a partitioner that throws, or returns anything outside {@code [0, partitionCount)} other
 * than {@code DEFER}, makes {@link #choose} throw a {@link SluiceException} naming the partitioner, the
 * topic and the value; the caller fails that one send and the producer carries on.
 *
 * <p>Thread-safety: immutable; one per producer, called by every sending thread at once. The
 * partitioner and the built-in logic are thread-safe by contract.
 */
public final class PartitionChooser {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionChooser.class);

    private static final long EXPLICIT = 0L;
    private static final long BY_PARTITIONER = 1L << 32;
    private static final long BY_BUILT_IN = 2L << 32;
    private static final long DECIDER_MASK = 0xffff_ffffL << 32;

    private final Partitioner partitioner;
    private final String partitionerDescription;
    private final BuiltInStickyPartitioner builtIn;
    /** Set by the first failing onAppend of the partitioner, so a broken plugin warns once, not per record. */
    private final AtomicBoolean onAppendFailureLogged = new AtomicBoolean();

    /**
     * @param partitioner the configured partitioner, already configured
     * @param builtIn     the built-in sticky logic for deferred records
     */
    public PartitionChooser(Partitioner partitioner, BuiltInStickyPartitioner builtIn) {
        this.partitioner = Objects.requireNonNull(partitioner, "partitioner");
        this.builtIn = Objects.requireNonNull(builtIn, "builtIn");
        this.partitionerDescription = "Partitioner \"" + partitioner.name() + "\" (" + partitioner.getClass().getName() + ")";
    }

    /**
     * Decides the partition of one record. Allocation-free on every successful path except a sticky
     * switch (one small object per ~{@code batch.size} bytes).
     *
     * @param explicitPartition the record's own partition, or {@code null}
     * @param record            the record as the partitioner sees it
     * @param layout            the record's topic, with at least one partition
     * @return the choice; {@link #partitionOf} gives the partition
     * @throws SluiceException if the explicit partition is out of range, or the partitioner throws or
     *                         answers an invalid partition; the message says which and what to do
     */
    public long choose(Integer explicitPartition, PartitionerRecord record, TopicLayout layout) {
        return choose(explicitPartition, record, layout, null);
    }

    /**
     * {@link #choose(Integer, PartitionerRecord, TopicLayout)} with the topic's sticky state already
     * looked up ({@link #stickyState}), or {@code null} to look it up if the built-in logic decides.
     */
    public long choose(Integer explicitPartition, PartitionerRecord record, TopicLayout layout, StickyTopicState sticky) {
        int partitionCount = layout.partitionCount();
        if (partitionCount < 1) {
            throw new IllegalStateException("Topic \"" + layout.topic() + "\" has " + partitionCount
                    + " partitions in the producer's metadata; the producer must wait for metadata with partitions before choosing one");
        }
        if (explicitPartition != null) {
            int p = explicitPartition;
            if (p < 0 || p >= partitionCount) {
                throw explicitOutOfRange(layout.topic(), p, partitionCount);
            }
            return encode(EXPLICIT, p);
        }
        int p = askPartitioner(record, layout);
        if (p == Partitioner.DEFER) {
            return encode(BY_BUILT_IN, sticky != null ? sticky.partition(layout) : builtIn.partition(layout));
        }
        if (p < 0 || p >= partitionCount) {
            throw invalidAnswer(layout.topic(), p, partitionCount);
        }
        return encode(BY_PARTITIONER, p);
    }

    private static long encode(long decider, int partition) {
        return decider | (partition & 0xffff_ffffL);
    }

    /** The partition of a choice made by {@link #choose}. */
    public static int partitionOf(long choice) {
        return (int) choice;
    }

    /**
     * Whether a choice of the built-in sticky logic was overtaken by a switch on another thread; an
     * accumulator may check it under the partition's queue lock and choose again (Kafka does). Always
     * false for explicit partitions and partitioner answers.
     */
    public boolean isStale(long choice, String topic) {
        return (choice & DECIDER_MASK) == BY_BUILT_IN && !builtIn.isCurrent(topic, partitionOf(choice));
    }

    /** {@link #isStale(long, String)} with the topic's sticky state already looked up. */
    public boolean isStale(long choice, StickyTopicState sticky) {
        return (choice & DECIDER_MASK) == BY_BUILT_IN && !sticky.isCurrent(partitionOf(choice));
    }

    /**
     * The built-in sticky state of {@code topic}, for a sending thread to look up once per record and
     * pass to {@link #choose(Integer, PartitionerRecord, TopicLayout, StickyTopicState)}, {@link #isStale(long,
     * StickyTopicState)} and {@link #onAppend(long, String, StickyTopicState, int, boolean)}. Kept for the
     * producer's life.
     */
    public StickyTopicState stickyState(String topic) {
        return builtIn.topicState(topic);
    }

    /**
     * Tells whoever decided {@code choice} that its record was appended; call it under the partition's
     * batch-queue lock. A partitioner's exception here is logged (once at WARN, then at DEBUG) and
     * swallowed: the record is already in a batch.
     */
    public void onAppend(long choice, String topic, int appendedBytes, boolean batchFull) {
        onAppend(choice, topic, null, appendedBytes, batchFull);
    }

    /**
     * {@link #onAppend(long, String, int, boolean)} with the topic's sticky state already looked up, or
     * {@code null} to look it up if the built-in logic decided.
     */
    public void onAppend(long choice, String topic, StickyTopicState sticky, int appendedBytes, boolean batchFull) {
        long decider = choice & DECIDER_MASK;
        if (decider == BY_BUILT_IN) {
            if (sticky != null) {
                sticky.onAppend(partitionOf(choice), appendedBytes, batchFull);
            } else {
                builtIn.onAppend(topic, partitionOf(choice), appendedBytes, batchFull);
            }
        } else if (decider == BY_PARTITIONER) {
            try {
                partitioner.onAppend(topic, partitionOf(choice), appendedBytes, batchFull);
            } catch (RuntimeException e) {
                logOnAppendFailure(topic, e);
            }
        }
    }

    private int askPartitioner(PartitionerRecord record, TopicLayout layout) {
        try {
            return partitioner.partition(record, layout);
        } catch (RuntimeException e) {
            throw new SluiceException(partitionerDescription + " threw " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + " for a record of topic \"" + layout.topic() + "\"; the record was not sent. Fix the partitioner, "
                    + "or have it return Partitioner.DEFER (-1) to leave such records to the built-in sticky partitioning.", e);
        }
    }

    private SluiceException invalidAnswer(String topic, int answer, int partitionCount) {
        return new SluiceException(partitionerDescription + " returned partition " + answer + " for a record of topic \""
                + topic + "\", which has " + partitionCount + " partitions; a partitioner must return a partition in [0, "
                + partitionCount + ") or Partitioner.DEFER (-1). The record was not sent.");
    }

    private static SluiceException explicitOutOfRange(String topic, int partition, int partitionCount) {
        return new SluiceException("The record names partition " + partition + " of topic \"" + topic + "\", which has "
                + partitionCount + " partitions (0.." + (partitionCount - 1) + "); give a partition in [0, " + partitionCount
                + ") or none to let the partitioner choose. The record was not sent.");
    }

    private void logOnAppendFailure(String topic, RuntimeException e) {
        if (onAppendFailureLogged.compareAndSet(false, true)) {
            LOG.warn("{} threw in onAppend for topic \"{}\"; the record was appended anyway. Later failures are logged at DEBUG.",
                    partitionerDescription, topic, e);
        } else {
            LOG.debug("{} threw in onAppend for topic \"{}\"", partitionerDescription, topic, e);
        }
    }

    @Override
    public String toString() {
        return "PartitionChooser{" + partitionerDescription + "}";
    }
}
