package io.sluice.core.protocol;

/**
 * The Kafka APIs Sluice speaks, with the versions Sluice supports and the first flexible version
 * of each (KIP-482: compact strings and arrays, tagged fields, request header v2, response header
 * v1). Sources: {@code clients/src/main/resources/common/message/*Request.json} in apache/kafka
 * ({@code validVersions}, {@code flexibleVersions}); the ranges were checked against the generated
 * classes of kafka-clients 4.4.0.
 *
 * <ul>
 *   <li>{@link #PRODUCE} v3–v13. v3 is the floor: record batch v2 and the transactional id; Kafka
 *       4.0 removed v0–v2 but still <em>advertises</em> min 0 in ApiVersions (KAFKA-18659, a
 *       librdkafka workaround) and closes the connection on them, so we never go below v3 whatever
 *       the broker says. v13 names topics by id (KIP-516): use it only with topic ids at hand.</li>
 *   <li>{@link #METADATA} v1–v13: v1 is the first where a null topic list means "all topics".</li>
 *   <li>{@link #API_VERSIONS} v0–v4, {@link #INIT_PRODUCER_ID} v0–v5 (v6 is unstable in 4.4).</li>
 *   <li>{@link #SASL_HANDSHAKE} v1 only (v0 was removed in Kafka 4.0, KIP-896) and
 *       {@link #SASL_AUTHENTICATE} v0–v2: SASL authentication (and KIP-368 re-authentication).</li>
 *   <li>{@link #FIND_COORDINATOR}: reserved for transactions; its versions take part in negotiation,
 *       its codec comes later.</li>
 * </ul>
 */
public enum ApiKeys {
    PRODUCE(0, "Produce", 3, 13, 9, "Kafka 0.11"),
    METADATA(3, "Metadata", 1, 13, 9, "Kafka 0.10.0"),
    FIND_COORDINATOR(10, "FindCoordinator", 1, 6, 3, "Kafka 0.11"),
    SASL_HANDSHAKE(17, "SaslHandshake", 1, 1, ApiKeys.NEVER_FLEXIBLE, "Kafka 1.0"),
    API_VERSIONS(18, "ApiVersions", 0, 4, 3, "Kafka 0.10.0"),
    INIT_PRODUCER_ID(22, "InitProducerId", 0, 5, 2, "Kafka 0.11"),
    SASL_AUTHENTICATE(36, "SaslAuthenticate", 0, 2, 2, "Kafka 1.0");

    private static final short NEVER_FLEXIBLE = Short.MAX_VALUE;
    private static final ApiKeys[] BY_ID = new ApiKeys[37];

    static {
        for (ApiKeys api : values()) {
            BY_ID[api.id] = api;
        }
    }

    /** The api key on the wire. */
    public final short id;
    /** The name Kafka uses, e.g. {@code Produce}. */
    public final String displayName;
    /** The lowest version Sluice sends. */
    public final short oldestVersion;
    /** The highest version Sluice sends. */
    public final short latestVersion;
    /** The first version using the flexible (compact, tagged) encoding. */
    public final short firstFlexibleVersion;
    /** The oldest Kafka release that has {@link #oldestVersion}, for error messages. */
    public final String oldestVersionSince;

    ApiKeys(int id, String displayName, int oldest, int latest, int firstFlexible, String oldestVersionSince) {
        this.id = (short) id;
        this.displayName = displayName;
        this.oldestVersion = (short) oldest;
        this.latestVersion = (short) latest;
        this.firstFlexibleVersion = (short) firstFlexible;
        this.oldestVersionSince = oldestVersionSince;
    }

    /** The API with this key, or {@code null} if Sluice does not speak it. */
    public static ApiKeys forId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    public boolean isSupported(short version) {
        return version >= oldestVersion && version <= latestVersion;
    }

    public boolean isFlexible(short version) {
        return version >= firstFlexibleVersion;
    }

    /** Request header v2 (with tagged fields) for flexible versions, v1 otherwise; v0 was removed in Kafka 4.0. */
    public short requestHeaderVersion(short version) {
        return isFlexible(version) ? (short) 2 : (short) 1;
    }

    /**
     * Response header v1 (with tagged fields) for flexible versions, v0 otherwise, except that an
     * ApiVersions response always has header v0: a client must be able to read the answer to a
     * version the broker does not know (KIP-511).
     */
    public short responseHeaderVersion(short version) {
        if (this == API_VERSIONS) {
            return 0;
        }
        return isFlexible(version) ? (short) 1 : (short) 0;
    }

    /** @throws IllegalArgumentException if Sluice does not speak {@code version} of this API (a caller bug) */
    public void checkSupported(short version) {
        if (!isSupported(version)) {
            throw new IllegalArgumentException(displayName + " v" + version + " is outside the versions Sluice speaks, v"
                    + oldestVersion + "–v" + latestVersion + "; pick the version from NegotiatedVersions");
        }
    }

    @Override
    public String toString() {
        return displayName;
    }
}
