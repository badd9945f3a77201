package io.sluice.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.protocol.ApiVersionsResponse.Feature;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersionCollection;
import org.apache.kafka.common.message.ApiVersionsResponseData.FinalizedFeatureKey;
import org.apache.kafka.common.message.ApiVersionsResponseData.FinalizedFeatureKeyCollection;
import org.apache.kafka.common.message.ApiVersionsResponseData.SupportedFeatureKey;
import org.apache.kafka.common.message.ApiVersionsResponseData.SupportedFeatureKeyCollection;
import org.apache.kafka.common.protocol.types.RawTaggedField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiVersionsCodecTest {

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3, 4})
    void shouldEncodeTheRequestLikeKafkaAtEveryVersion(short version) {
        ApiVersionsRequest ours = new ApiVersionsRequest("sluice-java", "0.1.0-SNAPSHOT");
        ApiVersionsRequestData kafka = new ApiVersionsRequestData().setClientSoftwareName("sluice-java")
                .setClientSoftwareVersion("0.1.0-SNAPSHOT");
        for (String clientId : new String[] {"producer-1", null, ""}) {
            byte[] expected = KafkaOracle.request(kafka, version, 42, clientId);
            assertThat(RequestFrames.encode(ApiKeys.API_VERSIONS, version, 42, clientId, ours).toByteArray())
                    .as("ApiVersions v%d, client id %s", version, clientId).isEqualTo(expected);
        }
    }

    @Test
    void shouldRefuseSoftwareNamesBrokersReject() {
        assertThatThrownBy(() -> new ApiVersionsRequest("sluice java", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientSoftwareName 'sluice java'").hasMessageContaining("INVALID_REQUEST");
        assertThatThrownBy(() -> new ApiVersionsRequest("sluice", "1.0-"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientSoftwareVersion '1.0-'");
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3, 4})
    void shouldDecodeWhatAKafkaBrokerWritesAtEveryVersion(short version) {
        ApiVersionsResponseData kafka = richResponse((short) 0, version);
        ByteBuffer frame = KafkaOracle.response(kafka, version, 7);
        ResponseFrames.ParsedResponse parsed = ResponseFrames.parse(ApiKeys.API_VERSIONS, version, frame);
        assertThat(parsed.correlationId()).isEqualTo(7);
        ApiVersionsResponseData projected = KafkaOracle.roundTrip(kafka, version, ApiVersionsResponseData::new);
        assertThat(parsed.body()).isEqualTo(convert(projected, version));
        assertThat(frame.hasRemaining()).isFalse();
    }

    @Test
    void shouldCarryFeaturesOnlyFromVersion3() {
        ApiVersionsResponse v3 = (ApiVersionsResponse) ResponseFrames.parse(ApiKeys.API_VERSIONS, (short) 3,
                KafkaOracle.response(richResponse((short) 0, (short) 3), (short) 3, 1)).body();
        assertThat(v3.supportedFeatures()).contains(new Feature("transaction.version", (short) 1, (short) 2));
        assertThat(v3.finalizedFeatures()).contains(new Feature("transaction.version", (short) 0, (short) 2));
        assertThat(v3.finalizedFeaturesEpoch()).isEqualTo(77L);
        ApiVersionsResponse v2 = (ApiVersionsResponse) ResponseFrames.parse(ApiKeys.API_VERSIONS, (short) 2,
                KafkaOracle.response(richResponse((short) 0, (short) 2), (short) 2, 1)).body();
        assertThat(v2.supportedFeatures()).isEmpty();
        assertThat(v2.finalizedFeaturesEpoch()).isEqualTo(-1L);
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 2, 3, 4})
    void shouldReadTheBrokersRangesFromAV0UnsupportedVersionAnswerToAnyVersionKip511(short askedVersion) {
        // A broker that does not know the version we asked for answers in v0 with error 35 (KIP-511).
        ApiVersionsResponseData kafka = new ApiVersionsResponseData().setErrorCode((short) 35).setApiKeys(
                new ApiVersionCollection(List.of(new ApiVersion().setApiKey((short) 18).setMinVersion((short) 0)
                        .setMaxVersion((short) 2)).iterator()));
        ByteBuffer frame = KafkaOracle.responseAs(kafka, (short) 0, (short) 0, 9);
        ApiVersionsResponse response = (ApiVersionsResponse) ResponseFrames.parse(ApiKeys.API_VERSIONS, askedVersion, frame).body();
        assertThat(response.errorCode()).isEqualTo((short) 35);
        assertThat(response.apiKeys()).containsExactly(new ApiVersionRange((short) 18, (short) 0, (short) 2));
        assertThat(response.retryVersion()).isEqualTo((short) 2);
    }

    @Test
    void shouldStillDecodeAnUnsupportedVersionAnswerWrittenAtTheVersionWeAskedFor() {
        ApiVersionsResponseData kafka = richResponse((short) 35, (short) 3);
        ByteBuffer frame = KafkaOracle.response(kafka, (short) 3, 9);
        ApiVersionsResponse response = (ApiVersionsResponse) ResponseFrames.parse(ApiKeys.API_VERSIONS, (short) 3, frame).body();
        assertThat(response).isEqualTo(convert(KafkaOracle.roundTrip(kafka, (short) 3, ApiVersionsResponseData::new), (short) 3));
        assertThat(response.retryVersion()).isEqualTo((short) 4);
    }

    @Test
    void shouldSayThereIsNoRetryVersionWhenTheBrokerListsNoneWeSpeak() {
        ApiVersionsResponse none = new ApiVersionsResponse((short) 35, List.of(new ApiVersionRange((short) 18, (short) 7, (short) 9)),
                0, List.of(), -1L, List.of());
        assertThat(none.retryVersion()).isEqualTo((short) -1);
        assertThat(new ApiVersionsResponse((short) 35, List.of(), 0, List.of(), -1L, List.of()).retryVersion()).isEqualTo((short) -1);
    }

    static ApiVersionsResponseData richResponse(short errorCode, short version) {
        ApiVersionCollection keys = new ApiVersionCollection();
        short[][] ranges = {{0, 0, 13}, {3, 0, 13}, {18, 0, 4}, {22, 0, 5}, {1000, 1, 2}};
        for (short[] r : ranges) {
            keys.add(new ApiVersion().setApiKey(r[0]).setMinVersion(r[1]).setMaxVersion(r[2]));
        }
        SupportedFeatureKeyCollection supported = new SupportedFeatureKeyCollection();
        supported.add(new SupportedFeatureKey().setName("transaction.version").setMinVersion((short) 1).setMaxVersion((short) 2));
        supported.add(new SupportedFeatureKey().setName("metadata.version").setMinVersion((short) 7).setMaxVersion((short) 27));
        FinalizedFeatureKeyCollection finalized = new FinalizedFeatureKeyCollection();
        finalized.add(new FinalizedFeatureKey().setName("transaction.version").setMinVersionLevel((short) 0).setMaxVersionLevel((short) 2));
        ApiVersionsResponseData data = new ApiVersionsResponseData().setErrorCode(errorCode).setApiKeys(keys).setThrottleTimeMs(250)
                .setSupportedFeatures(supported).setFinalizedFeaturesEpoch(77L).setFinalizedFeatures(finalized)
                .setZkMigrationReady(true);
        if (version >= 3) {
            data.unknownTaggedFields().add(new RawTaggedField(40, new byte[] {1, 2, 3})); // must be skipped
        }
        return data;
    }

    static ApiVersionsResponse convert(ApiVersionsResponseData kafka, short version) {
        List<ApiVersionRange> ranges = new ArrayList<>();
        kafka.apiKeys().forEach(k -> ranges.add(new ApiVersionRange(k.apiKey(), k.minVersion(), k.maxVersion())));
        List<Feature> supported = new ArrayList<>();
        kafka.supportedFeatures().forEach(f -> supported.add(new Feature(f.name(), f.minVersion(), f.maxVersion())));
        List<Feature> finalized = new ArrayList<>();
        kafka.finalizedFeatures().forEach(f -> finalized.add(new Feature(f.name(), f.minVersionLevel(), f.maxVersionLevel())));
        return new ApiVersionsResponse(kafka.errorCode(), ranges, kafka.throttleTimeMs(), supported,
                kafka.finalizedFeaturesEpoch(), finalized);
    }
}
