package io.sluice.bench.send;

import io.sluice.api.Headers;
import io.sluice.api.Node;
import io.sluice.api.PartitionInfo;
import io.sluice.api.RecordHeaders;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.api.spi.Compressor;
import io.sluice.api.spi.PartitionerRecord;
import io.sluice.api.spi.TopicLayout;
import io.sluice.core.accumulate.AccumulatorConfig;
import io.sluice.core.accumulate.AppendObserver;
import io.sluice.core.accumulate.BufferAllocator;
import io.sluice.core.accumulate.BufferPool;
import io.sluice.core.accumulate.PartitionLeaders;
import io.sluice.core.accumulate.PoolWaitRecorder;
import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.accumulate.RecordAccumulator;
import io.sluice.core.accumulate.TopicQueues;
import io.sluice.core.partition.BuiltInStickyPartitioner;
import io.sluice.core.partition.DefaultPartitioner;
import io.sluice.core.partition.ImmutableTopicLayout;
import io.sluice.core.partition.PartitionChooser;
import io.sluice.core.partition.StickySettings;
import io.sluice.core.partition.StickyTopicState;
import io.sluice.core.record.BatchCompression;
import io.sluice.core.record.RecordBatchBuilder;
import io.sluice.core.time.ExponentialBackoff;
import io.sluice.core.time.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The sending thread's share of a keyless send below {@code SluiceProducer}, per record: the partitioner
 * station (the default partitioner deferring to built-in uniform sticky partitioning over a load-aware
 * layout of 6 partitions), the accumulator's append (partition lock, append into the batch builder, the
 * sticky bookkeeping) and, with lz4, the user thread's compression of each batch that fills up. 100-byte
 * values without key or headers, {@code batch.size=65536}, direct pool buffers, as in the side-by-side runs.
 *
 * <p>Each invocation appends {@link #RECORDS} records; the teardown (not measured) drains every batch,
 * completes it and gives its memory back, as the sender thread would. Payloads come from a fixed table,
 * so no payload generation is measured.
 *
 * <pre>java -jar bench/target/benchmarks.jar AppendPathBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AppendPathBenchmark {

    static final int RECORDS = 8192;
    private static final String TOPIC = "bench";
    private static final int PARTITIONS = 6;

    @Param({"none", "lz4"})
    public String compression;

    private RecordAccumulator accumulator;
    private PartitionChooser chooser;
    private TopicQueues queues;
    private StickyTopicState sticky;
    private TopicLayout metadataLayout;
    private Observer observer;
    private Leaders leaders;
    private byte[][] payloads;
    private int next;
    private final java.nio.ByteBuffer builderBuffer = java.nio.ByteBuffer.allocateDirect(65536);
    private final long builderTime = System.currentTimeMillis();
    private RecordBatchBuilder builder;
    private BatchCompression builderCompression;

    @Setup(Level.Trial)
    public void setUp() {
        BufferPool pool = new BufferPool(64L << 20, 65536, BufferAllocator.DIRECT, Time.SYSTEM, PoolWaitRecorder.NONE);
        AccumulatorConfig config = new AccumulatorConfig(65536, 5, 120_000,
                new ExponentialBackoff(100, 2, 1000, 0.0, new java.util.Random(1)), batchCompression(compression),
                false, false, false);
        accumulator = new RecordAccumulator(config, pool);
        builderCompression = batchCompression(compression);
        builder = new RecordBatchBuilder(builderBuffer, 65536, builderCompression, 1.0f);
        DefaultPartitioner partitioner = new DefaultPartitioner();
        partitioner.configure(Map.of());
        chooser = new PartitionChooser(partitioner, new BuiltInStickyPartitioner(StickySettings.DEFAULTS));
        queues = accumulator.topic(TOPIC);
        sticky = chooser.stickyState(TOPIC);
        observer = new Observer(chooser, sticky);
        List<PartitionInfo> partitions = new ArrayList<>();
        Node node = new Node(0, "localhost", 9092);
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new PartitionInfo(TOPIC, p, node, List.of(node), List.of(node), List.of()));
        }
        metadataLayout = ImmutableTopicLayout.of(TOPIC, partitions);
        leaders = new Leaders(node);
        SplittableRandom random = new SplittableRandom(0);
        payloads = new byte[1024][100];
        for (byte[] payload : payloads) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) ('A' + random.nextInt(26));
            }
        }
    }

    static BatchCompression batchCompression(String name) {
        if (name.equals("none")) {
            return BatchCompression.NONE;
        }
        for (Compressor c : ServiceLoader.load(Compressor.class)) {
            if (c.name().equals(name)) {
                return BatchCompression.of(c);
            }
        }
        throw new IllegalArgumentException("No Compressor named " + name + " on the class path");
    }

    /** Drains, completes and frees every batch, as the sender would (not measured). */
    @TearDown(Level.Invocation)
    public void drainAll() {
        accumulator.beginFlush(); // makes every batch ready, full or not
        try {
            while (accumulator.hasUndrained()) {
                var ready = accumulator.ready(leaders, Time.SYSTEM.monotonicMs());
                Map<Integer, List<ProducerBatch>> drained = accumulator.drain(leaders, ready.readyNodes(), 1 << 30,
                        RecordAccumulator.BatchStamper.NONE, (batch, cause) -> {
                            throw new IllegalStateException(cause);
                        }, Time.SYSTEM.monotonicMs());
                for (List<ProducerBatch> batches : drained.values()) {
                    for (ProducerBatch batch : batches) {
                        batch.complete(ProducerBatch.FinalState.SUCCEEDED, 0, -1, null, new io.sluice.core.intercept.Interceptors<>(List.of()));
                        accumulator.release(batch);
                    }
                }
            }
            accumulator.awaitFlushCompletion(); // every batch completed above: returns at once
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One keyless record per op: read the wall clock for its timestamp, choose a partition, append (as
     * {@code SluiceProducer.doSend} does for a topic it knows: one clock read per send).
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void chooseAndAppend(Blackhole bh) {
        for (int i = 0; i < RECORDS; i++) {
            byte[] value = payloads[next++ & 1023];
            Headers headers = new RecordHeaders();
            TopicLayout layout = accumulator.layout(queues, metadataLayout);
            View view = new View(value, headers);
            long timestamp = System.currentTimeMillis();
            while (true) {
                long choice = chooser.choose(null, view, layout, sticky);
                CompletableFuture<RecordMetadata> f = accumulator.append(queues, PartitionChooser.partitionOf(choice),
                        timestamp, null, value, headers, null, 1000, observer, choice,
                        RecordAccumulator.READ_CLOCK_FOR_NEW_BATCH);
                if (f != null) {
                    bh.consume(f);
                    break;
                }
            }
        }
    }

    /**
     * The batch builder alone: one record written into an open batch (a new batch when it is full; a full
     * batch is dropped unsealed, so lz4 here measures the appends' size estimates, not compression).
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void builderAppend(Blackhole bh) {
        for (int i = 0; i < RECORDS; i++) {
            byte[] value = payloads[next++ & 1023];
            if (builder.tryAppend(builderTime, null, value, (Headers) null) == RecordBatchBuilder.NO_ROOM) {
                builder = new RecordBatchBuilder(builderBuffer, 65536, builderCompression, 1.0f);
                bh.consume(builder.tryAppend(builderTime, null, value, (Headers) null));
            }
        }
    }

    /** What a partitioner sees of a keyless record (SluiceProducer's RecordView is package-private). */
    private record View(byte[] valueBytes, Headers headers) implements PartitionerRecord {
        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public Object key() {
            return null;
        }

        @Override
        public byte[] keyBytes() {
            return null;
        }

        @Override
        public Object value() {
            return valueBytes;
        }
    }

    /** As SluiceProducer's SendTopic: tells the partitioner about appends through the topic's sticky state. */
    private record Observer(PartitionChooser chooser, StickyTopicState sticky) implements AppendObserver {
        @Override
        public void onAppend(long choice, String topic, int appendedBytes, boolean batchFull) {
            chooser.onAppend(choice, topic, sticky, appendedBytes, batchFull);
        }

        @Override
        public boolean isStale(long choice, String topic) {
            return chooser.isStale(choice, sticky);
        }
    }

    /** Every partition led by one node. */
    private record Leaders(Node node) implements PartitionLeaders {
        @Override
        public Node leaderFor(String topic, int partition) {
            return node;
        }

        @Override
        public List<TopicPartition> partitionsLedBy(int nodeId) {
            List<TopicPartition> out = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                out.add(new TopicPartition(TOPIC, p));
            }
            return out;
        }
    }
}
