package io.sluice.core.protocol;

import java.util.Objects;

/**
 * Encodes a whole request (header and body) into the buffers of one frame. The entry point of the
 * connection layer for sending; it picks the correlation id and the version, this class the bytes.
 * Stateless.
 */
public final class RequestFrames {

    private RequestFrames() {
    }

    /**
     * Encodes {@code body} as a request of {@code api} at {@code version}.
     *
     * <p>Produce bodies splice their record batches by reference (see {@link ProduceRequest}); every
     * other body comes back as one buffer. Cost: one array for the header and framing, one small
     * {@code ByteBuffer} per piece; no batch byte is copied.
     *
     * @param clientId {@code client.id}, or {@code null}
     * @throws IllegalArgumentException if {@code version} is outside what Sluice speaks for {@code api},
     *         if {@code body} is not a body of {@code api}, or if a string is too long for Kafka
     * @throws io.sluice.api.errors.UnsupportedVersionException if the body holds a value {@code version}
     *         cannot carry (e.g. a producer epoch in InitProducerId v2)
     */
    public static EncodedFrame encode(ApiKeys api, short version, int correlationId, String clientId, RequestBody body) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(body, "body");
        if (body.apiKey() != api) {
            throw new IllegalArgumentException("A " + body.apiKey() + " body cannot be sent as a " + api + " request");
        }
        api.checkSupported(version);
        int size = RequestHeader.sizeOf(api, version, clientId) + body.framingSize(version);
        ProtocolWriter out = new ProtocolWriter(size, body.splicedBufferCount());
        RequestHeader.write(out, api, version, correlationId, clientId);
        body.writeTo(out, version);
        return out.finish();
    }
}
