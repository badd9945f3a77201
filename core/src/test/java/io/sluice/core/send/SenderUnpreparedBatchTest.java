package io.sluice.core.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.record.FlakyGzip;
import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.SluiceException;
import io.sluice.core.accumulate.ProducerBatch;
import io.sluice.core.idempotence.IdempotentDelivery;
import io.sluice.core.network.ClientRequest;
import io.sluice.core.network.ClientResponse;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.Errors;
import io.sluice.core.protocol.InitProducerIdResponse;
import io.sluice.core.protocol.ProduceRequest;
import io.sluice.core.record.BatchCompression;
import io.sluice.core.record.CompressionScratch;
import io.sluice.core.record.RecordBatchDescriptor;
import io.sluice.core.time.ExponentialBackoff;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A batch the drain took out of its queue but could not seal, compress or stamp is failed with a clear error
 * and its memory freed, while the other batches of the same round are still sent. Before, the exception left
 * the drain and every batch of that round was neither sent nor completed (records lost).
 */
class SenderUnpreparedBatchTest {

    private static final String PREFIX = "Could not prepare the batch of 1 record(s) for bad-0 for sending";

    /** Plain delivery whose stamping (or drain check) throws for topic "bad". */
    private static final class FailingFor implements DeliveryGuarantee {
        private final PlainDelivery plain = new PlainDelivery();
        private final boolean inMayDrain;

        FailingFor(boolean inMayDrain) {
            this.inMayDrain = inMayDrain;
        }

        private static void maybeThrow(ProducerBatch batch) {
            if (batch.topicPartition().topic().equals("bad")) {
                throw new IllegalStateException("stamp refused for the test");
            }
        }

        @Override
        public void stamp(ProducerBatch batch, CompressionScratch scratch) {
            if (!inMayDrain) {
                maybeThrow(batch);
            }
            plain.stamp(batch, scratch);
        }

        @Override
        public boolean mayDrain(ProducerBatch first) {
            if (inMayDrain) {
                maybeThrow(first);
            }
            return true;
        }

        @Override
        public boolean prepare(io.sluice.core.network.KafkaClient client, long nowMs) {
            return true;
        }

        @Override
        public void onSuccess(ProducerBatch batch, long baseOffset) {
        }

        @Override
        public Verdict onError(ProducerBatch batch, Errors error, long logStartOffset) {
            return Verdict.DEFAULT;
        }

        @Override
        public void onFailed(ProducerBatch batch, RuntimeException error) {
        }
    }

    @Test
    void shouldFailOnlyTheBatchWhoseStampingThrowsAndStillSendTheOthersOfTheRound() throws Exception {
        assertOnlyTheBadBatchFails(new FailingFor(false));
    }

    @Test
    void shouldFailABatchWhoseDrainCheckThrowsWithoutLosingTheBatchesDrainedBeforeIt() throws Exception {
        assertOnlyTheBadBatchFails(new FailingFor(true));
    }

    private static void assertOnlyTheBadBatchFails(DeliveryGuarantee delivery) throws Exception {
        SenderHarness h = new SenderHarness((short) -1, 3, 120_000, delivery);
        // broker 1 leads a-0, bad-0 and c-0, drained in that order: a batch before and after the bad one
        h.lead(SenderHarness.BROKER_1, "a", 0).lead(SenderHarness.BROKER_1, "bad", 0).lead(SenderHarness.BROKER_1, "c", 0)
                .lead(SenderHarness.BROKER_2, "d", 0);
        CompletableFuture<RecordMetadata> a = h.send("a", 0, "1");
        CompletableFuture<RecordMetadata> bad = h.send("bad", 0, "2");
        CompletableFuture<RecordMetadata> c = h.send("c", 0, "3");
        CompletableFuture<RecordMetadata> d = h.send("d", 0, "4");

        h.sender.runOnce();

        assertThat(bad).isCompletedExceptionally();
        Throwable error = bad.handle((m, e) -> e).get();
        assertThat(error).isInstanceOf(SluiceException.class).hasMessageStartingWith(PREFIX)
                .hasMessageContaining("stamp refused for the test")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(h.client.all).extracting(ClientRequest::nodeId).containsExactlyInAnyOrder(1, 2);
        for (ClientRequest r : List.copyOf(h.client.sent)) {
            assertThat(((ProduceRequest) r.body()).topics()).extracting(ProduceRequest.TopicData::name)
                    .doesNotContain("bad");
        }
        while (!h.client.sent.isEmpty()) {
            ScriptedClient.answer(h.client.next(), Errors.NONE.code(), 7, h.time.monotonicMs());
        }
        assertThat(a.get().offset()).isEqualTo(7);
        assertThat(c.get().offset()).isEqualTo(7);
        assertThat(d.get().offset()).isEqualTo(7);
        assertThat(h.pool.availableMemory()).as("every batch's memory is back, the failed one's too")
                .isEqualTo(h.pool.totalMemory());
        assertThat(h.accumulator.hasIncomplete()).isFalse();
    }

    @Test
    void shouldHandBackTheSequencesOfABatchThatFailedToCompressSoTheNextBatchLeavesNoGap() throws Exception {
        FlakyGzip gzip = new FlakyGzip(0);
        IdempotentDelivery delivery = new IdempotentDelivery(30_000, new ExponentialBackoff(100, 2, 1000, 0.0, new Random(1)));
        SenderHarness h = new SenderHarness((short) -1, Integer.MAX_VALUE, 120_000, delivery, BatchCompression.of(gzip));
        h.lead(SenderHarness.BROKER_1, "t", 0);
        h.sender.runOnce();
        ClientRequest init = h.client.next();
        assertThat(init.api()).isEqualTo(ApiKeys.INIT_PRODUCER_ID);
        init.handler().onComplete(new ClientResponse(init, h.time.monotonicMs(),
                new InitProducerIdResponse(0, Errors.NONE.code(), 4242, (short) 0), null));

        gzip.failures.set(1);
        CompletableFuture<RecordMetadata> lost = h.send("t", 0, "first");
        h.sender.runOnce();
        assertThat(lost).isCompletedExceptionally();
        assertThat(lost.handle((m, e) -> e).get()).hasMessageStartingWith("Could not prepare the batch of 1 record(s) for t-0")
                .hasMessageContaining("with gzip").hasRootCauseMessage("codec refused for the test");
        assertThat(h.client.sent).as("nothing was sent for the failed batch").isEmpty();

        CompletableFuture<RecordMetadata> next = h.send("t", 0, "second");
        h.sender.runOnce();
        ClientRequest produce = h.client.next();
        ByteBuffer batch = ((ProduceRequest) produce.body()).topics().get(0).partitions().get(0).records();
        assertThat(batch.getInt(RecordBatchDescriptor.BASE_SEQUENCE_OFFSET))
                .as("the failed batch's sequence 0 was handed back: no gap for the broker to refuse").isZero();
        assertThat(batch.getShort(RecordBatchDescriptor.PRODUCER_EPOCH_OFFSET)).as("no epoch bump was needed").isZero();
        ScriptedClient.answer(produce, Errors.NONE.code(), 0, h.time.monotonicMs());
        assertThat(next.get().offset()).isZero();
        assertThat(delivery.producerIdAndEpoch().epoch()).isZero();
        assertThat(h.pool.availableMemory()).isEqualTo(h.pool.totalMemory());
    }
}
