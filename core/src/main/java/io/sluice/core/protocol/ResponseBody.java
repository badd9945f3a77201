package io.sluice.core.protocol;

/** The decoded body of a response from a broker: an immutable value, holding no reference to the frame. */
public sealed interface ResponseBody permits ApiVersionsResponse, MetadataResponse, ProduceResponse, InitProducerIdResponse,
        SaslHandshakeResponse, SaslAuthenticateResponse {

    /** How long the broker throttled this client for a quota violation, in ms; 0 if not throttled or not in this version. */
    int throttleTimeMs();
}
