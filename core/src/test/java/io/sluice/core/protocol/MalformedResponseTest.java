package io.sluice.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.protocol.types.RawTaggedField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad bytes from a broker: always a clear {@link ProtocolException}, never an underflow, never a huge allocation. */
class MalformedResponseTest {

    /** One valid, well-filled response frame per API and version Sluice decodes. */
    static Stream<Arguments> validFrames() {
        List<Arguments> frames = new ArrayList<>();
        for (short v = 0; v <= 4; v++) {
            frames.add(Arguments.of(ApiKeys.API_VERSIONS, v, bytes(KafkaOracle.response(ApiVersionsCodecTest.richResponse((short) 0, v), v, 1))));
        }
        ApiVersionsResponseData kip511 = new ApiVersionsResponseData().setErrorCode((short) 35);
        kip511.apiKeys().add(new ApiVersionsResponseData.ApiVersion().setApiKey((short) 18).setMaxVersion((short) 2));
        frames.add(Arguments.of(ApiKeys.API_VERSIONS, (short) 4, bytes(KafkaOracle.responseAs(kip511, (short) 0, (short) 0, 1))));
        for (short v = 1; v <= 13; v++) {
            frames.add(Arguments.of(ApiKeys.METADATA, v, bytes(KafkaOracle.response(filledMetadata(v), v, 1))));
        }
        for (short v = 3; v <= 13; v++) {
            frames.add(Arguments.of(ApiKeys.PRODUCE, v, bytes(KafkaOracle.response(filledProduce(v), v, 1))));
        }
        for (short v = 0; v <= 5; v++) {
            InitProducerIdResponseData init = new InitProducerIdResponseData().setProducerId(7).setProducerEpoch((short) 1);
            if (v >= 2) {
                init.unknownTaggedFields().add(new RawTaggedField(1, new byte[] {1}));
            }
            frames.add(Arguments.of(ApiKeys.INIT_PRODUCER_ID, v, bytes(KafkaOracle.response(init, v, 1))));
        }
        org.apache.kafka.common.message.SaslHandshakeResponseData handshake = new org.apache.kafka.common.message
                .SaslHandshakeResponseData().setMechanisms(List.of("PLAIN", "SCRAM-SHA-256"));
        frames.add(Arguments.of(ApiKeys.SASL_HANDSHAKE, (short) 1, bytes(KafkaOracle.response(handshake, (short) 1, 1))));
        for (short v = 0; v <= 2; v++) {
            org.apache.kafka.common.message.SaslAuthenticateResponseData authenticate = new org.apache.kafka.common.message
                    .SaslAuthenticateResponseData().setErrorMessage("m").setAuthBytes(new byte[] {1, 2, 3}).setSessionLifetimeMs(5);
            frames.add(Arguments.of(ApiKeys.SASL_AUTHENTICATE, v, bytes(KafkaOracle.response(authenticate, v, 1))));
        }
        return frames.stream();
    }

    private static org.apache.kafka.common.message.MetadataResponseData filledMetadata(short v) {
        for (long seed = 0; ; seed++) {
            org.apache.kafka.common.message.MetadataResponseData data = MetadataCodecTest.randomResponse(new TestData(seed), v);
            if (!data.brokers().isEmpty() && data.topics().stream().anyMatch(t -> !t.partitions().isEmpty())) {
                return data;
            }
        }
    }

    private static org.apache.kafka.common.message.ProduceResponseData filledProduce(short v) {
        for (long seed = 0; ; seed++) {
            org.apache.kafka.common.message.ProduceResponseData data = ProduceCodecTest.randomResponse(new TestData(seed), v);
            boolean leaderHints = v < 10 || !data.nodeEndpoints().isEmpty();
            if (leaderHints && data.responses().stream().anyMatch(t -> t.partitionResponses().size() > 1)) {
                return data;
            }
        }
    }

