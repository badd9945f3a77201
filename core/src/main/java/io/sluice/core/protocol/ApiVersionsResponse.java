package io.sluice.core.protocol;

import java.util.List;

/**
 * ApiVersions response (key 18), v0–v4 ({@code ApiVersionsResponse.json}); always after response
 * header v0.
 *
 * <pre>
 *   int16  error_code
 *   array  api_keys: int16 api_key, int16 min_version, int16 max_version [, tagged fields v3+]
 *   int32  throttle_time_ms                                   v1+
 *   tagged fields                                             v3+
 *     0: supported_features  [name, int16 min_version, int16 max_version]
 *     1: int64 finalized_features_epoch (default −1)
 *     2: finalized_features  [name, int16 max_version_level, int16 min_version_level]
 *     3: zk_migration_ready (skipped)
 * </pre>
 *
 * <b>UNSUPPORTED_VERSION (35), KIP-511:</b> a broker that does not know the version we sent answers
 * with a v0 body holding error 35 and the versions of ApiVersions it does support, whatever version
 * we asked for. The decoder reads such a body as v0, so {@link #apiKeys()} holds the broker's
 * ranges and {@link #retryVersion()} tells which version to ask again with.
 *
 * @param errorCode              top-level error, 0 for none
 * @param apiKeys                the broker's version ranges (also present with error 35)
 * @param throttleTimeMs         0 before v1
 * @param supportedFeatures      features the broker supports (v3+, else empty)
 * @param finalizedFeaturesEpoch epoch of {@code finalizedFeatures}; −1 if unknown or before v3
 * @param finalizedFeatures      cluster-wide finalized feature levels (v3+, else empty),
 *                               e.g. {@code transaction.version}
 */
public record ApiVersionsResponse(short errorCode, List<ApiVersionRange> apiKeys, int throttleTimeMs,
                                  List<Feature> supportedFeatures, long finalizedFeaturesEpoch,
                                  List<Feature> finalizedFeatures) implements ResponseBody {

    /** Kafka's UNSUPPORTED_VERSION error code. */
    static final short UNSUPPORTED_VERSION = 35;

    /**
     * A feature with its version range: for supported features the versions the broker can run,
     * for finalized ones the levels the cluster has switched on.
     */
    public record Feature(String name, short minVersion, short maxVersion) {
    }

    /** The broker's range for {@code api}, or {@code null} if it does not list it. */
    public ApiVersionRange rangeOf(ApiKeys api) {
        for (ApiVersionRange range : apiKeys) {
            if (range.apiKey() == api.id) {
                return range;
            }
        }
        return null;
    }

    /**
     * After an UNSUPPORTED_VERSION answer: the highest ApiVersions version both sides speak, to send
     * the request again with; −1 if there is none (or the broker listed no range for ApiVersions).
     */
    public short retryVersion() {
        ApiVersionRange range = rangeOf(ApiKeys.API_VERSIONS);
        if (range == null) {
            return -1;
        }
        short highest = (short) Math.min(range.maxVersion(), ApiKeys.API_VERSIONS.latestVersion);
        short lowest = (short) Math.max(range.minVersion(), ApiKeys.API_VERSIONS.oldestVersion);
        return highest >= lowest ? highest : -1;
    }

    static ApiVersionsResponse read(ProtocolReader in) {
        int start = in.position();
        short errorCode = in.int16("error_code");
        if (errorCode == UNSUPPORTED_VERSION && in.version() > 0) {
            // KIP-511: the broker answered with a v0 body. Fall back to the requested version only if
            // it did not (a broker that echoes our version with error 35 is allowed too).
            ProtocolReader v0 = in.atVersion((short) 0);
            try {
                ApiVersionsResponse response = readAfterErrorCode(v0, errorCode);
                v0.expectEnd();
                return response;
            } catch (ProtocolException notV0) {
                in.position(start + 2);
                try {
                    return readAfterErrorCode(in, errorCode);
                } catch (ProtocolException notAsked) {
                    notV0.addSuppressed(notAsked);
                    throw notV0; // v0 is what KIP-511 brokers send: its failure is the one to report
                }
            }
        }
        return readAfterErrorCode(in, errorCode);
    }

    private static ApiVersionsResponse readAfterErrorCode(ProtocolReader in, short errorCode) {
        short version = in.version();
        int n = in.arrayLength(6, "api_keys");
        ApiVersionRange[] ranges = new ApiVersionRange[n];
        for (int i = 0; i < n; i++) {
            ranges[i] = new ApiVersionRange(in.int16("api_key"), in.int16("min_version"), in.int16("max_version"));
            if (in.flexible()) {
                in.skipTaggedFields("api_keys tagged fields");
            }
        }
        int throttleTimeMs = version >= 1 ? in.int32("throttle_time_ms") : 0;
        List<Feature> supported = List.of();
        List<Feature> finalized = List.of();
        long finalizedEpoch = -1L;
        if (in.flexible()) {
            int tags = in.taggedFieldCount("tagged fields");
            for (int i = 0; i < tags; i++) {
                int tag = in.taggedFieldTag("tagged fields");
                int saved = in.beginTaggedField("tagged fields");
                switch (tag) {
                    case 0 -> supported = readFeatures(in, false, "supported_features");
                    case 1 -> finalizedEpoch = in.int64("finalized_features_epoch");
                    case 2 -> finalized = readFeatures(in, true, "finalized_features");
                    default -> in.skipRest();
                }
                in.endTaggedField(saved, "tagged fields");
            }
        }
        return new ApiVersionsResponse(errorCode, Lists.of(ranges), throttleTimeMs, supported, finalizedEpoch, finalized);
    }

    private static List<Feature> readFeatures(ProtocolReader in, boolean maxFirst, String field) {
        int n = in.arrayLength(6, field);
        Feature[] features = new Feature[n];
        for (int i = 0; i < n; i++) {
            String name = in.string("feature name");
            short first = in.int16("feature version");
            short second = in.int16("feature version");
            features[i] = maxFirst ? new Feature(name, second, first) : new Feature(name, first, second);
            in.skipTaggedFields("feature tagged fields");
        }
        return Lists.of(features);
    }
}
