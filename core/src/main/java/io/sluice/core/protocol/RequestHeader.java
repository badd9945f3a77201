package io.sluice.core.protocol;

/**
 * Request header v1 and v2 ({@code RequestHeader.json}):
 *
 * <pre>
 *   int16  request_api_key
 *   int16  request_api_version
 *   int32  correlation_id
 *   string client_id        nullable, int16 length even in v2 (so any broker can read the header
 *                           of an ApiVersions request whose version it does not know)
 *   tagged fields           v2 only
 * </pre>
 *
 * v2 is used with flexible body versions; v0 (no client id) was removed in Kafka 4.0. Stateless.
 */
final class RequestHeader {

    private RequestHeader() {
    }

    static int sizeOf(ApiKeys api, short version, String clientId) {
        boolean v2 = api.requestHeaderVersion(version) >= 2;
        return 2 + 2 + 4 + ProtocolWriter.sizeOfNullableString(clientId, false, "client.id")
                + ProtocolWriter.sizeOfTaggedFields(v2);
    }

    static void write(ProtocolWriter out, ApiKeys api, short version, int correlationId, String clientId) {
        out.int16(api.id);
        out.int16(version);
        out.int32(correlationId);
        out.nullableString(clientId, false);
        out.taggedFields(api.requestHeaderVersion(version) >= 2);
    }
}
