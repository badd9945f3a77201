package io.sluice.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * SaslAuthenticate request (key 36), v0–v2 ({@code SaslAuthenticateRequest.json}); flexible from v2.
 * Carries one SASL token of the mechanism the handshake chose (v1 is the same as v0).
 *
 * <pre>
 *   bytes auth_bytes    the client's token; compact in v2+
 *   tagged fields       v2+
 * </pre>
 *
 * <p>The token may hold a password (PLAIN sends it as is), so {@link #toString()} shows only its length.
 * Immutable: the array is copied in and out.
 */
public final class SaslAuthenticateRequest implements RequestBody {

    private final byte[] authBytes;

    /** @param authBytes the client's token for this round */
    public SaslAuthenticateRequest(byte[] authBytes) {
        this.authBytes = Objects.requireNonNull(authBytes, "authBytes").clone();
    }

    /** A copy of the token. */
    public byte[] authBytes() {
        return authBytes.clone();
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.SASL_AUTHENTICATE;
    }

    @Override
    public int framingSize(short version) {
        boolean flexible = ApiKeys.SASL_AUTHENTICATE.isFlexible(version);
        return ProtocolWriter.sizeOfBytes(authBytes.length, flexible) + ProtocolWriter.sizeOfTaggedFields(flexible);
    }

    @Override
    public void writeTo(ProtocolWriter out, short version) {
        boolean flexible = ApiKeys.SASL_AUTHENTICATE.isFlexible(version);
        out.bytes(authBytes, flexible);
        out.taggedFields(flexible);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaslAuthenticateRequest other && Arrays.equals(authBytes, other.authBytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(authBytes);
    }

    @Override
    public String toString() {
        return "SaslAuthenticateRequest[" + authBytes.length + " bytes]";
    }
}
