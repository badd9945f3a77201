package io.sluice.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.UnsupportedVersionException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.ShortRange;
import org.apache.kafka.clients.NodeApiVersions;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.junit.jupiter.api.Test;

class NegotiatedVersionsTest {

    private static ApiVersionRange range(ApiKeys api, int min, int max) {
        return new ApiVersionRange(api.id, (short) min, (short) max);
    }

    @Test
    void shouldPickOurHighestVersionsWithAKafka44BrokerAndNeverProduceBelow3() {
        // what a Kafka 4.4 broker advertises: Produce min 0 for librdkafka's sake (KAFKA-18659)
        NegotiatedVersions versions = NegotiatedVersions.of(List.of(range(ApiKeys.PRODUCE, 0, 13), range(ApiKeys.METADATA, 0, 13),
                range(ApiKeys.API_VERSIONS, 0, 5), range(ApiKeys.INIT_PRODUCER_ID, 0, 6), new ApiVersionRange((short) 80, (short) 0, (short) 1)));
        assertThat(versions.version(ApiKeys.PRODUCE)).isEqualTo((short) 13);
        assertThat(versions.versionAtMost(ApiKeys.PRODUCE, ProduceRequest.LAST_VERSION_WITH_TOPIC_NAMES)).isEqualTo((short) 12);
        assertThat(versions.version(ApiKeys.METADATA)).isEqualTo((short) 13);
        assertThat(versions.version(ApiKeys.API_VERSIONS)).isEqualTo((short) 4);
        assertThat(versions.version(ApiKeys.INIT_PRODUCER_ID)).isEqualTo((short) 5);
        assertThatThrownBy(() -> versions.versionAtMost(ApiKeys.PRODUCE, (short) 2))
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessage("Produce v2 or lower is needed here, but the versions both sides speak are v3–v13 (broker supports Produce v0–v13)");
    }

    @Test
    void shouldPickTheBrokersHighestVersionsWithAKafka28Broker() {
        NegotiatedVersions versions = NegotiatedVersions.of(List.of(range(ApiKeys.PRODUCE, 0, 9), range(ApiKeys.METADATA, 0, 11),
                range(ApiKeys.API_VERSIONS, 0, 3), range(ApiKeys.INIT_PRODUCER_ID, 0, 4)));
        assertThat(versions.version(ApiKeys.PRODUCE)).isEqualTo((short) 9);
        assertThat(versions.version(ApiKeys.METADATA)).isEqualTo((short) 11);
        assertThat(versions.version(ApiKeys.API_VERSIONS)).isEqualTo((short) 3);
        assertThat(versions.version(ApiKeys.INIT_PRODUCER_ID)).isEqualTo((short) 4);
        versions.require(ApiKeys.PRODUCE, ApiKeys.METADATA, ApiKeys.INIT_PRODUCER_ID);
        assertThat(versions.isUsable(ApiKeys.SASL_HANDSHAKE)).isFalse();
    }

    @Test
    void shouldExplainABrokerTooOldForProduceV3() {
        NegotiatedVersions versions = NegotiatedVersions.of(List.of(range(ApiKeys.PRODUCE, 0, 2)));
        assertThat(versions.isUsable(ApiKeys.PRODUCE)).isFalse();
        assertThatThrownBy(() -> versions.require(ApiKeys.METADATA, ApiKeys.PRODUCE))
                .isInstanceOf(UnsupportedVersionException.class).hasMessageContaining("Metadata");
        assertThatThrownBy(() -> versions.version(ApiKeys.PRODUCE))
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessage("The broker supports Produce v0–v2 only; Sluice needs v3+ (Kafka 0.11 or later): upgrade the broker");
    }

    @Test
    void shouldExplainAnApiTheBrokerDoesNotHave() {
        NegotiatedVersions versions = NegotiatedVersions.of(List.of(range(ApiKeys.PRODUCE, 3, 9)));
        assertThatThrownBy(() -> versions.version(ApiKeys.INIT_PRODUCER_ID))
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessage("The broker does not support InitProducerId (api key 22) at all; Sluice speaks InitProducerId v0–v5, "
                        + "which needs Kafka 0.11 or later (or a broker with this API enabled)");
    }

    @Test
    void shouldExplainABrokerNewerThanThisSluice() {
        NegotiatedVersions versions = NegotiatedVersions.of(List.of(range(ApiKeys.METADATA, 14, 20)));
        assertThatThrownBy(() -> versions.version(ApiKeys.METADATA))
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessage("The broker supports Metadata v14–v20 only; Sluice speaks Metadata v1–v13: the broker is newer than "
                        + "this Sluice and dropped the versions it knows; upgrade Sluice");
    }

    @Test
    void shouldRefuseToNegotiateFromAnErrorResponse() {
        ApiVersionsResponse failed = new ApiVersionsResponse((short) 35, List.of(range(ApiKeys.API_VERSIONS, 0, 2)), 0,
                List.of(), -1L, List.of());
        assertThatThrownBy(() -> NegotiatedVersions.of(failed))
                .isInstanceOf(UnsupportedVersionException.class).hasMessageStartingWith("UNSUPPORTED_VERSION: ApiVersions");
    }

    @Property
    void shouldPickWhatKafkasNodeApiVersionsPicks(@ForAll @ShortRange(min = 0, max = 16) short brokerMin,
                                                 @ForAll @ShortRange(min = 0, max = 16) short brokerMax) {
        List<ApiVersionRange> ours = new ArrayList<>();
        List<ApiVersion> theirs = new ArrayList<>();
        for (ApiKeys api : ApiKeys.values()) {
            ours.add(new ApiVersionRange(api.id, brokerMin, brokerMax));
            theirs.add(new ApiVersion().setApiKey(api.id).setMinVersion(brokerMin).setMaxVersion(brokerMax));
        }
        NegotiatedVersions negotiated = NegotiatedVersions.of(ours);
        NodeApiVersions kafka = NodeApiVersions.create(theirs);
        for (ApiKeys api : ApiKeys.values()) {
            org.apache.kafka.common.protocol.ApiKeys key = org.apache.kafka.common.protocol.ApiKeys.forId(api.id);
            Short expected;
            try {
                expected = kafka.latestUsableVersion(key, api.oldestVersion, api.latestVersion);
            } catch (org.apache.kafka.common.errors.UnsupportedVersionException none) {
                expected = null;
            }
            if (expected == null) {
                assertThat(negotiated.isUsable(api)).as("%s broker v%d-v%d", api, brokerMin, brokerMax).isFalse();
            } else {
                assertThat(negotiated.version(api)).as("%s broker v%d-v%d", api, brokerMin, brokerMax).isEqualTo(expected);
            }
        }
    }
}
