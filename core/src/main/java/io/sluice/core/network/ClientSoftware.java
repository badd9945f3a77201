package io.sluice.core.network;

import io.sluice.core.protocol.ApiVersionsRequest;

/**
 * What Sluice tells brokers it is in ApiVersions v3+ (KIP-511; shown in broker metrics): the name
 * {@code sluice} and the version from the core jar's manifest ({@code Implementation-Version}) or
 * module descriptor, {@code dev} when run from classes. Both are made to fit the pattern brokers
 * check ({@link ApiVersionsRequest#SOFTWARE_NAME_OR_VERSION}). Stateless.
 */
public final class ClientSoftware {

    public static final String NAME = "sluice";
    public static final String UNKNOWN_VERSION = "dev";

    private ClientSoftware() {
    }

    /** The ApiVersions request this Sluice sends. */
    public static ApiVersionsRequest apiVersionsRequest() {
        return new ApiVersionsRequest(NAME, version());
    }

    /** Sluice's version, made acceptable to brokers. */
    public static String version() {
        String version = ClientSoftware.class.getPackage().getImplementationVersion();
        if (version == null) {
            version = ClientSoftware.class.getModule().getDescriptor() == null ? null
                    : ClientSoftware.class.getModule().getDescriptor().rawVersion().orElse(null);
        }
        return sanitize(version);
    }

    /** {@code value} with characters brokers refuse replaced by '-' and trimmed to start and end with a letter or digit. */
    static String sanitize(String value) {
        if (value == null) {
            return UNKNOWN_VERSION;
        }
        String cleaned = value.replaceAll("[^a-zA-Z0-9\\-.]", "-").replaceAll("^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$", "");
        return ApiVersionsRequest.SOFTWARE_NAME_OR_VERSION.matcher(cleaned).matches() ? cleaned : UNKNOWN_VERSION;
    }
}
