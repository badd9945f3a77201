package io.sluice.core.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.RecordHeaders;
import io.sluice.api.TopicPartition;
import io.sluice.api.spi.Compressor;
import io.sluice.core.record.BatchCompression;
import io.sluice.core.record.CompressionScratch;
import io.sluice.core.record.RecordBatchBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user thread seals (compresses) a full batch outside the queue lock, so the sender may drain that
 * batch just before the user thread starts and then close it while the compression runs. Closing
 * must wait for that compression and send its result — it used to throw in the sender thread and
 * lose the batch's records (seen in the side-by-side benchmark: "is being sealed by another thread").
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProducerBatchSealRaceTest {

    private static final int RECORDS = 20;

    @Test
    void closingABatchAUserThreadIsSealingWaitsForThatSealAndSendsItsBytes() throws Exception {
        GatedGzip gzip = new GatedGzip();
        ProducerBatch batch = batchOf(RECORDS, gzip);
        Thread user = new Thread(() -> batch.trySeal(new CompressionScratch()), "user-thread-sealing");
        user.start();
        assertThat(gzip.entered.await(30, TimeUnit.SECONDS)).as("the user thread started compressing").isTrue();

        AtomicReference<Throwable> senderFailure = new AtomicReference<>();
        Thread sender = new Thread(() -> {
            try {
                batch.close(new CompressionScratch(), -1, (short) -1, -1);
            } catch (Throwable t) {
                senderFailure.set(t);
            }
        }, "sender-closing");
        sender.start();
        awaitWaitingOrDone(sender);
        gzip.gate.countDown();
        user.join();
        sender.join();

        assertThat(senderFailure.get()).as("the sender's close").isNull();
        assertThat(batch.isClosed()).isTrue();
        assertThat(batch.recordCount()).isEqualTo(RECORDS);
        assertThat(batch.records().remaining()).as("a record batch: its 61-byte header and the compressed records").isGreaterThan(61);
        assertThat(gzip.streams.get()).as("compressed once, by the user thread").isEqualTo(1);
    }

    /** Until the sender blocks in close() (waiting for the seal) or has already returned or failed. */
    private static void awaitWaitingOrDone(Thread sender) throws InterruptedException {
        while (sender.isAlive() && sender.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }

    private static ProducerBatch batchOf(int records, Compressor compressor) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        RecordBatchBuilder builder = new RecordBatchBuilder(buffer, 16 * 1024, BatchCompression.of(compressor), 1.0f);
        ProducerBatch batch = new ProducerBatch(new TopicPartition("t", 0), buffer, builder, new RecordCompletions(false), 0);
        for (int i = 0; i < records; i++) {
            byte[] value = ("value-" + i).getBytes(StandardCharsets.UTF_8);
            assertThat(batch.tryAppend(i, null, value, new RecordHeaders(), new CompletableFuture<>(), null, null, 0))
                    .isNotEqualTo(RecordBatchBuilder.NO_ROOM);
        }
        batch.closeForAppends();
        return batch;
    }

}
