package io.sluice.core.protocol;

import java.util.Objects;

/**
 * SaslHandshake request (key 17), v1 only ({@code SaslHandshakeRequest.json}); never flexible.
 * v0 (the SASL tokens sent raw after it) was removed in Kafka 4.0 (KIP-896); v1 announces that
 * SaslAuthenticate requests carry the tokens. Sent first on a SASL connection after ApiVersions,
 * and again on an authenticated connection to start a re-authentication (KIP-368).
 *
 * <pre>
 *   string mechanism    e.g. PLAIN, SCRAM-SHA-256
 * </pre>
 *
 * @param mechanism the SASL mechanism the client chose ({@code sasl.mechanism})
 */
public record SaslHandshakeRequest(String mechanism) implements RequestBody {

    public SaslHandshakeRequest {
        Objects.requireNonNull(mechanism, "mechanism");
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.SASL_HANDSHAKE;
    }

    @Override
    public int framingSize(short version) {
        return ProtocolWriter.sizeOfString(mechanism, false, "sasl.mechanism");
    }

    @Override
    public void writeTo(ProtocolWriter out, short version) {
        out.string(mechanism, false);
    }
}
