package io.sluice.core.protocol;

import io.sluice.api.errors.NetworkException;

/**
 * A frame from a broker that does not decode as the response we asked for: cut short, a length
 * that does not fit in what is left of the frame, a null where the protocol forbids one, or bytes
 * left over after the body.
 *
 * <p>Why a {@link NetworkException} (retriable, "refresh metadata"): a frame we cannot decode
 * leaves the connection's byte stream in an unknown state, just like a connection that broke in
 * the middle of a response. The connection layer closes the connection, and the requests that were
 * in flight on it are retried on a new one within {@code delivery.timeout.ms}, exactly as after a
 * disconnect. Being a public type, it still makes sense to a user if it reaches a callback after
 * the retries ran out; its message names the API, version, field and byte offset to report.
 *
 * <p>Only decoding raises it. Problems on our own side while encoding are
 * {@link IllegalArgumentException} (a caller bug, e.g. a string longer than 32767 bytes) or
 * {@link io.sluice.api.errors.UnsupportedVersionException} (a value the negotiated version cannot
 * carry).
 */
public final class ProtocolException extends NetworkException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
