package io.sluice.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Headers and the frame entry points, checked against Kafka's ApiKeys and header classes. */
class FramesTest {

    @Test
    void shouldMatchKafkasSupportedRangesFlexibilityAndHeaderVersionsForEveryVersionWeSpeak() {
        for (ApiKeys api : ApiKeys.values()) {
            org.apache.kafka.common.protocol.ApiKeys kafka = org.apache.kafka.common.protocol.ApiKeys.forId(api.id);
            assertThat(kafka.name).as("api key %d", api.id).isEqualTo(api.displayName);
            assertThat(api.oldestVersion).as("%s oldest", api).isGreaterThanOrEqualTo(kafka.oldestVersion());
            assertThat(api.latestVersion).as("%s latest", api).isLessThanOrEqualTo(kafka.latestVersion(false));
            for (short v = api.oldestVersion; v <= api.latestVersion; v++) {
                assertThat(api.requestHeaderVersion(v)).as("%s v%d request header", api, v).isEqualTo(kafka.requestHeaderVersion(v));
                assertThat(api.responseHeaderVersion(v)).as("%s v%d response header", api, v).isEqualTo(kafka.responseHeaderVersion(v));
            }
            assertThat(ApiKeys.forId(api.id)).isSameAs(api);
        }
        assertThat(ApiKeys.API_VERSIONS.responseHeaderVersion((short) 4)).as("KIP-511: always v0").isZero();
        assertThat(ApiKeys.forId(1)).isNull();
        assertThat(ApiKeys.forId(-1)).isNull();
        assertThat(ApiKeys.forId(1000)).isNull();
    }

    @Test
    void shouldKeepTheClientIdAnInt16StringInHeaderV2() {
        EncodedFrame frame = RequestFrames.encode(ApiKeys.API_VERSIONS, (short) 3, 0x01020304, "abc",
                new ApiVersionsRequest("s", "1"));
        byte[] bytes = frame.toByteArray();
        assertThat(bytes).startsWith(0, 18, 0, 3, 1, 2, 3, 4, 0, 3, 'a', 'b', 'c', 0 /* header tags */, 2, 's', 2, '1', 0);
        assertThat(bytes).hasSize(19);
    }

    @Test
    void shouldRefuseAClientIdLongerThanKafkaStringsAllow() {
        String longId = "x".repeat(Short.MAX_VALUE + 1);
        assertThatThrownBy(() -> RequestFrames.encode(ApiKeys.API_VERSIONS, (short) 0, 1, longId, new ApiVersionsRequest("s", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client.id is 32768 bytes in UTF-8, but Kafka strings hold at most 32767 bytes; shorten it");
        assertThat(RequestFrames.encode(ApiKeys.API_VERSIONS, (short) 0, 1, "x".repeat(Short.MAX_VALUE),
                new ApiVersionsRequest("s", "1")).sizeInBytes()).isEqualTo(8 + 2 + Short.MAX_VALUE);
    }

    @Test
    void shouldRefuseABodyOfAnotherApiAndVersionsWeDoNotSpeak() {
        ApiVersionsRequest body = new ApiVersionsRequest("s", "1");
        assertThatThrownBy(() -> RequestFrames.encode(ApiKeys.METADATA, (short) 9, 1, "c", body))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A ApiVersions body cannot be sent as a Metadata request");
        assertThatThrownBy(() -> RequestFrames.encode(ApiKeys.API_VERSIONS, (short) 5, 1, "c", body))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ApiVersions v5 is outside the versions Sluice speaks, v0–v4; pick the version from NegotiatedVersions");
    }

    @Test
    void shouldRefuseToDecodeAnApiWithoutADecoderYet() {
        assertThatThrownBy(() -> ResponseFrames.parse(ApiKeys.FIND_COORDINATOR, (short) 1, ByteBuffer.allocate(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Sluice has no decoder for FindCoordinator responses yet");
    }

    @Test
    void shouldDecodeFromAFramesPositionWithoutReadingPastItsLimit() {
        byte[] body = KafkaOracle.response(new org.apache.kafka.common.message.InitProducerIdResponseData().setProducerId(5),
                (short) 1, 77).array();
        ByteBuffer frame = ByteBuffer.allocate(body.length + 20);
        frame.position(10);
        frame.put(body);
        frame.limit(frame.position()).position(10);
        assertThat(ResponseFrames.correlationId(frame)).isEqualTo(77);
        assertThat(frame.position()).isEqualTo(10);
        ResponseFrames.ParsedResponse parsed = ResponseFrames.parse(ApiKeys.INIT_PRODUCER_ID, (short) 1, frame);
        assertThat(parsed.correlationId()).isEqualTo(77);
        assertThat(((InitProducerIdResponse) parsed.body()).producerId()).isEqualTo(5L);
    }
}
