package io.sluice.core.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * ApiVersions request (key 18), v0–v4 ({@code ApiVersionsRequest.json}). v0–v2 have an empty body;
 * v3+ (flexible) carry the client's software name and version (KIP-511), which a broker validates
 * (INVALID_REQUEST otherwise) and shows in its metrics.
 *
 * <pre>
 *   v3+: compact_string client_software_name, compact_string client_software_version, tagged fields
 * </pre>
 *
 * @param clientSoftwareName    e.g. {@code sluice-java}
 * @param clientSoftwareVersion e.g. {@code 0.1.0}
 */
public record ApiVersionsRequest(String clientSoftwareName, String clientSoftwareVersion) implements RequestBody {

    /** What a broker accepts for both fields ({@code ApiVersionsRequest.isValid} in Kafka). */
    public static final Pattern SOFTWARE_NAME_OR_VERSION = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9\\-.]*[a-zA-Z0-9])?");

    public ApiVersionsRequest {
        checkSoftware(clientSoftwareName, "clientSoftwareName");
        checkSoftware(clientSoftwareVersion, "clientSoftwareVersion");
    }

    private static void checkSoftware(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!SOFTWARE_NAME_OR_VERSION.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' would make brokers answer INVALID_REQUEST: it must match "
                    + SOFTWARE_NAME_OR_VERSION.pattern() + " (letters, digits, '-' and '.', starting and ending with a letter or digit)");
        }
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.API_VERSIONS;
    }

    @Override
    public int framingSize(short version) {
        if (version < 3) {
            return 0;
        }
        return ProtocolWriter.sizeOfString(clientSoftwareName, true, "clientSoftwareName")
                + ProtocolWriter.sizeOfString(clientSoftwareVersion, true, "clientSoftwareVersion")
                + ProtocolWriter.EMPTY_TAGGED_FIELDS_SIZE;
    }

    @Override
    public void writeTo(ProtocolWriter out, short version) {
        if (version >= 3) {
            out.string(clientSoftwareName, true);
            out.string(clientSoftwareVersion, true);
            out.taggedFields(true);
        }
    }
}
