package io.sluice.api.errors;

/** The broker does not support a protocol version or feature the producer needs. */
public class UnsupportedVersionException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong: the thing at fault, the value, and what to do */
    public UnsupportedVersionException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong: the thing at fault, the value, and what to do
     * @param cause   the failure that led to this one, kept as {@link #getCause()}; may be null
     */
    public UnsupportedVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
