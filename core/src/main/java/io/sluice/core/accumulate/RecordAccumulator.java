package io.sluice.core.accumulate;

import io.sluice.api.Callback;
import io.sluice.api.DeliveryListener;
import io.sluice.api.Headers;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.api.errors.WouldBlockException;
import io.sluice.api.spi.TopicLayout;
import io.sluice.core.record.CompressionRatioEstimator;
import io.sluice.core.record.CompressionScratch;
import io.sluice.core.record.RecordBatchBuilder;
import io.sluice.core.record.RecordSizes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects records into batches per partition until the sender takes them: the station between the
 * user threads that {@code send} and the sender thread that writes requests.
 *
 * <p>Threads: {@link #append} runs on user threads, concurrently; each partition's queue is guarded
 * by its own monitor, held only for the append itself (never while waiting for memory or while
 * compressing). {@link #ready}, {@link #drain}, {@link #reenqueue}, {@link #expiredBatches} and
 * {@link #release} run on the sender thread. Flags shared by both ({@link #closed}, flushes) are
 * volatile or atomic.
 */
public final class RecordAccumulator {

    /**
     * For {@code nowMs} of {@code append}: the accumulator reads the monotonic clock itself, and only if
     * the record opens a new batch (its creation time). An append to an open batch needs no time, so the
     * send path reads no clock for it.
     */
    public static final long READ_CLOCK_FOR_NEW_BATCH = Long.MIN_VALUE;

    private final AccumulatorConfig config;
    private final BufferPool pool;
    private final CompressionRatioEstimator ratios = new CompressionRatioEstimator();
    private final ThreadLocal<CompressionScratch> scratch = ThreadLocal.withInitial(() -> new CompressionScratch(true));
    private final ConcurrentMap<String, TopicQueues> topics = new ConcurrentHashMap<>();
    private final IncompleteBatches incomplete = new IncompleteBatches();
    private final AtomicInteger appendsInProgress = new AtomicInteger();
    private final AtomicInteger flushesInProgress = new AtomicInteger();
    private final ReadinessCheck readiness;
    private final BatchDrainer drainer;
    private final BatchSplitting splitting;
    private final RecordCompletions.Pool completions;
    private volatile boolean closed;
    private volatile Runnable wakeupSender = () -> { };

    public RecordAccumulator(AccumulatorConfig config, BufferPool pool) {
        this.config = config;
        this.pool = pool;
        this.completions = new RecordCompletions.Pool(config.keepHeaders());
        this.readiness = new ReadinessCheck(config, pool, topics.values(), this::flushInProgress, () -> closed);
        this.drainer = new BatchDrainer(topics, readiness, config.guaranteeOrder());
        this.splitting = new BatchSplitting(config, completions);
    }

    /** The sender's wake-up, called when a batch fills up or a new one is created. */
    public void onBatchReady(Runnable wakeupSender) {
        this.wakeupSender = wakeupSender;
    }

    /**
     * Appends a record to the open batch of its partition, or to a new one.
     *
     * @param maxBlockMs how long to wait for buffer memory; {@code -1} means never wait ({@code trySend})
     * @param observer   told about the append under the partition's lock (sticky partitioning)
     * @param choice     the partitioner's choice token, passed to {@code observer}
     * @param nowMs      monotonic time now, the creation time if the record opens a batch; or
     *                   {@link #READ_CLOCK_FOR_NEW_BATCH}
     * @return the record's future, completed when its batch completes; or {@code null} if the partitioner
     *         switched partitions meanwhile (uniform sticky): choose the partition again and append again
     * @throws io.sluice.api.errors.BufferExhaustedException if memory did not free up in time
     * @throws WouldBlockException if {@code maxBlockMs} is -1 and memory is short
     * @throws IllegalStateException if the producer is closing
     */
    public CompletableFuture<RecordMetadata> append(String topic, int partition, long timestamp, byte[] key, byte[] value,
                                                    Headers headers, Callback callback, long maxBlockMs,
                                                    AppendObserver observer, long choice, long nowMs) {
        return append(topic(topic), partition, timestamp, key, value, headers, callback, maxBlockMs, observer, choice, nowMs);
    }

    /**
     * {@link #append(String, int, long, byte[], byte[], Headers, Callback, long, AppendObserver, long, long)}
     * with the topic's queues already looked up ({@link #topic}).
     */
    public CompletableFuture<RecordMetadata> append(TopicQueues topicQueues, int partition, long timestamp, byte[] key,
                                                    byte[] value, Headers headers, Callback callback, long maxBlockMs,
                                                    AppendObserver observer, long choice, long nowMs) {
        CompletableFuture<RecordMetadata> future = new CompletableFuture<>();
        return appendRecord(topicQueues, partition, timestamp, key, value, headers, future, callback, null, 0,
                maxBlockMs, observer, choice, nowMs) ? future : null;
    }

    /**
     * {@link #append(TopicQueues, int, long, byte[], byte[], Headers, Callback, long, AppendObserver, long, long)}
     * for a send without a future: {@code delivery} is told the outcome with {@code tag}.
     *
     * @return true once appended; false if the partitioner switched partitions meanwhile (choose again)
     */
    public boolean append(TopicQueues topicQueues, int partition, long timestamp, byte[] key, byte[] value,
                          Headers headers, DeliveryListener delivery, long tag, long maxBlockMs,
                          AppendObserver observer, long choice, long nowMs) {
        return appendRecord(topicQueues, partition, timestamp, key, value, headers, null, null, delivery, tag,
                maxBlockMs, observer, choice, nowMs);
    }

    // Many parameters rather than a parameter object: this runs once per record and must not allocate.
    private boolean appendRecord(TopicQueues topicQueues, int partition, long timestamp, byte[] key, byte[] value,
                                 Headers headers, CompletableFuture<RecordMetadata> future, Callback callback,
                                 DeliveryListener delivery, long tag, long maxBlockMs,
                                 AppendObserver observer, long choice, long nowMs) {
        String topic = topicQueues.topic;
        appendsInProgress.incrementAndGet();
        ByteBuffer buffer = null;
        try {
            PartitionQueue queue = topicQueues.queue(partition);
            synchronized (queue) {
                checkOpen();
                if (observer.isStale(choice, topic)) {
                    return false;
                }
                if (tryAppendToLast(queue, timestamp, key, value, headers, future, callback, delivery, tag, observer, choice)) {
                    return true;
                }
                if (switchedBeforeNewBatch(queue, observer, choice, topic)) {
                    return false;
                }
            }
            int size = initialBufferSize(topic, key, value, headers);
            buffer = maxBlockMs < 0 ? pool.tryAllocate(size) : pool.allocate(size, maxBlockMs);
            if (buffer == null) {
                throw new WouldBlockException("trySend would block: buffer.memory=" + pool.totalMemory() + " bytes are in "
                        + "use (" + pool.availableMemory() + " available) and a new batch needs " + size + " bytes");
            }
            ProducerBatch sealable;
            synchronized (queue) {
                checkOpen();
                if (observer.isStale(choice, topic)) {
                    return false; // another thread's append switched partitions meanwhile
                }
                if (tryAppendToLast(queue, timestamp, key, value, headers, future, callback, delivery, tag, observer, choice)) {
                    return true; // another thread made a batch meanwhile; our buffer goes back
                }
                if (switchedBeforeNewBatch(queue, observer, choice, topic)) {
                    return false;
                }
                sealable = queue.batches.peekLast();
                ProducerBatch batch = newBatch(queue.topicPartition, buffer,
                        nowMs == READ_CLOCK_FOR_NEW_BATCH ? pool.time().monotonicMs() : nowMs);
                buffer = null;
                batch.tryAppend(timestamp, key, value, headers, future, callback, delivery, tag); // a first record always fits
                queue.batches.addLast(batch);
                incomplete.add(batch);
                // as Kafka: a new batch counts with its whole estimated size, header included
                observer.onAppend(choice, topic, batch.estimatedSizeInBytes(), batch.isFull());
            }
            if (sealable != null) {
                sealEarly(sealable);
            }
            wakeupSender.run();
            return true;
        } finally {
            if (buffer != null) {
                pool.deallocate(buffer);
            }
            appendsInProgress.decrementAndGet();
        }
    }

    /**
     * Compresses the batch that filled up, on this user thread, without a lock, so the sender finds it
     * ready. If the codec fails, nothing is lost and this send still succeeds: the record being sent is
     * in another batch, already buffered (failing the send would make the caller send it twice). The
     * sealed batch stays as it was; the sender compresses it again when it drains it, and fails that
     * batch's records with the codec's error if it fails again (see {@link #drain}).
     */
    private void sealEarly(ProducerBatch full) {
        try {
            full.trySeal(scratch.get());
        } catch (RuntimeException | LinkageError e) {
            // left to the drain, as said above
        }
    }

    /**
     * Kafka's {@code partitionChanged}: the last batch is full and a new one would open, which is the
     * moment uniform sticky may switch partitions; tell it, and report whether it did. Queue lock held.
     */
    private static boolean switchedBeforeNewBatch(PartitionQueue queue, AppendObserver observer, long choice, String topic) {
        ProducerBatch last = queue.batches.peekLast();
        if (last == null || !last.isFull()) {
            return false;
        }
        observer.onAppend(choice, topic, 0, true);
        return observer.isStale(choice, topic);
    }

    /** Appends to the last batch of the queue if it has room. Queue lock held. */
    private boolean tryAppendToLast(PartitionQueue queue, long timestamp, byte[] key, byte[] value, Headers headers,
                                    CompletableFuture<RecordMetadata> future, Callback callback,
                                    DeliveryListener delivery, long tag, AppendObserver observer, long choice) {
        ProducerBatch last = queue.batches.peekLast();
        if (last == null) {
            return false;
        }
        int before = last.estimatedSizeInBytes();
        if (last.tryAppend(timestamp, key, value, headers, future, callback, delivery, tag) == RecordBatchBuilder.NO_ROOM
                && !(config.incrementalAllocation() && grow(last, timestamp, key, value, headers)
                        && last.tryAppend(timestamp, key, value, headers, future, callback, delivery, tag)
                                != RecordBatchBuilder.NO_ROOM)) {
            last.closeForAppends(); // it refused a record: it is full, and a new batch follows
            return false;
        }
        boolean full = last.isFull();
        observer.onAppend(choice, queue.topicPartition.topic(), last.estimatedSizeInBytes() - before, full);
        if (full) {
            // Only at the moment a batch fills up: waking the sender for every record while full batches
            // wait (as Kafka does) costs a selector wake-up per record and tells it nothing new.
            wakeupSender.run();
        }
        return true;
    }

    /**
     * Grows an open batch whose buffer is too small for the record but whose {@code batch.size} is not
     * reached: at least doubles it, without waiting for memory (a partition lock is held); if memory
     * is short the batch counts as full and the caller starts a new one, which may wait.
     */
    private boolean grow(ProducerBatch batch, long timestamp, byte[] key, byte[] value, Headers headers) {
        int needed = batch.capacityNeededFor(timestamp, key, value, headers);
        if (needed <= 0) {
            return false;
        }
        int target = Math.max(needed, batch.bufferCapacity() * 2);
        int largest = pool.sizeClasses().largest();
        if (largest > 0 && target > largest) {
            target = Math.max(needed, largest);
        }
        ByteBuffer larger = pool.tryAllocate(target);
        if (larger == null) {
            return false;
        }
        pool.deallocate(batch.growInto(larger));
        return true;
    }

    private ProducerBatch newBatch(TopicPartition tp, ByteBuffer buffer, long nowMs) {
        float ratio = ratios.estimation(tp.topic(), config.compression().codecId());
        RecordBatchBuilder builder = new RecordBatchBuilder(buffer, Math.max(config.batchSize(), 1), config.compression(), ratio);
        return new ProducerBatch(tp, buffer, builder, completions.take(), nowMs);
    }

    /** The buffer a new batch starts with: a full batch's worth, or just enough for this record (incremental). */
    private int initialBufferSize(String topic, byte[] key, byte[] value, Headers headers) {
        int record = RecordSizes.estimateBatchSizeUpperBound(key == null ? -1 : key.length,
                value == null ? -1 : value.length, RecordSizes.sizeOfHeaders(headers));
        if (config.incrementalAllocation()) {
            return record;
        }
        float ratio = ratios.estimation(topic, config.compression().codecId());
        int full = config.compression().isNone()
                ? config.batchSize()
                : Math.min(RecordBatchBuilder.bufferSizeFor(config.batchSize(), ratio), pool.sizeClasses().largest());
        return Math.max(record, full);
    }

    // ---- sender side ----

    /** Which brokers have batches to send now, and when to look again. */
    public ReadyResult ready(PartitionLeaders leaders, long nowMs) {
        return readiness.check(leaders, nowMs);
    }

    /**
     * Takes, for each ready broker, the first batch of each partition it leads (rotating the start so
     * every partition gets its turn), up to {@code maxRequestSize} bytes per broker; seals and closes
     * them with the producer state {@code stamper} gives.
     *
     * <p>A batch that cannot be prepared (its sealing, compression or stamping throws, or
     * {@link BatchStamper#mayDrain} throws for it) is out of its queue but neither in the result nor
     * completed: it goes to {@code unprepared}, which must complete and release it. The other batches
     * of the round are returned as usual, so one bad batch never takes the whole round with it.
     */
    public java.util.Map<Integer, List<ProducerBatch>> drain(PartitionLeaders leaders, Collection<io.sluice.api.Node> readyNodes,
                                                             int maxRequestSize, BatchStamper stamper,
                                                             UnpreparedBatches unprepared, long nowMs) {
        java.util.Map<Integer, List<ProducerBatch>> drained = drainer.drain(leaders, readyNodes, maxRequestSize, stamper,
                unprepared, nowMs);
        CompressionScratch sealScratch = scratch.get();
        for (java.util.Iterator<List<ProducerBatch>> nodes = drained.values().iterator(); nodes.hasNext(); ) {
            List<ProducerBatch> batches = nodes.next();
            for (java.util.Iterator<ProducerBatch> it = batches.iterator(); it.hasNext(); ) {
                ProducerBatch batch = it.next();
                Throwable failure = prepare(batch, stamper, sealScratch, nowMs);
                if (failure != null) {
                    it.remove();
                    unprepared.onUnprepared(batch, failure);
                }
            }
            if (batches.isEmpty()) {
                nodes.remove();
            }
        }
        return drained;
    }

    /** Stamps one drained batch; returns what it threw instead of letting it leave the drain (null if fine). */
    private Throwable prepare(ProducerBatch batch, BatchStamper stamper, CompressionScratch sealScratch, long nowMs) {
        try {
            boolean first = !batch.isClosed();
            boolean full = batch.isFull(); // before sealing, which makes every batch "full"
            stamper.stamp(batch, sealScratch);
            if (first) {
                ratios.updateEstimation(batch.topicPartition().topic(), config.compression().codecId(),
                        batch.compressionRatio());
            }
            batch.onDrained(nowMs, full);
            return null;
        } catch (RuntimeException | LinkageError e) {
            // LinkageError too: a codec plugin whose native library is missing throws one, and it must
            // fail this batch's records, not kill the sender thread with every other batch in it
            return e;
        }
    }

    /** Puts a batch back at the front of its queue for a retry after {@code backoffMs}. */
    public void reenqueue(ProducerBatch batch, long nowMs) {
        batch.onRetry(nowMs, config.retryBackoff().backoff(batch.attempts() - 1));
        PartitionQueue queue = topics.computeIfAbsent(batch.topicPartition().topic(), TopicQueues::new)
                .queue(batch.topicPartition().partition());
        synchronized (queue) {
            insertInSequenceOrder(queue, batch);
        }
        readiness.unmute(batch.topicPartition());
    }

    /**
     * Puts a retried batch back at the front, but after any other retried batch with a lower sequence
     * (idempotence): when several in-flight batches fail at once, their answers may be handled in any
     * order, yet they must go out again in sequence order. Without a sequence it simply goes first.
     */
    private static void insertInSequenceOrder(PartitionQueue queue, ProducerBatch batch) {
        if (batch.baseSequence() < 0) {
            queue.batches.addFirst(batch);
            return;
        }
        java.util.List<ProducerBatch> earlier = new ArrayList<>();
        while (!queue.batches.isEmpty()) {
            ProducerBatch head = queue.batches.peekFirst();
            if (head.baseSequence() >= 0 && head.baseSequence() < batch.baseSequence()) {
                earlier.add(queue.batches.pollFirst());
            } else {
                break;
            }
        }
        queue.batches.addFirst(batch);
        for (int i = earlier.size() - 1; i >= 0; i--) {
            queue.batches.addFirst(earlier.get(i));
        }
    }

    /**
     * Splits a batch the broker refused as too large into smaller ones and puts them at the front of
     * its partition, in order, ready at once. Frees the original's memory. Sender thread.
     */
    public void splitAndReenqueue(ProducerBatch big, long nowMs) {
        List<ProducerBatch> parts = splitting.split(big);
        ratios.setEstimation(big.topicPartition().topic(), config.compression().codecId(), Math.max(1.0f, big.compressionRatio()));
        PartitionQueue queue = topics.computeIfAbsent(big.topicPartition().topic(), TopicQueues::new)
                .queue(big.topicPartition().partition());
        synchronized (queue) {
            for (int i = parts.size() - 1; i >= 0; i--) {
                queue.batches.addFirst(parts.get(i));
            }
        }
        for (ProducerBatch part : parts) {
            incomplete.add(part);
        }
        release(big);
    }

    /** Batches still in a queue past {@code delivery.timeout.ms}; removed from their queues. */
    public List<ProducerBatch> expiredBatches(long nowMs) {
        List<ProducerBatch> expired = new ArrayList<>();
        for (TopicQueues tq : topics.values()) {
            for (PartitionQueue q : tq.all()) {
                if (q == null) {
                    continue;
                }
                synchronized (q) {
                    q.batches.removeIf(b -> {
                        boolean timedOut = nowMs - b.createdMs() >= config.deliveryTimeoutMs();
                        if (timedOut) {
                            expired.add(b);
                        }
                        return timedOut;
                    });
                }
            }
        }
        return expired;
    }

    /**
     * Takes every queued batch of the partitions {@code unsendable} picks out of its queue, for the
     * sender to fail them (e.g. their leader refused to authenticate the producer). Batches in flight
     * are not in a queue. Sender thread.
     */
    public List<ProducerBatch> removeQueuedIf(java.util.function.Predicate<TopicPartition> unsendable) {
        List<ProducerBatch> removed = new ArrayList<>();
        for (TopicQueues tq : topics.values()) {
            for (PartitionQueue q : tq.all()) {
                if (q == null) {
                    continue;
                }
                synchronized (q) {
                    if (!q.batches.isEmpty() && unsendable.test(q.batches.peekFirst().topicPartition())) {
                        removed.addAll(q.batches);
                        q.batches.clear();
                    }
                }
            }
        }
        return removed;
    }

    /** Gives a completed batch's memory back and forgets it. Sender thread. */
    public void release(ProducerBatch batch) {
        incomplete.remove(batch);
        ByteBuffer buffer = batch.releaseBuffer();
        if (buffer != null) {
            pool.deallocate(buffer);
        }
        RecordCompletions records = batch.detachCompletions();
        if (records != null) {
            completions.give(records);
        }
        readiness.unmute(batch.topicPartition());
    }

    /** Keeps a partition's next batch back while one is in flight ({@code max.in.flight=1}). */
    public void mute(TopicPartition tp) {
        readiness.mute(tp);
    }

    /** The partitioners' view of a topic: metadata joined with this accumulator's load figures. */
    public TopicLayout layout(String topic, TopicLayout metadata) {
        return layout(topic(topic), metadata);
    }

    /** {@link #layout(String, TopicLayout)} with the topic's queues already looked up ({@link #topic}). */
    public TopicLayout layout(TopicQueues topicQueues, TopicLayout metadata) {
        return topicQueues.layout(metadata);
    }

    /**
     * The queues of {@code topic}, created on first use and kept for the producer's life: a handle a
     * sending thread may look up once per record and pass to {@link #layout(TopicQueues, TopicLayout)}
     * and {@link #append(TopicQueues, int, long, byte[], byte[], Headers, Callback, long, AppendObserver,
     * long, long)}. Any thread.
     */
    public TopicQueues topic(String topic) {
        TopicQueues queues = topics.get(topic);
        return queues != null ? queues : topics.computeIfAbsent(topic, TopicQueues::new);
    }

    // ---- flush and close ----

    /** Makes every batch ready at once, until {@link #awaitFlushCompletion()} returns. */
    public void beginFlush() {
        flushesInProgress.incrementAndGet();
    }

    /** Waits until every batch that existed at {@link #beginFlush()} has completed. */
    public void awaitFlushCompletion() throws InterruptedException {
        try {
            for (ProducerBatch batch : incomplete.copy()) {
                try {
                    batch.done().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // cannot happen: done() completes normally; failures go to the records' futures
                    throw new IllegalStateException(e);
                }
            }
        } finally {
            flushesInProgress.decrementAndGet();
        }
    }

    boolean flushInProgress() {
        return flushesInProgress.get() > 0;
    }

    /** Whether any batch has not completed yet. */
    public boolean hasIncomplete() {
        return !incomplete.isEmpty();
    }

    /** Whether any queue still holds a batch. */
    public boolean hasUndrained() {
        for (TopicQueues tq : topics.values()) {
            for (PartitionQueue q : tq.all()) {
                if (q != null) {
                    synchronized (q) {
                        if (!q.batches.isEmpty()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Stops accepting appends; queued batches become ready at once. */
    public void close() {
        closed = true;
    }

    /**
     * Fails every batch still in a queue with {@code error} and frees its memory. Waits for appends
     * in progress to finish first, so none slips in behind the abort. Sender thread, at close.
     */
    public void abortUndrained(RuntimeException error, ProducerBatch.CompletionListener listener) {
        while (appendsInProgress.get() > 0) {
            Thread.onSpinWait();
        }
        for (TopicQueues tq : topics.values()) {
            for (PartitionQueue q : tq.all()) {
                if (q == null) {
                    continue;
                }
                List<ProducerBatch> aborted;
                synchronized (q) {
                    aborted = new ArrayList<>(q.batches);
                    q.batches.clear();
                }
                for (ProducerBatch b : aborted) {
                    b.complete(ProducerBatch.FinalState.ABORTED, -1, -1, error, listener);
                    release(b);
                }
            }
        }
    }

    public BufferPool pool() {
        return pool;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Producer closed while send in progress: the record was not buffered");
        }
    }

    /**
     * Receives a batch the drain took out of its queue but could not prepare for sending (see
     * {@link #drain}). The receiver owns it from then on: it must complete it (its records' futures
     * and callbacks) and {@link #release} it, or its records are lost and its memory with them.
     * Sender thread, during {@link #drain}.
     */
    @FunctionalInterface
    public interface UnpreparedBatches {

        void onUnprepared(ProducerBatch batch, Throwable cause);
    }

    /**
     * Stamps a drained batch's producer state (id, epoch, sequence): closes it on its first drain, and
     * may re-stamp a retried one. Also says whether a partition's first batch may be drained now
     * (idempotence holds back new batches while sequences are being sorted out). Sender thread.
     */
    public interface BatchStamper {

        /**
         * Called for every drained batch, closed or not. If it throws, the batch fails (see
         * {@link RecordAccumulator#drain}); it must then leave no producer state behind that assumes
         * the batch was sent (e.g. a sequence handed out to it).
         */
        void stamp(ProducerBatch batch, CompressionScratch scratch);

        /** Whether {@code first}, the head of its partition's queue, may be drained now. Queue lock held: be quick. */
        default boolean mayDrain(ProducerBatch first) {
            return true;
        }

        /** No idempotence: -1 everywhere, closed once. */
        BatchStamper NONE = (batch, scratch) -> {
            if (!batch.isClosed()) {
                batch.close(scratch, -1L, (short) -1, -1);
            }
        };
    }
}
