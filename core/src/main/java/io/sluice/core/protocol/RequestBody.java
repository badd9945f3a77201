package io.sluice.core.protocol;

/**
 * The body of a request Sluice sends, encodable at every version of its API that Sluice speaks.
 * Implementations are immutable; encoding one twice (a retry) gives the same bytes.
 */
public sealed interface RequestBody permits ApiVersionsRequest, MetadataRequest, ProduceRequest, InitProducerIdRequest,
        SaslHandshakeRequest, SaslAuthenticateRequest {

    ApiKeys apiKey();

    /**
     * The bytes {@link #writeTo} writes itself at {@code version}, without spliced buffers.
     *
     * @throws IllegalArgumentException if a string is longer than Kafka allows
     * @throws io.sluice.api.errors.UnsupportedVersionException if a value cannot be carried by {@code version}
     */
    int framingSize(short version);

    /** How many external buffers {@link #writeTo} splices into the frame (record batches); 0 for most bodies. */
    default int splicedBufferCount() {
        return 0;
    }

    /** Writes the body at {@code version}, after {@link #framingSize} sized it. */
    void writeTo(ProtocolWriter out, short version);
}
