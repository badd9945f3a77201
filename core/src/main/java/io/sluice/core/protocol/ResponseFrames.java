package io.sluice.core.protocol;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Decodes a response frame (as the transport hands it over, without the size prefix): response
 * header v0 ({@code int32 correlation_id}) or v1 (the same plus tagged fields), then the body. The
 * entry point of the connection layer for receiving. Stateless.
 */
public final class ResponseFrames {

    private ResponseFrames() {
    }

    /** A decoded response: the correlation id from its header and its body. */
    public record ParsedResponse(int correlationId, ResponseBody body) {
    }

    /**
     * The correlation id at the start of {@code frame}, without moving its position: to find the
     * in-flight request (and so the api and version) before decoding the rest.
     *
     * @throws ProtocolException if the frame is shorter than 4 bytes
     */
    public static int correlationId(ByteBuffer frame) {
        if (frame.remaining() < 4) {
            throw new ProtocolException("Malformed response from the broker: a frame of " + frame.remaining()
                    + " bytes cannot hold a correlation id (4 bytes). The connection is closed");
        }
        return frame.getInt(frame.position());
    }

    /**
     * Decodes {@code frame} as the response to a request of {@code api} at {@code version}. Reads
     * the frame from its position to its limit and moves the position; keeps no reference to it.
     *
     * @throws ProtocolException if the frame does not decode exactly as such a response
     * @throws IllegalArgumentException if Sluice has no decoder for {@code api} or {@code version}
     */
    public static ParsedResponse parse(ApiKeys api, short version, ByteBuffer frame) {
        Objects.requireNonNull(api, "api");
        api.checkSupported(version);
        ProtocolReader in = new ProtocolReader(frame, api, version);
        int correlationId = in.int32("correlation_id");
        if (api.responseHeaderVersion(version) >= 1) {
            in.skipTaggedFields("the response header's tagged fields");
        }
        ResponseBody body = switch (api) {
            case API_VERSIONS -> ApiVersionsResponse.read(in);
            case METADATA -> MetadataResponseDecoder.read(in);
            case PRODUCE -> ProduceResponseDecoder.read(in);
            case INIT_PRODUCER_ID -> InitProducerIdResponse.read(in);
            case SASL_HANDSHAKE -> SaslHandshakeResponse.read(in);
            case SASL_AUTHENTICATE -> SaslAuthenticateResponse.read(in);
            default -> throw new IllegalArgumentException("Sluice has no decoder for " + api + " responses yet");
        };
        in.expectEnd();
        return new ParsedResponse(correlationId, body);
    }
}
