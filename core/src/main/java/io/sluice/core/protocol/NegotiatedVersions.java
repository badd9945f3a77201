package io.sluice.core.protocol;

import io.sluice.api.errors.UnsupportedVersionException;
import java.util.List;
import java.util.Objects;

/**
 * The version of each API to use with one broker: for every API Sluice speaks, the highest version
 * in [ours] ∩ [the broker's], as Kafka's {@code NodeApiVersions.latestUsableVersion} picks it.
 * Built once per connection from the broker's ApiVersions response. Immutable.
 *
 * <p>Our ranges come from {@link ApiKeys}; in particular Produce never goes below v3, even though a
 * Kafka 4.x broker advertises Produce min 0 (KAFKA-18659): it would close the connection on v0–v2.
 */
public final class NegotiatedVersions {

    private static final short ABSENT = -1;

    private final short[] brokerMin = new short[ApiKeys.values().length];
    private final short[] brokerMax = new short[ApiKeys.values().length];

    private NegotiatedVersions(List<ApiVersionRange> brokerRanges) {
        java.util.Arrays.fill(brokerMin, ABSENT);
        java.util.Arrays.fill(brokerMax, ABSENT);
        for (ApiVersionRange range : brokerRanges) {
            ApiKeys api = ApiKeys.forId(range.apiKey());
            if (api != null) {
                brokerMin[api.ordinal()] = range.minVersion();
                brokerMax[api.ordinal()] = range.maxVersion();
            }
        }
    }

    /** The versions for a broker that listed {@code brokerRanges} (keys Sluice does not speak are ignored). */
    public static NegotiatedVersions of(List<ApiVersionRange> brokerRanges) {
        return new NegotiatedVersions(Objects.requireNonNull(brokerRanges, "brokerRanges"));
    }

    /** The versions for a broker that answered {@code response} (without a top-level error). */
    public static NegotiatedVersions of(ApiVersionsResponse response) {
        if (response.errorCode() != 0) {
            throw Errors.exceptionFor(response.errorCode(), "ApiVersions answered with an error; no versions to negotiate");
        }
        return of(response.apiKeys());
    }

    /** Whether both sides share a version of {@code api}. */
    public boolean isUsable(ApiKeys api) {
        int i = api.ordinal();
        return brokerMax[i] != ABSENT && lowest(api) <= highest(api);
    }

    /**
     * The highest version of {@code api} both sides speak.
     *
     * @throws UnsupportedVersionException if there is none; the message names the API, both ranges
     *         and what that means for the broker's Kafka version
     */
    public short version(ApiKeys api) {
        if (!isUsable(api)) {
            throw unusable(api);
        }
        return highest(api);
    }

    /**
     * The highest shared version of {@code api} not above {@code cap}: e.g. Produce at most v12 while
     * some topic's id is unknown ({@link ProduceRequest#LAST_VERSION_WITH_TOPIC_NAMES}).
     *
     * @throws UnsupportedVersionException if no shared version is at or below {@code cap}
     */
    public short versionAtMost(ApiKeys api, short cap) {
        short highest = version(api);
        if (cap >= highest) {
            return highest;
        }
        if (cap < lowest(api)) {
            throw new UnsupportedVersionException(api + " v" + cap + " or lower is needed here, but the versions both sides speak are v"
                    + lowest(api) + "–v" + highest + " (" + describeBroker(api) + ")");
        }
        return cap;
    }

    /**
     * Checks every API in {@code apis} is usable.
     *
     * @throws UnsupportedVersionException for the first one that is not
     */
    public void require(ApiKeys... apis) {
        for (ApiKeys api : apis) {
            version(api);
        }
    }

    private short lowest(ApiKeys api) {
        return (short) Math.max(api.oldestVersion, brokerMin[api.ordinal()]);
    }

    private short highest(ApiKeys api) {
        return (short) Math.min(api.latestVersion, brokerMax[api.ordinal()]);
    }

    private String describeBroker(ApiKeys api) {
        int i = api.ordinal();
        return "broker supports " + api + " v" + brokerMin[i] + "–v" + brokerMax[i];
    }

    private UnsupportedVersionException unusable(ApiKeys api) {
        int i = api.ordinal();
        String ours = "Sluice speaks " + api + " v" + api.oldestVersion + "–v" + api.latestVersion;
        if (brokerMax[i] == ABSENT) {
            return new UnsupportedVersionException("The broker does not support " + api + " (api key " + api.id
                    + ") at all; " + ours + ", which needs " + api.oldestVersionSince + " or later (or a broker with this API enabled)");
        }
        if (brokerMax[i] < api.oldestVersion) {
            return new UnsupportedVersionException("The " + describeBroker(api) + " only; Sluice needs v" + api.oldestVersion
                    + "+ (" + api.oldestVersionSince + " or later): upgrade the broker");
        }
        return new UnsupportedVersionException("The " + describeBroker(api) + " only; " + ours
                + ": the broker is newer than this Sluice and dropped the versions it knows; upgrade Sluice");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("NegotiatedVersions[");
        for (ApiKeys api : ApiKeys.values()) {
            text.append(api).append('=').append(isUsable(api) ? "v" + highest(api) : "none").append(' ');
        }
        return text.append(']').toString();
    }
}
