package io.sluice.core.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.ClusterAuthorizationException;
import io.sluice.core.idempotence.IdempotentDelivery;
import io.sluice.core.network.ClientRequest;
import io.sluice.core.network.ClientResponse;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.Errors;
import io.sluice.core.protocol.InitProducerIdResponse;
import io.sluice.core.protocol.ProduceRequest;
import io.sluice.core.record.RecordBatchDescriptor;
import io.sluice.core.time.ExponentialBackoff;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The idempotent producer's sequence rules, through the sender, with a scripted client and a manual clock. */
class IdempotentSenderTest {

    private static final long PRODUCER_ID = 4242;

    private IdempotentDelivery delivery;
    private SenderHarness h;

    @BeforeEach
    void start() {
        delivery = new IdempotentDelivery(30_000, new ExponentialBackoff(100, 2, 1000, 0.0, new Random(1)));
        h = new SenderHarness((short) -1, Integer.MAX_VALUE, 120_000, delivery);
        h.lead(SenderHarness.BROKER_1, "t", 0);
    }

    private void grantProducerId(short epoch) {
        h.sender.runOnce();
        ClientRequest init = h.client.next();
        assertThat(init.api()).isEqualTo(ApiKeys.INIT_PRODUCER_ID);
        init.handler().onComplete(new ClientResponse(init, h.time.monotonicMs(),
                new InitProducerIdResponse(0, Errors.NONE.code(), PRODUCER_ID, epoch), null));
    }

    /** Producer id, epoch and base sequence of the single batch in a produce request. */
    private static long[] stateOf(ClientRequest produce) {
        ByteBuffer batch = ((ProduceRequest) produce.body()).topics().get(0).partitions().get(0).records();
        return new long[] {batch.getLong(RecordBatchDescriptor.PRODUCER_ID_OFFSET),
                batch.getShort(RecordBatchDescriptor.PRODUCER_EPOCH_OFFSET),
                batch.getInt(RecordBatchDescriptor.BASE_SEQUENCE_OFFSET)};
    }

    @Test
    void shouldSendNothingBeforeAProducerIdIsGrantedThenNumberEachPartitionsBatchesFromZero() throws Exception {
        CompletableFuture<RecordMetadata> first = h.send("t", 0, "a");
        h.sender.runOnce();
        assertThat(h.client.all).extracting(ClientRequest::api).containsExactly(ApiKeys.INIT_PRODUCER_ID);
        ClientRequest init = h.client.next();
        init.handler().onComplete(new ClientResponse(init, h.time.monotonicMs(),
                new InitProducerIdResponse(0, Errors.NONE.code(), PRODUCER_ID, (short) 0), null));

        h.sender.runOnce();
        ClientRequest p1 = h.client.next();
        assertThat(stateOf(p1)).containsExactly(PRODUCER_ID, 0, 0);
        ScriptedClient.answer(p1, Errors.NONE.code(), 0, h.time.monotonicMs());
        h.send("t", 0, "b");
        h.send("t", 0, "c");
        h.sender.runOnce();
        ClientRequest p2 = h.client.next();
        assertThat(stateOf(p2)).as("the next batch starts after the first's one record").containsExactly(PRODUCER_ID, 0, 1);
        assertThat(first.get().offset()).isZero();
    }

    @Test
    void shouldResendFailedBatchesOfAPartitionOneAtATimeInSequenceOrder() {
        grantProducerId((short) 0);
        List<ClientRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            h.send("t", 0, "v" + i);
            h.sender.runOnce(); // one batch per request: each drain takes the partition's only batch
            requests.add(h.client.next());
        }
        assertThat(requests).extracting(r -> stateOf(r)[2]).containsExactly(0L, 1L, 2L);
        // all three fail; their answers are handled newest first
        for (int i = 2; i >= 0; i--) {
            ScriptedClient.answer(requests.get(i), Errors.NOT_LEADER_OR_FOLLOWER.code(), -1, h.time.monotonicMs());
        }
        h.time.sleep(1000);
        h.sender.runOnce();
        ClientRequest retry0 = h.client.next();
        assertThat(stateOf(retry0)[2]).isEqualTo(0L);
        assertThat(h.client.sent).as("retries of a partition are serial").isEmpty();
        ScriptedClient.answer(retry0, Errors.NONE.code(), 10, h.time.monotonicMs());
        h.sender.runOnce();
        ClientRequest retry1 = h.client.next();
        assertThat(stateOf(retry1)[2]).isEqualTo(1L);
    }

    @Test
    void shouldTreatADuplicateSequenceAsSuccessWithoutAnOffset() throws Exception {
        grantProducerId((short) 0);
        CompletableFuture<RecordMetadata> f = h.send("t", 0, "v");
        h.sender.runOnce();
        ScriptedClient.answer(h.client.next(), Errors.DUPLICATE_SEQUENCE_NUMBER.code(), -1, h.time.monotonicMs());
        assertThat(f.get().hasOffset()).isFalse();
    }

    @Test
    void shouldBumpTheEpochAndRenumberFromZeroWhenTheBrokerSeesARealGap() {
        grantProducerId((short) 3);
        h.send("t", 0, "a");
        h.sender.runOnce();
        ScriptedClient.answer(h.client.next(), Errors.NONE.code(), 0, h.time.monotonicMs());
        h.send("t", 0, "b");
        h.sender.runOnce();
        ClientRequest gap = h.client.next();
        assertThat(stateOf(gap)).containsExactly(PRODUCER_ID, 3, 1);
        // the broker lost sequence 0 (e.g. an unclean leader election): batch 1 is the next expected, yet refused
        ScriptedClient.answer(gap, Errors.OUT_OF_ORDER_SEQUENCE_NUMBER.code(), -1, h.time.monotonicMs());
        h.time.sleep(1000);
        h.sender.runOnce();
        ClientRequest resent = h.client.next();
        assertThat(stateOf(resent)).as("new epoch, sequence from 0, CRC rewritten").containsExactly(PRODUCER_ID, 4, 0);
        ByteBuffer bytes = ((ProduceRequest) resent.body()).topics().get(0).partitions().get(0).records();
        assertThat(RecordBatchDescriptor.computeCrc(bytes, 0, bytes.remaining())).isEqualTo(RecordBatchDescriptor.storedCrc(bytes, 0));
        assertThat(delivery.producerIdAndEpoch().epoch()).isEqualTo((short) 4);
    }

    @Test
    void aProducerIdRefusedForLackOfPermissionIsFatalForEveryLaterSend() {
        CompletableFuture<RecordMetadata> pending = h.send("t", 0, "v");
        h.sender.runOnce();
        ClientRequest init = h.client.next();
        init.handler().onComplete(new ClientResponse(init, h.time.monotonicMs(),
                new InitProducerIdResponse(0, Errors.CLUSTER_AUTHORIZATION_FAILED.code(), -1, (short) -1), null));
        assertThat(delivery.fatalError()).isInstanceOf(ClusterAuthorizationException.class)
                .hasMessageContaining("IdempotentWrite").hasMessageContaining("enable.idempotence=false");
        h.sender.runOnce();
        assertThatThrownBy(pending::get).hasMessageContaining("failed for good").hasMessageContaining("IdempotentWrite");
    }
}
