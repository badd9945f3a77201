package io.sluice.core.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.record.FlakyGzip;
import io.sluice.api.Node;
import io.sluice.api.RecordMetadata;
import io.sluice.core.record.BatchCompression;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A user thread whose append starts a new batch compresses the batch that filled up. If that codec call
 * fails, the send must still succeed (its own record is buffered in the new batch; an exception would make
 * the caller send it twice), and the full batch must still go out: the sender compresses it again.
 */
class UserThreadSealFailureTest {

    @Test
    void shouldLetTheSendSucceedAndTheSenderCompressAgainWhenTheUserThreadsCompressionFails() {
        FlakyGzip gzip = new FlakyGzip(1);
        AccumulatorFixture f = new AccumulatorFixture(1024, 0, 1 << 20, false, BatchCompression.of(gzip), 120_000);
        f.leaders.lead(new Node(1, "h", 9092), "t", 0);
        List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>();
        for (int i = 0; i < 1_000 && gzip.calls.get() == 0; i++) {
            futures.add(f.append("t", 0, "x".repeat(100))); // until an append opens a new batch and seals the full one
        }
        assertThat(gzip.calls.get()).as("a user thread tried to compress the full batch, and failed").isEqualTo(1);
        assertThat(futures).as("no send failed").allSatisfy(future -> assertThat(future).isNotCompletedExceptionally());

        List<ProducerBatch> drained = f.drainAll(1 << 20).get(1);

        ProducerBatch full = drained.get(0);
        assertThat(full.isClosed()).isTrue();
        assertThat(full.codecId()).as("compressed by the sender on the second try").isEqualTo(1);
        assertThat(gzip.calls.get()).isEqualTo(2);
        f.acknowledge(full, 0);
        assertThat(futures.subList(0, full.recordCount())).allSatisfy(future -> assertThat(future).isCompleted());
        assertThat(futures.get(futures.size() - 1)).as("the last send's record is in the next batch").isNotDone();
    }
}
