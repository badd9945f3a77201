/**
 * Kafka record batch v2 (magic 2): what the producer writes and a reader for it.
 *
 * <ul>
 *   <li>{@link io.sluice.core.record.RecordBatchDescriptor}: the header layout (offsets, attribute
 *       bits), CRC-32C, and re-stamping producer state in place.</li>
 *   <li>{@link io.sluice.core.record.RecordSizes}: exact record sizes and the one-record batch upper
 *       bound used for {@code max.request.size} / {@code RecordTooLargeException} checks.</li>
 *   <li>{@link io.sluice.core.record.RecordBatchBuilder}: writes one batch into a caller's buffer.</li>
 *   <li>{@link io.sluice.core.record.CompressionRatioEstimator}: per topic and codec, so that
 *       {@code batch.size} bounds compressed batches as in Kafka.</li>
 *   <li>{@link io.sluice.core.record.RecordBatchReader} and
 *       {@link io.sluice.core.record.RecordCursor}: validate and read batches (and their records).</li>
 * </ul>
 *
 * <h2>How the accumulator and the sender use the builder</h2>
 * <ol>
 *   <li><b>Create</b> (user thread, partition lock held): take a buffer from the {@code BufferPool}
 *       of {@code max(RecordBatchBuilder.bufferSizeFor(batch.size, ratio), RecordSizes.estimateBatchSizeUpperBound(first record))}
 *       bytes, where {@code ratio = estimator.estimation(topic, codecId)} (1.0 without compression,
 *       which gives Kafka's {@code max(batch.size, upper bound)}); {@code writeLimit = batch.size};
 *       the producer's {@link io.sluice.core.record.BatchCompression}.</li>
 *   <li><b>Append</b> (user threads, partition lock held): {@code tryAppend(...)} with byte arrays
 *       or buffers, or {@code tryClaim(...)} + writing into {@code keyTarget()}/{@code valueTarget()}
 *       + {@code commitClaim()} when a {@code BufferSerializer} writes straight into the batch. Both
 *       return the record's offset delta (its index in the batch, for its future) or
 *       {@code NO_ROOM}: the batch is full; seal it and start a new one. The first record always
 *       fits, as in Kafka. For KIP-794, {@code estimatedSizeInBytes()} before and after an append
 *       gives the appended bytes.</li>
 *   <li><b>Seal</b>: {@code seal(scratch)} once no more records will come. Kafka does this work
 *       ({@code closeForRecordAppends}) on the user thread that found the batch full; doing the
 *       same spreads compression over user threads (one {@link io.sluice.core.record.CompressionScratch}
 *       per thread, e.g. a {@code ThreadLocal}). The sender seals, with its own scratch, the batches
 *       it drains because {@code linger.ms} passed.</li>
 *   <li><b>Close on drain</b> (sender thread): {@code close(scratch, producerId, epoch, nextSequence,
 *       transactional)} (the sequence is assigned when a batch is first drained), then
 *       {@code estimator.updateEstimation(topic, builder.codecId(), builder.compressionRatio())}.
 *       Write {@code finishedBatch()} (positions 0..size) to the wire with a gathering write.</li>
 *   <li><b>Retry / re-stamp</b> (sender thread): a retried batch is sent as is. After an epoch bump
 *       (KIP-360) call {@link io.sluice.core.record.RecordBatchDescriptor#rewriteProducerState} on the
 *       finished batch: new producer id/epoch/base sequence and transactional flag, CRC recomputed.</li>
 *   <li><b>Split</b> (sender thread, {@code MESSAGE_TOO_LARGE}): read the batch back with a
 *       {@link io.sluice.core.record.RecordBatchReader}, re-append its records into new builders of
 *       {@code batch.size}, and set the estimate to {@code max(1.0, ratio of the big batch)} with
 *       {@code estimator.setEstimation}, as Kafka does.</li>
 * </ol>
 *
 * <h2>Why records are compressed at seal, not while they are appended</h2>
 * Appends are plain buffer puts, the same for every codec: no per-record stream calls, and no codec
 * state (gzip/zstd contexts and their native memory) held by every open batch of every partition.
 * The whole records section goes through the codec's bulk {@code ByteBuffer} API once. The cost is
 * memory: the buffer holds the records uncompressed until the batch is sealed. {@code bufferSizeFor}
 * sizes it from the ratio estimate so batches still come out near {@code batch.size} compressed;
 * if the accumulator caps the size, the batch is simply full earlier. The compressed bytes land in a
 * thread-confined {@code CompressionScratch} (grown once, then reused: no allocation per batch) and are
 * copied back over the records, so only compressed bytes are copied. The accumulator may then copy
 * the small finished batch into a {@code batch.size} pool buffer and give the large one back at once.
 * Should the compressed form not fit the buffer (incompressible data), the batch goes out
 * uncompressed, which every broker and consumer accepts ({@code codecId()} tells which).
 */
package io.sluice.core.record;
