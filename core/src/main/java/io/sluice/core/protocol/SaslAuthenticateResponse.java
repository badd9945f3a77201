package io.sluice.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * SaslAuthenticate response (key 36), v0–v2 ({@code SaslAuthenticateResponse.json}); flexible from v2.
 *
 * <pre>
 *   int16           error_code            SASL_AUTHENTICATION_FAILED (58) on bad credentials
 *   nullable string error_message         the broker's reason, or null
 *   bytes           auth_bytes            the server's token (a SCRAM server-first or server-final message)
 *   int64           session_lifetime_ms   v1+: 0, or how long the session lasts before the client must
 *                                         re-authenticate (KIP-368, the broker's connections.max.reauth.ms)
 *   tagged fields                         v2+
 * </pre>
 *
 * <p>Immutable: the token is copied in and out; {@link #toString()} shows only its length.
 */
public final class SaslAuthenticateResponse implements ResponseBody {

    private final short errorCode;
    private final String errorMessage;
    private final byte[] authBytes;
    private final long sessionLifetimeMs;

    public SaslAuthenticateResponse(short errorCode, String errorMessage, byte[] authBytes, long sessionLifetimeMs) {
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.authBytes = Objects.requireNonNull(authBytes, "authBytes").clone();
        this.sessionLifetimeMs = sessionLifetimeMs;
    }

    public short errorCode() {
        return errorCode;
    }

    /** The broker's reason for an error, or {@code null}. */
    public String errorMessage() {
        return errorMessage;
    }

    /** A copy of the server's token. */
    public byte[] authBytes() {
        return authBytes.clone();
    }

    /** 0 (no re-authentication needed, or v0), else the session's lifetime in ms from now. */
    public long sessionLifetimeMs() {
        return sessionLifetimeMs;
    }

    /** SaslAuthenticate has no throttle field. */
    @Override
    public int throttleTimeMs() {
        return 0;
    }

    static SaslAuthenticateResponse read(ProtocolReader in) {
        short errorCode = in.int16("error_code");
        String errorMessage = in.nullableString("error_message");
        byte[] authBytes = in.bytes("auth_bytes");
        long lifetime = in.version() >= 1 ? in.int64("session_lifetime_ms") : 0L;
        if (in.flexible()) {
            in.skipTaggedFields("tagged fields");
        }
        return new SaslAuthenticateResponse(errorCode, errorMessage, authBytes, lifetime);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaslAuthenticateResponse other && errorCode == other.errorCode
                && Objects.equals(errorMessage, other.errorMessage) && Arrays.equals(authBytes, other.authBytes)
                && sessionLifetimeMs == other.sessionLifetimeMs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(errorCode, errorMessage, Arrays.hashCode(authBytes), sessionLifetimeMs);
    }

    @Override
    public String toString() {
        return "SaslAuthenticateResponse[errorCode=" + errorCode + ", errorMessage=" + errorMessage + ", authBytes="
                + authBytes.length + " bytes, sessionLifetimeMs=" + sessionLifetimeMs + "]";
    }
}
