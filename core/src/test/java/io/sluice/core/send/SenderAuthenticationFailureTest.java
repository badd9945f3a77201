package io.sluice.core.send;

import static io.sluice.core.send.SenderHarness.BROKER_1;
import static io.sluice.core.send.SenderHarness.BROKER_2;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.SaslAuthenticationException;
import io.sluice.core.idempotence.IdempotentDelivery;
import io.sluice.core.time.ExponentialBackoff;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Records queued for a broker that refused to authenticate the producer fail at once with the
 * refusal, instead of sitting in the buffer until delivery.timeout.ms: nothing can send them until
 * the configuration changes. Other brokers' records go on.
 */
class SenderAuthenticationFailureTest {

    private static final SaslAuthenticationException REFUSED = new SaslAuthenticationException(
            "SASL authentication with broker 1 failed: SASL_AUTHENTICATION_FAILED");

    @Test
    void shouldFailWhatIsQueuedForTheRefusingBrokerAndSendTheRest() {
        SenderHarness h = new SenderHarness((short) 1, Integer.MAX_VALUE, 120_000, new PlainDelivery())
                .lead(BROKER_1, "orders", 0).lead(BROKER_2, "orders", 1);
        CompletableFuture<RecordMetadata> refusedRecord = h.send("orders", 0, "a");
        CompletableFuture<RecordMetadata> otherRecord = h.send("orders", 1, "b");
        h.client.refused.put(1, REFUSED);

        h.sender.runOnce();

        assertThat(refusedRecord).isCompletedExceptionally();
        assertThat(cause(refusedRecord)).isSameAs(REFUSED);
        assertThat(otherRecord).isNotDone();
        assertThat(h.client.sent).hasSize(1);
        assertThat(h.client.sent.peek().nodeId()).isEqualTo(2);
        assertThat(h.accumulator.hasUndrained()).isFalse();
        assertThat(h.pool.usedMemory()).as("only the batch in flight holds memory").isEqualTo(16 * 1024);
    }

    @Test
    void shouldFailQueuedRecordsEvenBeforeAnIdempotentProducerHasItsProducerId() {
        IdempotentDelivery delivery = new IdempotentDelivery(30_000, new ExponentialBackoff(100, 2, 1000, 0.0, new Random(1)));
        SenderHarness h = new SenderHarness((short) -1, Integer.MAX_VALUE, 120_000, delivery).lead(BROKER_1, "orders", 0);
        CompletableFuture<RecordMetadata> record = h.send("orders", 0, "a");
        h.client.refused.put(1, REFUSED);

        h.sender.runOnce();

        assertThat(cause(record)).isSameAs(REFUSED);
        assertThat(h.pool.usedMemory()).isZero();
    }

    @Test
    void shouldFailRecordsWithoutALeaderWhileARefusalStandsForTheCluster() {
        SenderHarness h = new SenderHarness((short) 1, Integer.MAX_VALUE, 120_000, new PlainDelivery()).lead(BROKER_2, "orders", 1);
        CompletableFuture<RecordMetadata> leaderless = h.send("orders", 0, "a"); // e.g. after a rebootstrap
        CompletableFuture<RecordMetadata> led = h.send("orders", 1, "b");

        h.sender.runOnce();
        assertThat(leaderless).as("no refusal yet: waits for metadata").isNotDone();

        h.standingRefusal = REFUSED;
        h.sender.runOnce();

        assertThat(cause(leaderless)).isSameAs(REFUSED);
        assertThat(led).isNotDone();
    }

    @Test
    void shouldLeaveRecordsQueuedWhileNoBrokerRefused() {
        SenderHarness h = new SenderHarness((short) 1, Integer.MAX_VALUE, 120_000, new PlainDelivery()).lead(BROKER_1, "orders", 0);
        h.client.refused.put(7, REFUSED); // a broker leading nothing we hold
        CompletableFuture<RecordMetadata> record = h.send("orders", 0, "a");

        h.sender.runOnce();

        assertThat(record).isNotDone();
        assertThat(h.client.sent).hasSize(1);
    }

    private static Throwable cause(CompletableFuture<RecordMetadata> future) {
        try {
            future.get();
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