    private static byte[] bytes(ByteBuffer frame) {
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("validFrames")
    void shouldReportEveryTruncationAsAProtocolException(ApiKeys api, short version, byte[] frame) {
        assertThat(ResponseFrames.parse(api, version, ByteBuffer.wrap(frame)).correlationId()).isEqualTo(1);
        for (int cut = 0; cut < frame.length; cut++) {
            ByteBuffer truncated = ByteBuffer.wrap(frame, 0, cut);
            int at = cut;
            assertThatThrownBy(() -> ResponseFrames.parse(api, version, truncated))
                    .as("%s v%d cut at %d of %d", api, version, at, frame.length)
                    .isExactlyInstanceOf(ProtocolException.class)
                    .hasMessageContaining("Malformed " + api.displayName);
        }
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("validFrames")
    void shouldReportTrailingBytesAsAProtocolException(ApiKeys api, short version, byte[] frame) {
        byte[] longer = Arrays.copyOf(frame, frame.length + 1);
        assertThatThrownBy(() -> ResponseFrames.parse(api, version, ByteBuffer.wrap(longer)))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessageContaining("followed by 1 unexpected bytes");
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("validFrames")
    void shouldOnlyEverDecodeOrThrowProtocolExceptionForCorruptedBytes(ApiKeys api, short version, byte[] frame) {
        Random random = new Random(api.id * 100L + version);
        for (int round = 0; round < 400; round++) {
            byte[] corrupt = frame.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            }
            try {
                ResponseFrames.parse(api, version, ByteBuffer.wrap(corrupt));
            } catch (ProtocolException expected) {
                assertThat(expected.getMessage()).contains(api.displayName);
            }
        }
    }

    @Test
    void shouldRejectAnAbsurdBrokerCountWithoutAllocating() {
        // Metadata v1: correlation id, then brokers: int32 count 2^31-1 and nothing behind it
        ByteBuffer frame = ByteBuffer.allocate(12).putInt(1).putInt(Integer.MAX_VALUE).putInt(0).flip();
        assertThatThrownBy(() -> ResponseFrames.parse(ApiKeys.METADATA, (short) 1, frame))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("Malformed Metadata v1 response from the broker: brokers declares 2147483647 elements (at least "
                        + "21474836470 bytes), but only 4 bytes remain (the frame is truncated or corrupt), at byte 4 of the frame. "
                        + "The connection is closed and the request retried; if this repeats, report it with the broker's Kafka version");
    }

    @Test
    void shouldRejectAnAbsurdCompactTopicNameLength() {
        // Produce v9: correlation id, header tagged fields, responses: 1 topic, name length+1 = 2^31-1 as uvarint
        ByteBuffer frame = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0, 2, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 'a'});
        assertThatThrownBy(() -> ResponseFrames.parse(ApiKeys.PRODUCE, (short) 9, frame))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessageContaining("topic name has a string length of 2147483646, but Kafka strings hold at most 32767 bytes");
    }

    @Test
    void shouldRejectANullHostAndANegativeHostLength() {
        // Metadata v1: 1 broker, node id 0, host length -1 (null, not allowed) / -7
        ByteBuffer nullHost = ByteBuffer.allocate(40).putInt(1).putInt(1).putInt(0).putShort((short) -1).rewind(); // zeros behind
        assertThatThrownBy(() -> ResponseFrames.parse(ApiKeys.METADATA, (short) 1, nullHost))
                .isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("broker host is null");
        ByteBuffer negative = ByteBuffer.allocate(40).putInt(1).putInt(1).putInt(0).putShort((short) -7).rewind();
        assertThatThrownBy(() -> ResponseFrames.parse(ApiKeys.METADATA, (short) 1, negative))
                .isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("broker host has a negative string length -7");
    }

    @Test
    void shouldRejectANegativeReplicaCount() {
        // Metadata v1: no brokers, controller, 1 topic "t", 1 partition whose replica_nodes count is -2
        ByteBuffer frame = ByteBuffer.allocate(60).putInt(1).putInt(0).putInt(-1).putInt(1).putShort((short) 0)
                .putShort((short) 1).put((byte) 't').put((byte) 0).putInt(1).putShort((short) 0).putInt(0).putInt(0).putInt(-2)
                .rewind(); // zeros behind, so only the count is wrong
        assertThatThrownBy(() -> ResponseFrames.parse(ApiKeys.METADATA, (short) 1, frame))
                .isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("replica_nodes has a negative array length -2");
    }

    @Test
    void shouldRejectAFrameTooShortForACorrelationId() {
        assertThatThrownBy(() -> ResponseFrames.correlationId(ByteBuffer.allocate(3)))
                .isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("a frame of 3 bytes cannot hold a correlation id");
        assertThat(ResponseFrames.correlationId(ByteBuffer.allocate(8).putInt(0, 77))).isEqualTo(77);
    }
}
