package io.sluice.api.errors;

/** The broker does not support a protocol version or feature the producer needs. */
public class UnsupportedVersionException extends ApiException {

    private static final long serialVersionUID = 1L;

    public UnsupportedVersionException(String message) {
        super(message);
    }

    public UnsupportedVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
