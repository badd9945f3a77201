package io.sluice.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.UnsupportedVersionException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.protocol.types.RawTaggedField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InitProducerIdCodecTest {

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3, 4, 5})
    void shouldEncodeAnIdempotentProducersRequestLikeKafkaAtEveryVersion(short version) {
        InitProducerIdRequest ours = InitProducerIdRequest.idempotent(60_000);
        InitProducerIdRequestData kafka = new InitProducerIdRequestData().setTransactionalId(null)
                .setTransactionTimeoutMs(60_000).setProducerId(-1L).setProducerEpoch((short) -1);
        assertThat(RequestFrames.encode(ApiKeys.INIT_PRODUCER_ID, version, 3, "client", ours).toByteArray())
                .isEqualTo(KafkaOracle.request(kafka, version, 3, "client"));
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3, 4, 5})
    void shouldEncodeATransactionalRequestLikeKafkaAtEveryVersion(short version) {
        long producerId = version >= 3 ? 123_456_789L : -1L;
        short epoch = version >= 3 ? (short) 17 : (short) -1;
        InitProducerIdRequest ours = new InitProducerIdRequest("txn-注文-1", 90_000, producerId, epoch);
        InitProducerIdRequestData kafka = new InitProducerIdRequestData().setTransactionalId("txn-注文-1")
                .setTransactionTimeoutMs(90_000).setProducerId(producerId).setProducerEpoch(epoch);
        assertThat(RequestFrames.encode(ApiKeys.INIT_PRODUCER_ID, version, Integer.MAX_VALUE, null, ours).toByteArray())
                .isEqualTo(KafkaOracle.request(kafka, version, Integer.MAX_VALUE, null));
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2})
    void shouldRefuseAnEpochBumpBelowVersion3LikeKafka(short version) {
        InitProducerIdRequest ours = new InitProducerIdRequest(null, 60_000, 5L, (short) 1);
        assertThatThrownBy(() -> RequestFrames.encode(ApiKeys.INIT_PRODUCER_ID, version, 1, "c", ours))
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining("InitProducerId v" + version + " cannot carry the current producer id 5 and epoch 1");
        InitProducerIdRequestData kafka = new InitProducerIdRequestData().setTransactionTimeoutMs(60_000).setProducerId(5L)
                .setProducerEpoch((short) 1);
        assertThatThrownBy(() -> KafkaOracle.request(kafka, version, 1, "c"))
                .isInstanceOf(org.apache.kafka.common.errors.UnsupportedVersionException.class);
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3, 4, 5})
    void shouldDecodeWhatAKafkaBrokerWritesAtEveryVersion(short version) {
        InitProducerIdResponseData kafka = new InitProducerIdResponseData().setThrottleTimeMs(12).setErrorCode((short) 90)
                .setProducerId(987_654_321_000L).setProducerEpoch((short) 32_000);
        if (version >= 2) {
            kafka.unknownTaggedFields().add(new RawTaggedField(7, new byte[] {1}));
        }
        ByteBuffer frame = KafkaOracle.response(kafka, version, -5);
        ResponseFrames.ParsedResponse parsed = ResponseFrames.parse(ApiKeys.INIT_PRODUCER_ID, version, frame);
        assertThat(parsed.correlationId()).isEqualTo(-5);
        assertThat(parsed.body()).isEqualTo(new InitProducerIdResponse(12, (short) 90, 987_654_321_000L, (short) 32_000));
    }
}
